namespace InstructorBot.Bot.Understanding;

// Stage: alternative questions (round 14, branch r14-unarr). "这种是跟别的单位联合建，还是挂靠社区好？", "是先派个指导员过去
// 还是先把工会搞起来？", "先派指导员还是先建工会": A 还是 B asks which of two; 还是 is the alternative's joiner when a verb
// phrase opens B (alternative_openers: 先, 跟, 挂靠, 直接), not the "still" of "党员还是8个" or "书记还是黄总". The question
// spans both alternatives: the clause of A before a clause opening with 还是 is asked too, so neither alternative's verb
// is a record (派指导员 is no instructor sent). Where the alternatives name ways of forming or covering a unit
// (choice_methods, alternative_measures) the question asks which fits: a formation advice request, with the unit's
// facts said before it as its premise.
internal sealed partial class MessageParser
{
    /// <summary>The alternative 还是 in [<paramref name="start"/>, <paramref name="end"/>): 还是 followed by a word that opens a verb phrase.</summary>
    private int AlternativeJoinerIn(int start, int end)
    {
        for (var at = text.IndexOf("还是", start, Math.Max(0, end - start), StringComparison.Ordinal); at >= 0;
             at = at + 2 < end ? text.IndexOf("还是", at + 2, end - at - 2, StringComparison.Ordinal) : -1)
        {
            if (!InMention(at) && rules.Alternatives.Openers.MatchAt(text, at + 2) is not null)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>
    /// The alternatives of each alternative question: from the clause of A (the clause before the joiner's, when the joiner
    /// opens its clause) to the end of the joiner's sentence, where the second alternative names a way of forming or covering
    /// a unit (indexes of the first and last clause).
    /// </summary>
    private IEnumerable<(int First, int Last, int Joiner)> AlternativeSpans()
    {
        for (var k = 0; k < clauses.Count; k++)
        {
            var joiner = AlternativeJoinerIn(clauses[k].Start, clauses[k].End);
            if (joiner < 0)
            {
                continue;
            }

            var last = k;
            while (last + 1 < clauses.Count && !EndsSentence(clauses[last], clauses[last + 1]))
            {
                last++;
            }

            if (!AlternativeMeasureOn(joiner + 2, clauses[last].End))
            {
                continue;
            }

            var opens = text.AsSpan(clauses[k].Start, joiner - clauses[k].Start).Trim().IsEmpty;
            var first = opens && k > 0 && !EndsSentence(clauses[k - 1], clauses[k]) ? k - 1 : k;
            yield return (first, last, joiner);
            k = last;
        }
    }

    /// <summary>After the clauses are split: every clause of an alternative question's span asks, marked or not.</summary>
    private void MarkAlternativeQuestions()
    {
        foreach (var (first, last, _) in AlternativeSpans().ToList())
        {
            for (var k = first; k <= last; k++)
            {
                clauses[k] = clauses[k] with { IsQuestion = true };
            }
        }
    }

    private bool AlternativeMeasureOn(int start, int end) =>
        rules.Alternatives.Measures.FindAll(text, start, end).Any(w => !InMention(w.Position));

    /// <summary>
    /// True where a question of alternatives names ways of forming or covering a unit: "联合建，还是挂靠社区好？", "先派指导员还是
    /// 先建工会", not a question someone else asked and the sender reports.
    /// </summary>
    private bool AdviceAskedByAlternatives() =>
        AlternativeSpans().Any(span => Enumerable.Range(span.First, span.Last - span.First + 1).All(k => ReportedQuestionAt(clauses[k]) is null));
}
