using System.Globalization;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>One labelled message of any case file, with the writer batch it belongs to (a..k) or null.</summary>
internal sealed record LabelledCase(string Id, string? Batch, JsonObject Row)
{
    public string Text => (string)Row["text"]!;

    public string User => (string)Row["user"]!;

    public DateTimeOffset Now => DateTimeOffset.Parse((string)Row["now"]!, CultureInfo.InvariantCulture);

    public IEnumerable<JsonObject> GoldActions => Row["gold"]!["actions"]!.AsArray().Select(a => a!.AsObject());

    /// <summary>The organisation names the gold gives (its actions' and a joint formation's units).</summary>
    public IEnumerable<string?> GoldNames =>
        GoldActions.Select(a => (string?)a["organization"]).Concat(GoldActions.SelectMany(a => (a["units"] as JsonArray ?? []).Select(u => (string?)u)));

    /// <summary>The gold kinds on the unit keyed <paramref name="key"/>: actions whose organisation it is, and a formation it is one unit of.</summary>
    public IEnumerable<string> GoldKinds(string key) =>
        GoldActions.Where(a => MentionOpinion.Key((string?)a["organization"]) == key
                || ((string?)a["kind"] == "formation" && (a["units"] as JsonArray ?? []).Any(u => MentionOpinion.Key((string?)u) == key)))
            .Select(a => (string)a["kind"]!).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// Every labelled message the project has, for the mention classifier: the own and development cases, the branches'
/// own batches (understanding-r*.jsonl), the earlier blind batches, and the eleven writer batches a..k of 2026-12-05.
/// Leave-one-writer-batch-out over a..k: for each writer batch, a mention model trained on everything else reads it.
/// </summary>
internal static class MentionFolds
{
    public static readonly string[] Batches = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"];

    private static readonly Lazy<Result> Computed = new(Compute);

    public sealed record HeldOutCase(
        LabelledCase Case,
        UnderstandingResult Rules,
        IReadOnlyList<MentionOpinion.Unit> Units,
        IReadOnlyList<float[]> Probabilities);

    public sealed record Result(IReadOnlyList<HeldOutCase> Cases, IReadOnlyDictionary<string, MentionModel> Models, TimeSpan Training);

    public static Result Get() => Computed.Value;

    /// <summary>The files of labelled messages other than the writer batches, in a fixed order.</summary>
    public static IReadOnlyList<string> OtherFiles()
    {
        var data = FixtureLedger.DataFile("");
        var branches = Directory.GetFiles(data, "understanding-r*.jsonl").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var blind = BlindFiles.Understanding().Select(Path.GetFileName)
            .Where(f => !Batches.Any(b => f == $"understanding-2026-12-05-{b}.jsonl")).Order(StringComparer.Ordinal)
            .Select(f => Path.Combine("blind", f!));
        return [.. branches!, .. blind];
    }

    public static IReadOnlyList<LabelledCase> All()
    {
        var users = FixtureLedger.Users();
        var cases = OwnCases.All().Select(c => new LabelledCase(c.Id, null, c.Row)).ToList();
        foreach (var file in OtherFiles())
        {
            cases.AddRange(OwnCases.Rows(file).Select(r => new LabelledCase((string)r["id"]!, null, r)));
        }

        foreach (var batch in Batches)
        {
            cases.AddRange(OwnCases.Rows(Path.Combine("blind", $"understanding-2026-12-05-{batch}.jsonl")).Select(r => new LabelledCase((string)r["id"]!, batch, r)));
        }

        return [.. cases.Where(c => users.ContainsKey(c.User) && c.Row["gold"]?["actions"] is JsonArray)];
    }

    /// <summary>The training example of a case: its units found by the index and by the gold's names, labelled with the gold's kinds.</summary>
    public static MentionExample Example(LabelledCase labelled, MessageUnderstanding understanding)
    {
        var normalized = understanding.Prepared(labelled.Text, labelled.Now);
        var units = MentionOpinion.Units(normalized, understanding.Index, labelled.GoldNames);
        return MentionExample.From(normalized, units, u => labelled.GoldKinds(u.Key));
    }

    public static MentionFeatures Features() => new(new MentionWordClasses(Vocabulary.Default()));

    private static Result Compute()
    {
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());
        var users = FixtureLedger.Users();
        var all = All();
        var examples = all.Select(c => (c.Batch, Example: Example(c, understanding))).ToList();
        var features = Features();
        var models = new Dictionary<string, MentionModel>(StringComparer.Ordinal);
        var held = new List<HeldOutCase>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var batch in Batches)
        {
            models[batch] = MentionModel.Train([.. examples.Where(e => e.Batch != batch).Select(e => e.Example)], features);
        }

        var training = clock.Elapsed;
        foreach (var batch in Batches)
        {
            var opinion = new MentionOpinion(models[batch]);
            foreach (var c in all.Where(c => c.Batch == batch))
            {
                var reading = understanding.Understand(c.Text, users[c.User], c.Now);
                var normalized = understanding.Prepared(c.Text, c.Now);
                var units = MentionOpinion.Units(normalized, understanding.Index, reading.Actions.Select(a => a.Organization));
                var read = opinion.Read(normalized, units);
                held.Add(new HeldOutCase(c, reading, units, read.Probabilities));
            }
        }

        return new Result(held, models, training);
    }
}
