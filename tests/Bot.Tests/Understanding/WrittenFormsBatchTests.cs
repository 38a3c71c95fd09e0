namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r7-uforms' blind batch (formal reports and work logs: written numerals, dates, times and item numbers; first run
/// 0.875 on 2026-12-05 22:10 UTC) stays where the work left it; what it measured is in docs/understanding.md.
/// </summary>
public sealed class WrittenFormsBatchTests
{
    private static readonly InstructorBot.Bot.Understanding.MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    [Theory]
    [InlineData("understanding-r7-uforms.jsonl", 1.0)]
    public void The_branch_batch_keeps_its_score(string file, double floor)
    {
        var score = UnderstandingScorer.EvaluateFile(file, Understanding);
        Assert.True(score.CaseExact >= floor, $"{file}: {score}\n{string.Join("\n", score.Failures)}");
    }
}
