namespace InstructorBot.Knowledge.Answering;

public sealed partial class AskService
{
    /// <summary>
    /// The round-7 signs of whether the best sentence answers what is asked, not only shares its words
    /// (<see cref="AnswerFeatures"/>): the kind of thing the asking clause asks for (<see cref="AnswerKind"/>) held or not by the
    /// answer and its headings; a requirement asked (要求, 规定, 标准, 条件) and whether the answer states one (应, 须, 要, 不得,
    /// 原则上…); how far the best sentence's asking-clause coverage stands above that of the next nine sentences; how far its
    /// coverage stands above the best sentence of another passage.
    /// </summary>
    private AnswerFeatures WithAnswerKind(AnswerFeatures features, string question, IReadOnlyList<KeyTerm> terms, double[] weights, bool[]? asking,
        ScoredSentence best, Ranking ranked, System.Text.RegularExpressions.Regex?[] bound, string answer)
    {
        var asked = analyzer.Asked(question);
        var kind = AnswerKind.Asked(asked);
        var held = kind != AnswerKind.Kind.None && AnswerKind.Holds(kind, QuestionAnalyzer.MatchForm(answer + "|" + best.Hit.Section));
        var requirementAsked = RequirementAsk().IsMatch(asked);
        var requirementHeld = requirementAsked && Modal().IsMatch(QuestionAnalyzer.MatchForm(answer));
        var askingCoverages = ranked.Take(10).Select(s => AskingCoverage(terms, weights, asking, s, bound)).ToList();
        var other = ranked.Among(s => s.Hit != best.Hit).FirstOrDefault();
        return features with
        {
            KindHeld = held,
            KindMissing = kind != AnswerKind.Kind.None && !held,
            RequirementHeld = requirementHeld,
            RequirementMissing = requirementAsked && !requirementHeld,
            AskingGap = Math.Clamp(askingCoverages[0] - askingCoverages.Skip(1).DefaultIfEmpty(0).Max(), -1, 1),
            CoverageGap = Math.Clamp(best.JudgedCoverage - (other?.JudgedCoverage ?? 0), -1, 1),
        };
    }

    /// <summary>An asking clause that asks what is required: 有什么要求, 什么规定, 标准是什么, 要什么条件, 硬性…, 必须…吗.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("要求|规定|标准|条件|硬性|门槛|必须|需要")]
    private static partial System.Text.RegularExpressions.Regex RequirementAsk();

    /// <summary>
    /// What states a requirement: a modal of obligation or prohibition, a bound, or a target the documents set (实现, 力争:
    /// "实现50人以上非公企业有党员" requires what it targets).
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex("应|须|要|不得|严禁|原则上|一般|不少于|不超过|不低于|确保|做到|实现|力争")]
    private static partial System.Text.RegularExpressions.Regex Modal();
}
