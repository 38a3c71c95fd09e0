using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 19, branch r19-uadvice: a message that describes a unit and asks which way it should form is one formation_advice
/// with the unit's facts on it (no org_update beside it); a question about a rule in general, or about what a unit would
/// do in a supposed future ("以后要是超过一百个了"), is a policy question (docs/understanding.md, round 19).
/// </summary>
public sealed class AdviceRequestTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r19-uadvice.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.96, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
