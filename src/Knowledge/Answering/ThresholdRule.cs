using System.Globalization;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// How the judge's threshold is chosen on held-out confidences, as data (docs/knowledge.md, round 19, r19-qjudge): the
/// threshold t maximising U(t) = R(t) − <see cref="NoAnswerCost"/>·N(t) − <see cref="WrongCost"/>·W(t), where R counts the
/// answerable questions answered right, N the no-answer questions answered and W the answerable questions answered with a
/// wrong passage (a declined question costs nothing), among the thresholds that decline at least <see cref="AbstainFloor"/>
/// of the no-answer questions (when none does, those that decline the most). Ties go to the middle of the best run of
/// thresholds, so the choice does not sit on one case. Round 18's rule (abstention first, then pass) is the case k = 1, c = 0,
/// floor 0.98: the pass count is R + (no-answer total − N).
/// </summary>
public sealed record ThresholdRule(double NoAnswerCost, double WrongCost, double AbstainFloor)
{
    /// <summary>The rule the answer threshold is chosen by since round 19: a no-answer question answered costs four right answers.</summary>
    public static readonly ThresholdRule Answer = new(4, 1, 0.90);

    /// <summary>The rule until round 18 (abstention ≥ 0.98 first, then most passes): since round 19 the "sure" threshold of the hedged band.</summary>
    public static readonly ThresholdRule Sure = new(1, 0, 0.98);

    /// <summary>The threshold for held-out cases (each its confidence, whether answering is right and whether abstaining is right).</summary>
    public double Choose(IReadOnlyList<(double Confidence, bool AnswerRight, bool AbstainRight)> cases)
    {
        var points = Points(cases);
        if (points.Count == 0)
        {
            return 0.5;
        }

        var offCorpus = Math.Max(cases.Count(c => c.AbstainRight), 1);
        var abstained = points.Select(t => (double)cases.Count(c => c.AbstainRight && c.Confidence < t) / offCorpus).ToList();
        var floor = Math.Min(AbstainFloor, abstained.Max());
        var utility = points.Select((t, i) => abstained[i] < floor ? double.NegativeInfinity : Utility(cases, t)).ToList();
        var best = utility.Max();
        var first = utility.IndexOf(best);
        var last = first;
        while (last + 1 < utility.Count && utility[last + 1] == best)
        {
            last++;
        }

        return points[(first + last) / 2];
    }

    /// <summary>U(t): the answerable questions answered right, less the costs of the others answered.</summary>
    public double Utility(IEnumerable<(double Confidence, bool AnswerRight, bool AbstainRight)> cases, double threshold) =>
        cases.Where(c => c.Confidence >= threshold).Sum(c => c.AnswerRight ? 1 : c.AbstainRight ? -NoAnswerCost : -WrongCost);

    /// <summary>
    /// The thresholds worth trying: between two neighbouring confidences (midpoints, so a case exactly at a candidate is not on
    /// the edge), below the lowest and above the highest.
    /// </summary>
    public static List<double> Points(IReadOnlyList<(double Confidence, bool AnswerRight, bool AbstainRight)> cases)
    {
        var candidates = cases.Select(c => c.Confidence).Where(c => c is > 0 and < 1).Distinct().Order().ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var points = new List<double> { candidates[0] / 2 };
        points.AddRange(candidates.Zip(candidates.Skip(1), (a, c) => (a + c) / 2));
        points.Add((candidates[^1] + 1) / 2);
        return points;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"max right − {NoAnswerCost:0.##}·no-answer answered − {WrongCost:0.##}·wrong, abstention ≥ {AbstainFloor:0.##}");
}
