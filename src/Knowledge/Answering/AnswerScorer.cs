using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// What the best sentence for a question looks like, as the numbers one scorer weighs (<see cref="AnswerScorer"/>). Every
/// feature is measured on the best-ranked sentence; none vetoes on its own.
/// </summary>
public sealed record AnswerFeatures(
    double AskingCoverage,
    double Coverage,
    double MissingShare,
    double UnknownShare,
    double RarestMatch,
    double Margin,
    bool PredicateMissing,
    bool ModifierMissing,
    bool NegationMissing,
    bool SubjectMissing,
    bool FigureMissing,
    bool Telling,
    double HeadingMatch = 0,
    double WordScore = 0)
{
    /// <summary>The asking clauses' content words against the best sentence (<see cref="FocusCoverage"/>); null: nothing measured.</summary>
    public FocusMeasure? Focus { get; init; }

    /// <summary>
    /// The asking clause asks for a kind of thing (<see cref="AnswerKind"/>: a duration, a sum, a ratio, a count, a date, a list)
    /// and the answer with its headings holds one. Not weighed in round 7 (fitted on the own batches alone it carried a question
    /// on another meeting over the threshold, IndexTests); weighed since round 11, fitted with blind a–w as folds, where it lifts
    /// the held-out pass rate with abstention unchanged (docs/knowledge.md, round 11).
    /// </summary>
    public bool KindHeld { get; init; }

    /// <summary>The asking clause asks for a kind of thing the answer and its headings do not hold ("支部几年换一届" against a sentence with no duration).</summary>
    public bool KindMissing { get; init; }

    /// <summary>The asking clause asks what is required (要求, 规定, 标准, 条件) and the answer states a requirement (应, 须, 不得, 原则上…).</summary>
    public bool RequirementHeld { get; init; }

    /// <summary>The asking clause asks what is required and the answer states none.</summary>
    public bool RequirementMissing { get; init; }

    /// <summary>The best sentence's asking-clause coverage less the best of the next nine sentences' ([-1, 1]): the asking clause agrees on it.</summary>
    public double AskingGap { get; init; }

    /// <summary>The best sentence's coverage less that of the best sentence of another passage ([-1, 1]).</summary>
    public double CoverageGap { get; init; }

    /// <summary>How far the best sentence's score stands above the second sentence's, of any passage (share of the best).</summary>
    public double SentenceMargin { get; init; }

    /// <summary>
    /// The best sentence's score without the bank's share against the best such score of any sentence ([0, 1]; 1 for the plain
    /// judge's own best): whether the ranking without the bank agrees that this sentence answers.
    /// </summary>
    public double PlainShare { get; init; } = 1;

    /// <summary>
    /// The best sentence's bank questions against the user's (<see cref="BankMatcher"/>): how much of the asking words the
    /// best of them says and their bigram Dice are weighed (round 8: the question bank). Its precision (how much of the bank
    /// question the user says) is not: weighed too, it cost 0.03 held out on both the own and the blind batches (docs/knowledge.md).
    /// </summary>
    public BankMatch Bank { get; init; } = BankMatch.None;

    /// <summary>The asking coverage halved for each missing-word sign: the product the earlier hand scorer used, as one feature.</summary>
    public double Vetoed => AskingCoverage * (PredicateMissing ? 0.5 : 1) * (ModifierMissing ? 0.5 : 1) * (NegationMissing ? 0.5 : 1) * (SubjectMissing ? 0.5 : 1);

    /// <summary>
    /// The names of <see cref="Vector"/>'s entries, in order (the columns of Resources/answer-scorer.json). "told_asking_coverage" is the asking-clause coverage of a question that
    /// tells its situation first (0 for one that only asks): a preamble alone is no evidence (a bare "telling" sign weighed
    /// +2.5 and carried off-corpus questions whose preamble spoke the campaign's words); only its asking clause answered is.
    /// </summary>
    public static readonly string[] Names =
    [
        "asking_coverage", "coverage", "missing_share", "unknown_share", "rarest_match", "margin",
        "predicate_missing", "modifier_missing", "negation_missing", "subject_missing", "figure_missing", "told_asking_coverage", "vetoed_coverage", "heading_match", "word_score",
        "focus_coverage", "focus_passage_coverage", "focus_rarest_matched", "focus_unknown_share", "focus_rare_unknown_share", "focus_known_words", "sentence_margin",
        "kind_missing", "requirement_missing", "requirement_held", "focus_neighbourhood_coverage", "asking_gap", "coverage_gap",
        "bank_coverage", "bank_dice",
        "kind_held", "plain_share",
    ];

    public double[] Vector() =>
    [
        AskingCoverage, Coverage, MissingShare, UnknownShare, RarestMatch, Margin,
        PredicateMissing ? 1 : 0, ModifierMissing ? 1 : 0, NegationMissing ? 1 : 0, SubjectMissing ? 1 : 0, FigureMissing ? 1 : 0, Telling ? AskingCoverage : 0, Vetoed, HeadingMatch, WordScore,
        Focus?.SentenceCoverage ?? AskingCoverage, Focus?.PassageCoverage ?? Coverage, Focus is { RarestMatched: false } ? 0 : 1, Focus?.UnknownShare ?? UnknownShare,
        Focus?.RareUnknownShare ?? UnknownShare, Math.Min(Focus?.KnownWords ?? 1, 4) / 4.0, SentenceMargin,
        KindMissing ? 1 : 0, RequirementMissing ? 1 : 0, RequirementHeld ? 1 : 0, Focus?.NeighbourhoodCoverage ?? AskingCoverage, AskingGap, CoverageGap,
        Bank.Coverage, Bank.Dice,
        KindHeld ? 1 : 0, PlainShare,
    ];
}

/// <summary>
/// One confidence for an answer from its <see cref="AnswerFeatures"/>: a logistic regression whose weights are fitted on
/// the own questions of the tuning folds and whose abstention threshold is chosen on held-out folds (both shipped in
/// Resources/answer-scorer.json; tests/Knowledge.Tests/HeldOutFoldTests.cs refits them and says how to rewrite the
/// file; docs/knowledge.md reports them). Fitting is Newton's method from zero: deterministic, no seed needed.
/// </summary>
public sealed class AnswerScorer(double[] weights, double bias, double threshold, double? sure = null)
{
    public IReadOnlyList<double> Weights { get; } = weights;

    public double Bias { get; } = bias;

    /// <summary>The confidence below which the answer is "no answer": chosen on held-out folds, not typed.</summary>
    public double Threshold { get; } = threshold;

    /// <summary>
    /// The confidence from which the answer is given plainly (<see cref="ThresholdRule.Sure"/>, chosen on the same held-out
    /// confidences): between <see cref="Threshold"/> and it the reply is hedged (<see cref="AskService.Hedge"/>: the passage may not answer exactly what was asked; round 19).
    /// </summary>
    public double Sure { get; } = Math.Max(sure ?? threshold, threshold);

    public double Confidence(AnswerFeatures features) => Confidence(features.Vector());

    public double Confidence(double[] x)
    {
        if (x[NegationIndex] > 0)
        {
            // "非党员可以当…吗" against sentences on 党员: the question asks the opposite of what the documents speak of, a
            // polarity no amount of shared words makes up for (the one sign kept as a veto; the word-level signs are weighed).
            return 0;
        }

        var z = Bias;
        for (var i = 0; i < x.Length; i++)
        {
            z += Weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    private static readonly int NegationIndex = Array.IndexOf(AnswerFeatures.Names, "negation_missing");

    private static readonly Lazy<AnswerScorer> Shipped = new(() =>
    {
        using var stream = typeof(AnswerScorer).Assembly.GetManifestResourceStream("InstructorBot.Knowledge.answer-scorer.json")
            ?? throw new InvalidOperationException("answer-scorer.json resource missing");
        return Read(JsonNode.Parse(stream)!.AsObject());
    });

    /// <summary>The weights and threshold shipped in Resources/answer-scorer.json: the bank-aware scorer.</summary>
    public static AnswerScorer Default => Shipped.Value;

    private static readonly Lazy<AnswerScorer> ShippedPlain = new(() =>
    {
        using var stream = typeof(AnswerScorer).Assembly.GetManifestResourceStream("InstructorBot.Knowledge.answer-scorer.json")
            ?? throw new InvalidOperationException("answer-scorer.json resource missing");
        return JsonNode.Parse(stream)!.AsObject()["without_bank"] is JsonObject plain ? Read(plain) : Default;
    });

    /// <summary>
    /// The scorer fitted without the question bank ("without_bank" in Resources/answer-scorer.json): it judges a sentence of a
    /// passage the bank has no questions for, as before the bank (<see cref="AskService.PlainScorer"/>).
    /// </summary>
    public static AnswerScorer Plain => ShippedPlain.Value;

    public static AnswerScorer Read(JsonObject json)
    {
        var names = json["features"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        if (!AnswerFeatures.Names.Take(names.Length).SequenceEqual(names))
        {
            throw new InvalidOperationException("answer-scorer.json: features differ from AnswerFeatures.Names; refit (HeldOutFoldTests)");
        }

        // A file fitted before features were added at the end weighs them 0 until the refit (HeldOutFoldTests says it is stale).
        double[] weights = [.. json["weights"]!.AsArray().Select(n => n!.GetValue<double>()), .. new double[AnswerFeatures.Names.Length - names.Length]];
        return new AnswerScorer(weights, json["bias"]!.GetValue<double>(), json["threshold"]!.GetValue<double>(), json["sure"]?.GetValue<double>());
    }

    public JsonObject Write(string fittedOn, string thresholdChosenOn) => new()
    {
        ["about"] = "Answer scorer (src/Knowledge/Answering/AnswerScorer.cs): logistic regression weights fitted on the own questions' tuning folds, "
            + "threshold chosen on held-out predictions. Rewritten by tests/Knowledge.Tests/HeldOutFoldTests.cs (The_shipped_weights…) with KB_REFIT=1; do not edit by hand.",
        ["fitted_on"] = fittedOn,
        ["threshold_chosen_on"] = thresholdChosenOn,
        ["features"] = new JsonArray([.. AnswerFeatures.Names.Select(n => JsonValue.Create(n))]),
        ["weights"] = new JsonArray([.. Weights.Select(w => JsonValue.Create(Math.Round(w, 6)))]),
        ["bias"] = Math.Round(Bias, 6),
        ["threshold"] = Math.Round(Threshold, 6),
        ["threshold_rule"] = ThresholdRule.Answer.ToString(),
        ["sure"] = Math.Round(Sure, 6),
        ["sure_rule"] = ThresholdRule.Sure.ToString(),
    };

    /// <summary>
    /// Fits a logistic regression on <paramref name="samples"/> (features, answer is right) by Newton's method with a small
    /// ridge penalty (the bias unpenalised): no randomness, so the same samples give the same weights on every machine.
    /// </summary>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<(double[] X, bool Y)> samples, int iterations = 25, double l2 = 0.5)
    {
        var n = AnswerFeatures.Names.Length;
        var m = n + 1;
        var beta = new double[m];
        if (samples.Count == 0)
        {
            return (new double[n], 0);
        }

        for (var it = 0; it < iterations; it++)
        {
            var hessian = new double[m, m];
            var gradient = new double[m];
            foreach (var (features, y) in samples)
            {
                var x = new double[m];
                Array.Copy(features, x, n);
                x[n] = 1;
                var z = 0.0;
                for (var i = 0; i < m; i++)
                {
                    z += beta[i] * x[i];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var v = Math.Max(p * (1 - p), 1e-9);
                for (var i = 0; i < m; i++)
                {
                    gradient[i] += (p - (y ? 1 : 0)) * x[i];
                    for (var j = 0; j < m; j++)
                    {
                        hessian[i, j] += v * x[i] * x[j];
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                gradient[i] += l2 * beta[i];
                hessian[i, i] += l2;
            }

            var step = Solve(hessian, gradient);
            var size = 0.0;
            for (var i = 0; i < m; i++)
            {
                beta[i] -= step[i];
                size += Math.Abs(step[i]);
            }

            if (size < 1e-10)
            {
                break;
            }
        }

        return (beta[..n], beta[n]);
    }

    /// <summary>Solves a x = b by Gaussian elimination with partial pivoting (a is small and positive definite).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                {
                    (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                }

                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var f = a[r, col] / a[col, col];
                for (var c = col; c < n; c++)
                {
                    a[r, c] -= f * a[col, c];
                }

                x[r] -= f * x[col];
            }
        }

        for (var r = n - 1; r >= 0; r--)
        {
            for (var c = r + 1; c < n; c++)
            {
                x[r] -= a[r, c] * x[c];
            }

            x[r] /= a[r, r];
        }

        return x;
    }

    /// <summary>The answer threshold for held-out cases: <see cref="ThresholdRule.Answer"/> (round 19; before it, <see cref="ThresholdRule.Sure"/>).</summary>
    public static double ChooseThreshold(IReadOnlyList<(double Confidence, bool AnswerRight, bool AbstainRight)> cases) => ThresholdRule.Answer.Choose(cases);

    /// <summary>One own question for fitting: its fold (the batch it was written in), features, and what is right for it.</summary>
    public sealed record FitCase(string Id, string Fold, double[] X, bool AnswerRight, bool AbstainRight);

    /// <summary>
    /// The shipped scorer: weights fitted on every fold; threshold and sure threshold chosen on leave-one-fold-out confidences
    /// (each fold scored by weights fitted without it), so they are chosen on predictions for questions the weights never saw.
    /// </summary>
    public static AnswerScorer FitAll(IReadOnlyList<FitCase> cases) => FitAll(cases, ThresholdRule.Answer);

    /// <summary><see cref="FitAll(IReadOnlyList{FitCase})"/> with the answer threshold chosen by <paramref name="rule"/> (for measuring rules).</summary>
    public static AnswerScorer FitAll(IReadOnlyList<FitCase> cases, ThresholdRule rule) =>
        FitAll(cases, rule, fold => Fit(Labelled(cases.Where(c => c.Fold != fold))), Fit(Labelled(cases)));

    /// <summary>
    /// <see cref="FitAll(IReadOnlyList{FitCase}, ThresholdRule)"/> with its fits given: <paramref name="fitWithout"/> of a fold is
    /// the fit on the cases outside it, <paramref name="whole"/> the fit on every case (a caller that shares fits between
    /// several calls, e.g. the tests' leave-one-fold-out measurements, passes them in).
    /// </summary>
    public static AnswerScorer FitAll(IReadOnlyList<FitCase> cases, ThresholdRule rule, Func<string, (double[] Weights, double Bias)> fitWithout, (double[] Weights, double Bias) whole)
    {
        var outOfFold = OutOfFold(cases, fitWithout);
        return new AnswerScorer(whole.Weights, whole.Bias, rule.Choose(outOfFold), ThresholdRule.Sure.Choose(outOfFold));
    }

    /// <summary>Each case's confidence under weights fitted without its fold, with its labels: what thresholds are chosen on.</summary>
    public static List<(double Confidence, bool AnswerRight, bool AbstainRight)> OutOfFold(IReadOnlyList<FitCase> cases) =>
        OutOfFold(cases, fold => Fit(Labelled(cases.Where(c => c.Fold != fold))));

    private static List<(double Confidence, bool AnswerRight, bool AbstainRight)> OutOfFold(IReadOnlyList<FitCase> cases, Func<string, (double[] Weights, double Bias)> fitWithout)
    {
        var outOfFold = new List<(double, bool, bool)>();
        foreach (var fold in cases.Select(c => c.Fold).Distinct())
        {
            var (w, b) = fitWithout(fold);
            var scorer = new AnswerScorer(w, b, 0.5);
            outOfFold.AddRange(cases.Where(c => c.Fold == fold).Select(c => (scorer.Confidence(c.X), c.AnswerRight, c.AbstainRight)));
        }

        return outOfFold;
    }

    /// <summary>
    /// The cases the scorer has a choice on: an answer that is right (1) or a question the documents do not answer (0). A
    /// question answered with the wrong passage fails whatever the scorer says; it is left out rather than taught as "abstain".
    /// </summary>
    internal static List<(double[] X, bool Y)> Labelled(IEnumerable<FitCase> cases) =>
        [.. cases.Where(c => c.AnswerRight || c.AbstainRight).Select(c => (c.X, c.AnswerRight))];

    /// <summary>
    /// Each fold held out: the weights fitted on the other folds (the tuning split), the threshold chosen on their own
    /// leave-one-fold-out confidences (a held-out split), then the held-out fold scored: its cases with confidence and threshold.
    /// </summary>
    public static List<(FitCase Case, double Confidence, double Threshold)> HeldOut(IReadOnlyList<FitCase> cases)
    {
        var result = new List<(FitCase, double, double)>();
        foreach (var fold in cases.Select(c => c.Fold).Distinct())
        {
            var scorer = FitAll([.. cases.Where(c => c.Fold != fold)]);
            result.AddRange(cases.Where(c => c.Fold == fold).Select(c => (c, scorer.Confidence(c.X), scorer.Threshold)));
        }

        return result;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"bias {Bias:F3}; {string.Join(", ", AnswerFeatures.Names.Zip(Weights, (n, w) => $"{n} {w:F3}"))}; threshold {Threshold:F3}; sure {Sure:F3}");
}
