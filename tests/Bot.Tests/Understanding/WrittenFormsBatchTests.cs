namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r7-uforms' blind batches (formal reports and work logs: written numerals, dates, times and item numbers; first
/// runs 0.875 at 22:10 and 0.950 at 22:44 UTC on 2026-12-05) stay where the work left them; see docs/understanding.md.
/// </summary>
public sealed class WrittenFormsBatchTests
{
    private static readonly InstructorBot.Bot.Understanding.MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    [Theory]
    [InlineData("understanding-r7-uforms.jsonl", 1.0)]
    [InlineData("understanding-r7-uforms-2.jsonl", 1.0)]
    public void The_branch_batch_keeps_its_score(string file, double floor)
    {
        var score = UnderstandingScorer.EvaluateFile(file, Understanding);
        Assert.True(score.CaseExact >= floor, $"{file}: {score}\n{string.Join("\n", score.Failures)}");
    }
}
