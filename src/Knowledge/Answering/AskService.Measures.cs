using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Answering;

// The judge's measures of the best sentence: asking-clause coverage, the scorer's features (Measure), the subject's
// share, and the credit a unit type earns through its class.
public sealed partial class AskService
{
    /// <summary>
    /// How much of what the asking clauses hold (by weight) the answering sentence or its headings cover: a question that
    /// tells its situation first must still have its asking part answered, whatever its situation shares with the sentence.
    /// </summary>
    private static double AskingCoverage(IReadOnlyList<KeyTerm> terms, double[] weights, bool[]? asking, ScoredSentence best, System.Text.RegularExpressions.Regex?[] bound)
    {
        if (asking is null)
        {
            return 1;
        }

        var sentence = best.Hit.SentenceForms[best.Index];
        double total = 0, held = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            if (!asking[i] || terms[i].Generic)
            {
                continue;
            }

            total += weights[i];
            held += bound[i]?.IsMatch(sentence) == true ? weights[i] : Math.Max(Math.Max(terms[i].Credit(sentence), 0.6 * terms[i].Credit(best.Hit.MatchContext)), ClassCredit(terms[i], best.Hit, sentence)) * weights[i];
        }

        return total > 0 ? held / total : 1;
    }

    /// <summary>
    /// The scorer's view of the best sentence: how much of the asking clauses and of the whole question it covers, the
    /// heaviest asking term it leaves out, how much of the asking weight is words no document uses, how specific its best
    /// match is, how far it stands above the best sentence of another passage, and the missing-word signs.
    /// </summary>
    private AnswerFeatures Measure(IReadOnlyList<KeyTerm> terms, double[] weights, bool[]? asking, ScoredSentence best, Ranking ranked,
        System.Text.RegularExpressions.Regex?[] bound, double judged, bool predicateMissing, bool modifierMissing, bool negationMissing, bool subjectMissing, bool figureMissing)
    {
        var sentence = best.Hit.SentenceForms[best.Index];
        double total = 0, missing = 0, unknown = 0, rarest = 0;
        var maxIdf = Math.Log(1 + (Math.Max(index.PassageCount, 1) + 0.5) / 0.5);
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Generic || asking is not null && !asking[i])
            {
                continue;
            }

            total += weights[i];
            var credit = bound[i]?.IsMatch(sentence) == true ? 1 : Math.Max(Math.Max(terms[i].Credit(sentence), 0.6 * terms[i].Credit(best.Hit.MatchContext)), ClassCredit(terms[i], best.Hit, sentence));
            missing = Math.Max(missing, (1 - credit) * weights[i]);
            if (terms[i].Words.Max(DocumentFrequency) == 0)
            {
                unknown += weights[i];
            }
            else if (credit >= 0.99)
            {
                rarest = Math.Max(rarest, weights[i] / maxIdf);
            }
        }

        var other = ranked.Among(x => x.Hit != best.Hit).FirstOrDefault();
        var topWordScore = ranked.Unordered.Max(x => x.Hit.WordScore);
        var margin = other is null || best.Score <= 0 ? 1 : Math.Clamp((best.Score - other.Score) / best.Score, 0, 1);
        return new AnswerFeatures(judged, best.JudgedCoverage, total > 0 ? missing / total : 0, total > 0 ? unknown / total : 0, Math.Min(rarest, 1.5), margin,
            predicateMissing, modifierMissing, negationMissing, subjectMissing, figureMissing, asking is not null,
            best.Hit.HeadingMatch, topWordScore > 0 ? best.Hit.WordScore / topWordScore : 0);
    }

    /// <summary>Share of the subject of a one-clause question (by weight) the answering sentence or its headings must hold.</summary>
    public const double SubjectThreshold = 0.5;

    /// <summary>
    /// How much of the question's first phrase (what it is about: "入党要交什么材料" → 入党) the answering sentence or its
    /// headings hold, by weight.
    /// </summary>
    private static double SubjectShare(IReadOnlyList<KeyTerm> terms, double[] weights, ScoredSentence best, int askedAt, System.Text.RegularExpressions.Regex?[] bound)
    {
        if (askedAt <= 0)
        {
            return 1;
        }

        var subject = Enumerable.Range(0, terms.Count)
            .Where(i => terms[i].Start >= 0 && terms[i].Start < askedAt && !terms[i].Generic && !char.IsAsciiDigit(terms[i].Alternatives[0][0])).ToList();
        var sentence = best.Hit.SentenceForms[best.Index];
        var total = subject.Sum(i => weights[i]);
        var held = subject.Sum(i => bound[i]?.IsMatch(sentence) == true ? weights[i] : Math.Max(Math.Max(terms[i].Credit(sentence), terms[i].Credit(best.Hit.MatchContext)), ClassCredit(terms[i], best.Hit, sentence)) * weights[i]);
        return total > 0 ? held / total : 1;
    }

    /// <summary>
    /// What the answer gives a term inside a unit type the question names (律所) through the unit type's class (社会组织,
    /// Resources/unit-classes.tsv) in the sentence, its headings or its passage: a passage states its rule for the class, and
    /// the unit type is one of its members. For the judge's measures only; the ranking reads the term's own words.
    /// </summary>
    private static double ClassCredit(KeyTerm term, PassageHit hit, string sentence) =>
        term.UnitClass is null ? 0 : Math.Max(term.ClassCredit(sentence), Math.Max(term.ClassCredit(hit.MatchContext), term.ClassCredit(hit.MatchText)));
}
