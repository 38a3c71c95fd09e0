using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// Generalisation measured by folds (tests/data/understanding-own-folds.json): the classifier trained without a
/// batch and tested on it, the rules' first-run and current score per batch, and how often the second opinion doubts
/// the recording actions that rules which had not seen a batch got wrong against those they got right
/// (tests/data/understanding-own-first-readings.jsonl). The tables go to the test output and docs/understanding.md.
/// </summary>
public sealed class SecondOpinionFoldTests(ITestOutputHelper output)
{
    private static readonly string[] RecordingKinds = ["visit", "member_discovery", "formation", "work_coverage", "org_update", "pairing"];

    [Fact]
    public void The_classifier_trained_without_a_batch_names_a_kind_of_that_batch_in_most_messages()
    {
        var held = HeldOutFolds.Get();
        var table = new StringBuilder("fold | cases | top kind right | held-out accuracy\n");
        var right = 0;
        foreach (var fold in held.Cases.GroupBy(c => c.Fold))
        {
            var hits = fold.Count(c => c.Kinds.Contains(held.Scores[c.Id].Top));
            right += hits;
            table.AppendLine(CultureInfo.InvariantCulture, $"{fold.Key} | {fold.Count()} | {hits} | {(double)hits / fold.Count():F3}");
        }

        var accuracy = (double)right / held.Cases.Count;
        table.AppendLine(CultureInfo.InvariantCulture, $"all | {held.Cases.Count} | {right} | {accuracy:F3} (training 15 models: {held.Training.TotalSeconds:F1} s)");
        output.WriteLine(table.ToString());
        Assert.True(accuracy >= 0.85, $"held-out accuracy {accuracy:F3}\n{table}");
    }

    [Fact]
    public void Doubts_recording_actions_that_unseen_rules_got_wrong_far_more_often_than_those_they_got_right()
    {
        var held = HeldOutFolds.Get();
        var first = OwnCases.Rows(FirstReadingsFile).ToDictionary(r => (string)r["id"]!);
        var readings = new List<(string Kind, bool KindRight, float Probability)>();
        foreach (var c in held.Cases.Where(c => first.ContainsKey(c.Id)))
        {
            var gold = c.Kinds;
            foreach (var action in first[c.Id]["actions"]!.AsArray())
            {
                var kind = (string)action!["kind"]!;
                if (RecordingKinds.Contains(kind))
                {
                    readings.Add((kind, gold.Contains(kind), held.Scores[c.Id].Of(kind)));
                }
            }
        }

        var wrong = readings.Where(r => !r.KindRight).ToList();
        var correct = readings.Where(r => r.KindRight).ToList();
        var table = new StringBuilder($"recording actions of the first readings: {correct.Count} of a kind the gold has, {wrong.Count} of a kind it lacks\n");
        table.AppendLine("threshold | doubted, wrong kind | doubted, right kind");
        foreach (var threshold in new[] { 0.02f, 0.05f, 0.08f, 0.10f, 0.15f, 0.20f, 0.25f, 0.30f })
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{threshold:F2} | {Rate(wrong, threshold):F3} | {Rate(correct, threshold):F3}");
        }

        output.WriteLine(table.ToString());
        var atDefault = (Wrong: Rate(wrong, SecondOpinionOptions.DefaultThreshold), Right: Rate(correct, SecondOpinionOptions.DefaultThreshold));
        Assert.True(wrong.Count >= 15, $"too few misread kinds to measure: {wrong.Count}");
        Assert.True(atDefault.Wrong >= 5 * atDefault.Right && atDefault.Right <= 0.05,
            $"at {SecondOpinionOptions.DefaultThreshold}: wrong {atDefault.Wrong:F3}, right {atDefault.Right:F3}\n{table}");
    }

    [Fact]
    public void Reports_the_rules_score_per_batch_before_and_after_they_were_tuned_on_it()
    {
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());
        var users = FixtureLedger.Users();
        var first = OwnCases.Rows(FirstReadingsFile).ToDictionary(r => (string)r["id"]!);
        var folds = OwnCases.Folds().ToDictionary(f => (string)f["fold"]!);
        var table = new StringBuilder("fold | cases | rules before (first run) | rules now | tuned on it\n");
        foreach (var fold in OwnCases.All().GroupBy(c => c.Fold))
        {
            var now = UnderstandingScorer.Evaluate([.. fold.Select(c => (c.Row,
                UnderstandingJson.ToJson(understanding.Understand(c.Text, users[c.User], c.Now), c.Id)))]);
            var before = fold.All(c => first.ContainsKey(c.Id))
                ? UnderstandingScorer.Evaluate([.. fold.Select(c => (c.Row, first[c.Id]))]).CaseExact.ToString("F3", CultureInfo.InvariantCulture) + $" ({(string?)folds[fold.Key]["rules_before"]})"
                : "—";
            table.AppendLine(CultureInfo.InvariantCulture, $"{fold.Key} | {fold.Count()} | {before} | {now.CaseExact:F3} | {((bool)folds[fold.Key]["rules_tuned"]! ? "yes" : "no")}");
            Assert.True(now.CaseExact >= 0.95, $"{fold.Key}: {now}\n{string.Join("\n", now.Failures)}");
        }

        output.WriteLine(table.ToString());
    }

    private const string FirstReadingsFile = "understanding-own-first-readings.jsonl";

    private static double Rate(List<(string Kind, bool KindRight, float Probability)> readings, float threshold) =>
        readings.Count == 0 ? 0 : (double)readings.Count(r => r.Probability < threshold) / readings.Count;
}
