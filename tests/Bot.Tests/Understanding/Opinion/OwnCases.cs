using System.Globalization;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>One own or development case with its fold (tests/data/understanding-own-folds.json).</summary>
internal sealed record OwnCase(string Id, string Fold, JsonObject Row)
{
    public string Text => (string)Row["text"]!;

    public string User => (string)Row["user"]!;

    public DateTimeOffset Now => DateTimeOffset.Parse((string)Row["now"]!, CultureInfo.InvariantCulture);

    /// <summary>The gold's action kinds in the order first said, or <c>none</c>.</summary>
    public IReadOnlyList<string> Kinds
    {
        get
        {
            var kinds = Row["gold"]!["actions"]!.AsArray().Select(a => (string)a!["kind"]!).Distinct(StringComparer.Ordinal).ToList();
            return kinds.Count == 0 ? [IntentExample.None] : kinds;
        }
    }
}

/// <summary>The own and development cases, each in the fold of the batch it was written in.</summary>
internal static class OwnCases
{
    public const string FoldFile = "understanding-own-folds.json";

    public static IReadOnlyList<JsonObject> Folds() =>
        [.. JsonNode.Parse(File.ReadAllText(FixtureLedger.DataFile(FoldFile)))!["folds"]!.AsArray().Select(f => f!.AsObject())];

    public static IReadOnlyList<OwnCase> All()
    {
        var ranges = Folds().Where(f => f["first"] is not null)
            .Select(f => (Fold: (string)f["fold"]!, First: Number((string)f["first"]!), Last: Number((string)f["last"]!))).ToList();
        var cases = new List<OwnCase>();
        foreach (var row in Rows("understanding-own.jsonl"))
        {
            var id = (string)row["id"]!;
            var n = Number(id);
            var folds = ranges.Where(r => r.First <= n && n <= r.Last).Select(r => r.Fold).ToList();
            if (folds.Count != 1)
            {
                throw new InvalidOperationException($"{id} is in {folds.Count} folds of {FoldFile}");
            }

            cases.Add(new OwnCase(id, folds[0], row));
        }

        cases.AddRange(Rows("understanding-dev.jsonl").Select(row => new OwnCase((string)row["id"]!, "dev", row)));
        return cases;
    }

    /// <summary>The training examples these cases give: text prepared with the fixture ledger's index, gold kinds.</summary>
    public static IReadOnlyList<IntentExample> Examples(IEnumerable<OwnCase> cases, OrganizationIndex index) =>
        [.. cases.Select(c => new IntentExample(IntentText.Prepare(TextNormalizer.Normalize(c.Text), index), c.Kinds))];

    public static IEnumerable<JsonObject> Rows(string file) =>
        File.ReadAllLines(FixtureLedger.DataFile(file)).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject());

    private static int Number(string id) => int.Parse(id.AsSpan(1), CultureInfo.InvariantCulture);
}
