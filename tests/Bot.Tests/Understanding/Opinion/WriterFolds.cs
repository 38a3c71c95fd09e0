using System.Globalization;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>One case of a blind batch (tests/data/blind/understanding-2026-12-05-{a..k}.jsonl), each written by another writer.</summary>
internal sealed record WriterCase(string Batch, JsonObject Row)
{
    public string Id => (string)Row["id"]!;

    public string Text => (string)Row["text"]!;

    public string User => (string)Row["user"]!;

    public DateTimeOffset Now => DateTimeOffset.Parse((string)Row["now"]!, CultureInfo.InvariantCulture);

    public IReadOnlyList<string> Kinds
    {
        get
        {
            var kinds = Row["gold"]!["actions"]!.AsArray().Select(a => (string)a!["kind"]!).Distinct(StringComparer.Ordinal).ToList();
            return kinds.Count == 0 ? [IntentExample.None] : kinds;
        }
    }
}

/// <summary>
/// Leave-one-writer-batch-out: for each blind batch, a classifier trained on the own and development cases and the ten
/// other blind batches (never the held-out one) reads the held-out batch. Computed once per test run and per recipe.
/// </summary>
internal static class WriterFolds
{
    public static readonly string[] Batches = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"];

    private static readonly Lazy<Result> Plain = new(() => Compute(augment: false));
    private static readonly Lazy<Result> Augmented = new(() => Compute(augment: true));

    public static Result Get(bool augment = false) => augment ? Augmented.Value : Plain.Value;

    public sealed record Result(
        IReadOnlyList<WriterCase> Cases,
        IReadOnlyDictionary<string, IntentModel> Models,
        IReadOnlyDictionary<string, IntentScores> Scores,
        TimeSpan Training);

    public static IReadOnlyList<WriterCase> Cases(string batch) =>
        [.. OwnCases.Rows(Path.Combine("blind", $"understanding-2026-12-05-{batch}.jsonl")).Select(r => new WriterCase(batch, r))];

    public static IReadOnlyList<WriterCase> AllCases() => [.. Batches.SelectMany(Cases)];

    public static IReadOnlyList<IntentExample> Examples(IEnumerable<WriterCase> cases, OrganizationIndex index) =>
        [.. cases.Select(c => new IntentExample(IntentText.Prepare(TextNormalizer.Normalize(c.Text), index), c.Kinds))];

    private static Result Compute(bool augment)
    {
        var index = new MessageUnderstanding(FixtureLedger.Organizations()).Index;
        var own = OwnCases.Examples(OwnCases.All(), index);
        if (augment)
        {
            own = [.. own, .. IntentAugmentation.Variants(own, Vocabulary.Default(), seed: 20261205)];
        }

        var cases = AllCases();
        var models = new Dictionary<string, IntentModel>(StringComparer.Ordinal);
        var scores = new Dictionary<string, IntentScores>(StringComparer.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var batch in Batches)
        {
            var model = IntentModel.Train([.. own, .. Examples(cases.Where(c => c.Batch != batch), index)]);
            models[batch] = model;
            foreach (var heldOut in cases.Where(c => c.Batch == batch))
            {
                scores[heldOut.Id] = model.Score(IntentText.Prepare(TextNormalizer.Normalize(heldOut.Text), index));
            }
        }

        return new Result(cases, models, scores, clock.Elapsed);
    }
}
