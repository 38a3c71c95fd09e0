using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// The second reader (<see cref="SecondOpinion.Fill"/>: a kind the classifier is sure of and the rules read nothing of,
/// filled from the message's parts and asked about) measured leave-one-writer-batch-out over a–w (<see cref="FallbackFolds"/>):
/// each batch read by the rules and a model that never saw it, without and with the fill. Tables go to the test output and
/// docs/understanding.md (round 11, r11-ufallback). Training the 23 models takes minutes the first time (cached after).
/// </summary>
public sealed class FallbackFoldTests(ITestOutputHelper output)
{
    private static readonly float[] Thresholds = [0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f];

    [Fact]
    public void The_fill_chosen_on_the_folds_gains_cases_on_held_out_writers_and_asks_before_every_record_it_adds()
    {
        var organizations = FixtureLedger.Organizations();
        var sweep = new StringBuilder("threshold | case exact gained / lost (a–w) | added right / wrong | wrong records without confirm | wrong queries\n");
        var perBatch = new Dictionary<float, List<BatchFigures>>();
        foreach (var t in Thresholds)
        {
            perBatch[t] = [.. FallbackFolds.Batches.Select(b => Measure(b, organizations, t))];
            var all = perBatch[t];
            sweep.AppendLine(CultureInfo.InvariantCulture,
                $"{t:F1} | +{all.Sum(f => f.Gained)} / -{all.Sum(f => f.Lost)} | {all.Sum(f => f.AddedRight)} / {all.Sum(f => f.AddedWrong)} | {all.Sum(f => f.WrongUnconfirmed)} | {all.Sum(f => f.WrongQueries)}");
        }

        output.WriteLine(sweep.ToString());
        var chosen = perBatch[SecondOpinionOptions.DefaultFillAbove];
        var table = new StringBuilder("batch | case exact before -> after | kind F1 before -> after | added right / wrong (confirm) | cases changed (+ now exact, - no longer)\n");
        foreach (var f in chosen)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{f.Batch} | {f.Before.CaseExact:F3} -> {f.After.CaseExact:F3} | {f.Before.KindF1:F3} -> {f.After.KindF1:F3} | {f.AddedRight} / {f.AddedWrong} ({f.AddedConfirmed}) | {string.Join(' ', f.Changed)}");
        }

        output.WriteLine($"at FillAbove = {SecondOpinionOptions.DefaultFillAbove}:\n{table}");
        output.WriteLine("added at 0.3 (id kind organisation +right/-wrong):\n" + string.Join('\n', perBatch[0.3f].SelectMany(f => f.Added)));
        output.WriteLine("gold kinds the reading lacks, the held-out p:\n" + string.Join('\n', perBatch[0.3f].SelectMany(f => f.Lacking)));
        Assert.Equal(0, chosen.Sum(f => f.WrongUnconfirmed));
        Assert.True(chosen.Sum(f => f.Gained) > chosen.Sum(f => f.Lost), $"{sweep}\n{table}");
        Assert.True(chosen.Sum(f => f.AddedRight) > chosen.Sum(f => f.AddedWrong), $"{sweep}\n{table}");
    }

    [Fact]
    public void The_fill_changes_no_own_or_development_case_read_with_the_shipped_model()
    {
        var organizations = FixtureLedger.Organizations();
        var model = IntentModelCache.Shipped(SharedModelFolder.Path);
        var plain = new MessageUnderstanding(organizations) { SecondOpinion = new SecondOpinion(model) { FillAbove = 1.01f } };
        var filled = new MessageUnderstanding(organizations) { SecondOpinion = new SecondOpinion(model) };
        var report = new StringBuilder();
        foreach (var file in new[] { "understanding-own.jsonl", "understanding-dev.jsonl" })
        {
            var before = UnderstandingScorer.EvaluateFile(file, plain);
            var after = UnderstandingScorer.EvaluateFile(file, filled);
            report.AppendLine(CultureInfo.InvariantCulture, $"{file}: opinion {before} | opinion + fill {after}");
            Assert.True(after.Exact >= before.Exact, $"{file}: {before} -> {after}\n{string.Join('\n', after.Failures)}");
        }

        output.WriteLine(report.ToString());
    }

    private sealed record BatchFigures(
        string Batch, UnderstandingScorer.Score Before, UnderstandingScorer.Score After, int Gained, int Lost,
        int AddedRight, int AddedWrong, int AddedConfirmed, int WrongUnconfirmed, int WrongQueries, IReadOnlyList<string> Changed)
    {
        public List<string> Added { get; } = [];

        public List<string> Lacking { get; } = [];
    }

    private static BatchFigures Measure(string batch, IReadOnlyList<Store.Domain.Organization> organizations, float fillAbove)
    {
        var model = FallbackFolds.Models[batch];
        var plain = new MessageUnderstanding(organizations) { SecondOpinion = new SecondOpinion(model) { FillAbove = 1.01f } };
        var filled = new MessageUnderstanding(organizations) { SecondOpinion = new SecondOpinion(model) { FillAbove = fillAbove } };
        var users = FixtureLedger.Users();
        var cases = FallbackFolds.Cases(batch);
        var before = cases.Select(c => plain.Understand(c.Text, users[c.User], c.Now)).ToList();
        var after = cases.Select(c => filled.Understand(c.Text, users[c.User], c.Now)).ToList();
        int right = 0, wrong = 0, confirmed = 0, unconfirmed = 0, wrongQueries = 0, gained = 0, lost = 0;
        var changed = new List<string>();
        var added = new List<string>();
        var lacking = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var scores = model.Score(IntentText.Prepare(plain.Prepared(cases[i].Text, cases[i].Now), plain.Index));
            var kinds = before[i].Actions.Select(a => a.Kind).ToHashSet();
            var gold = cases[i].Row["gold"]!["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
            foreach (var addedAction in after[i].Actions.Where(a => !kinds.Contains(a.Kind)))
            {
                var label = IntentScores.Label(addedAction.Kind);
                var isRight = gold.Any(g => (string?)g["kind"] == label
                    && UnderstandingScorer.Norm((string?)g["organization"]) == UnderstandingScorer.Norm(addedAction.Organization));
                right += isRight ? 1 : 0;
                wrong += isRight ? 0 : 1;
                confirmed += addedAction.Doubtful ? 1 : 0;
                unconfirmed += !isRight && addedAction.IsRecord && !addedAction.Doubtful ? 1 : 0;
                wrongQueries += !isRight && !addedAction.IsRecord ? 1 : 0;
                added.Add(string.Create(CultureInfo.InvariantCulture, $"{cases[i].Id} {label} {addedAction.Organization} {(isRight ? '+' : '-')} p={scores.Of(addedAction.Kind):F2} | {cases[i].Text}"));
            }

            foreach (var kind in gold.Select(g => (string)g["kind"]!).Distinct().Where(k => !before[i].Actions.Any(a => IntentScores.Label(a.Kind) == k)))
            {
                lacking.Add(string.Create(CultureInfo.InvariantCulture, $"{cases[i].Id} {kind} p={scores.Of(kind):F2} filled={after[i].Actions.Any(a => IntentScores.Label(a.Kind) == kind)}"));
            }

            var wasExact = Exact(cases[i].Row, before[i], cases[i].Id);
            var isExact = Exact(cases[i].Row, after[i], cases[i].Id);
            if (wasExact != isExact)
            {
                changed.Add(cases[i].Id + (isExact ? "+" : "-"));
                gained += isExact ? 1 : 0;
                lost += isExact ? 0 : 1;
            }
        }

        var figures = new BatchFigures(batch, Score(cases, before), Score(cases, after), gained, lost, right, wrong, confirmed, unconfirmed, wrongQueries, changed);
        figures.Added.AddRange(added);
        figures.Lacking.AddRange(lacking);
        return figures;
    }

    private static bool Exact(JsonObject row, UnderstandingResult reading, string id) =>
        UnderstandingScorer.Evaluate([(row, UnderstandingJson.ToJson(reading, id))]).Exact == 1;

    private static UnderstandingScorer.Score Score(IReadOnlyList<WriterCase> cases, List<UnderstandingResult> readings) =>
        UnderstandingScorer.Evaluate([.. cases.Select((c, i) => (c.Row, UnderstandingJson.ToJson(readings[i], c.Id)))]);
}
