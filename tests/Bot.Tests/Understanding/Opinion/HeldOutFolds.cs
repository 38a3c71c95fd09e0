using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// Leave-one-batch-out: for each fold, a classifier trained on every other fold scores the fold's messages. Computed
/// once per test run (training 15 models takes seconds) and shared by the tests that report on it.
/// </summary>
internal static class HeldOutFolds
{
    private static readonly Lazy<Result> Computed = new(Compute);

    public static Result Get() => Computed.Value;

    public sealed record Result(IReadOnlyList<OwnCase> Cases, IReadOnlyDictionary<string, IntentScores> Scores, TimeSpan Training);

    private static Result Compute()
    {
        var index = new MessageUnderstanding(FixtureLedger.Organizations()).Index;
        var cases = OwnCases.All();
        var scores = new Dictionary<string, IntentScores>(StringComparer.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var fold in cases.Select(c => c.Fold).Distinct())
        {
            var model = IntentModel.Train(OwnCases.Examples(cases.Where(c => c.Fold != fold), index));
            foreach (var heldOut in cases.Where(c => c.Fold == fold))
            {
                scores[heldOut.Id] = model.Score(IntentText.Prepare(TextNormalizer.Normalize(heldOut.Text), index));
            }
        }

        return new Result(cases, scores, clock.Elapsed);
    }
}
