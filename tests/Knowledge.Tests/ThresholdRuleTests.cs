using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InstructorBot.Knowledge.Answering;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// The rule the answer threshold is chosen by (<see cref="ThresholdRule"/>, docs/knowledge.md, round 19, r19-qjudge): a unit
/// check of the rule is <see cref="ThresholdRuleChoiceTests"/>; on request (KB_RULES=1, minutes) the round-18 rule and round 19's compared
/// leave-one-batch-out on the own and blind a–ar folds, and on the check batches as–au (scorers fitted on every fit fold),
/// with the curve threshold → answered right / wrong / no-answer answered pooled over the held-out folds (KB_CURVE=file).
/// </summary>
[Collection(OwnQuestions.Name)]
public sealed class ThresholdRuleTests(OwnQuestionFeatures own, ITestOutputHelper output)
{
    [Fact]
    public void The_rules_are_compared_held_out_on_request()
    {
        if (Environment.GetEnvironmentVariable("KB_RULES") != "1")
        {
            return;
        }

        var rules = new[] { ("round 18 (sure)", ThresholdRule.Sure), ("round 19 (answer)", ThresholdRule.Answer), ("k = 8, floor 0.95 (sensitivity, not shipped)", new ThresholdRule(8, 1, 0.95)) };
        const string All = "all";
        var folds = own.Fold.Values.Distinct().Append(All).ToList();
        var scorers = rules.ToDictionary(r => r.Item1, _ => new Dictionary<string, (AnswerScorer Bank, AnswerScorer Plain)>());
        foreach (var fold in folds)
        {
            var bank = Prepared([.. own.BankCases.Where(c => c.Fold != fold)]);
            var plain = Prepared([.. own.PlainCases.Where(c => c.Fold != fold)]);
            foreach (var (name, rule) in rules)
            {
                scorers[name][fold] = (bank.Make(rule), plain.Make(rule));
            }

            if (fold == All && Environment.GetEnvironmentVariable("KB_CURVE") is { Length: > 0 } file)
            {
                File.WriteAllText(file, Curve("bank-aware", bank.OutOfFold) + Curve("plain", plain.OutOfFold));
            }
        }

        foreach (var (name, _) in rules)
        {
            var (predictions, hedged) = Predictions(scorers[name]);
            output.WriteLine($"{name}: own {QaScorer.Score(own.Gold, predictions)}; hedged {hedged.Count(own.Gold.Select(Id).Contains)}");
            output.WriteLine($"{name}: blind a–ar {QaScorer.Score(own.BlindGold, predictions)}; hedged {hedged.Count(own.BlindGold.Select(Id).Contains)}");
            output.WriteLine($"{name}: check as–au (fitted on every fit fold) {QaScorer.Score(own.CheckGold, predictions)}; hedged {hedged.Count(own.CheckGold.Select(Id).Contains)}");
            output.WriteLine($"{name}: shipped-style fit thresholds bank {scorers[name][All].Bank.Threshold:F3} / sure {scorers[name][All].Bank.Sure:F3}, plain {scorers[name][All].Plain.Threshold:F3} / sure {scorers[name][All].Plain.Sure:F3}");
        }
    }

    private static string Id(JsonObject c) => c["id"]!.GetValue<string>();

    /// <summary>Weights fitted on the cases and their leave-one-fold-out confidences: a scorer for each rule from one fit.</summary>
    private static (List<(double Confidence, bool AnswerRight, bool AbstainRight)> OutOfFold, Func<ThresholdRule, AnswerScorer> Make) Prepared(IReadOnlyList<AnswerScorer.FitCase> cases)
    {
        var outOfFold = AnswerScorer.OutOfFold(cases);
        var (weights, bias) = AnswerScorer.Fit(AnswerScorer.Labelled(cases));
        return (outOfFold, rule => new AnswerScorer(weights, bias, rule.Choose(outOfFold), ThresholdRule.Sure.Choose(outOfFold)));
    }

    /// <summary>Threshold → answered right (R), answered wrong (W), no-answer answered (N), abstention, U of the answer rule; every 0.01.</summary>
    private static string Curve(string judge, List<(double Confidence, bool AnswerRight, bool AbstainRight)> cases)
    {
        var text = new StringBuilder($"# {judge}: {cases.Count} cases, {cases.Count(c => c.AnswerRight)} right when answered, {cases.Count(c => c.AbstainRight)} no-answer\njudge\tthreshold\tright\twrong\tno_answer_answered\tabstention\tU\n");
        var offCorpus = Math.Max(cases.Count(c => c.AbstainRight), 1);
        for (var t = 0.30; t < 1.0; t += 0.01)
        {
            var answered = cases.Where(c => c.Confidence >= t).ToList();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{judge}\t{t:F2}\t{answered.Count(c => c.AnswerRight)}\t{answered.Count(c => !c.AnswerRight && !c.AbstainRight)}\t{answered.Count(c => c.AbstainRight)}\t{1 - ((double)answered.Count(c => c.AbstainRight) / offCorpus):F3}\t{ThresholdRule.Answer.Utility(cases, t)}"));
        }

        return text.ToString();
    }

    /// <summary>As the shipped code judges (HeldOutFoldTests): each applying judge's margin over its threshold, the larger answers; below both, no answer.</summary>
    private (Dictionary<string, JsonObject> Predictions, HashSet<string> Hedged) Predictions(Dictionary<string, (AnswerScorer Bank, AnswerScorer Plain)> scorers)
    {
        var bankX = own.BankCases.Concat(own.CheckBankCases).ToDictionary(c => c.Id, c => c.X);
        var plainX = own.PlainCases.Concat(own.CheckPlainCases).ToDictionary(c => c.Id, c => c.X);
        var hedged = new HashSet<string>();
        var predictions = own.Gold.Concat(own.BlindGold).Concat(own.CheckGold).ToDictionary(Id, c =>
        {
            var id = Id(c);
            if (!own.Routes.TryGetValue(id, out var routes))
            {
                return own.Forced[id];
            }

            var (bank, plain) = scorers[own.Fold.TryGetValue(id, out var fold) ? fold : "all"];
            var options = new List<(double Margin, bool Hedged, JsonObject Answer)>();
            if (routes.Bank)
            {
                var confidence = bank.Confidence(bankX[id]);
                options.Add((own.Vetoed.Contains((id, true)) ? -1 : confidence - bank.Threshold, confidence < bank.Sure, own.ForcedBank[id]));
            }

            if (routes.Plain)
            {
                var confidence = plain.Confidence(plainX[id]);
                options.Add((own.Vetoed.Contains((id, false)) ? -1 : confidence - plain.Threshold, confidence < plain.Sure, own.ForcedPlain[id]));
            }

            var best = options.MaxBy(o => o.Margin);
            if (best.Margin < 0)
            {
                return JsonSerializer.SerializeToNode(new Answer(false, AskService.NoAnswer, [], null), QaEvaluationTests.Json)!.AsObject();
            }

            if (best.Hedged)
            {
                hedged.Add(id);
            }

            return best.Answer;
        });
        return (predictions, hedged);
    }
}

/// <summary>The rule on made-up confidences (<see cref="ThresholdRule"/>): no index, no fixture.</summary>
public sealed class ThresholdRuleChoiceTests
{
    [Fact]
    public void The_old_rule_declines_every_no_answer_question_and_the_cost_rule_trades_one_for_many_right_answers()
    {
        // Ten right answers at 0.92–0.965, one no-answer question at 0.97 and twenty at 0.5.
        var cases = Enumerable.Range(0, 10).Select(i => (0.92 + (0.005 * i), true, false))
            .Append((0.97, false, true)).Concat(Enumerable.Range(0, 20).Select(_ => (0.5, false, true))).ToList();

        // Abstention first (≥ 0.98 of 21 declined): only a threshold above 0.97 declines them all, and answers nothing.
        Assert.True(ThresholdRule.Sure.Choose(cases) > 0.97);
        // Round 19's rule: ten right answers for one no-answer question answered (U = 10 − 4 = 6 against 0), abstention 20/21 ≥ 0.9.
        Assert.InRange(ThresholdRule.Answer.Choose(cases), 0.5, 0.92);
        Assert.Equal(6, ThresholdRule.Answer.Utility(cases, 0.7));
        // The guard: with only three no-answer questions at 0.5, one answered is abstention 0.75 < 0.9, whatever it buys.
        var few = cases.Take(13).ToList();
        Assert.True(ThresholdRule.Answer.Choose(few) > 0.97);
    }
}
