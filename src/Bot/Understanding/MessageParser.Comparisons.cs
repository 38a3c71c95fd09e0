namespace InstructorBot.Bot.Understanding;

// Stage: member figures said by comparison (round 14, branch r14-unarr). "党员比上次多了两个" names the members, then
// 比 + what they are compared with (上次, 上回, 十月份, 原来), an increase word (多了, 多出, 增加了) and the difference. The
// difference is no total. When a total follows in the next clauses of its sentence, said elliptically ("现在一共四个",
// "现在是4个": 现在/目前 + a count with no noun), that total is the members' figure (an update) and the difference is no
// record; with no total, the difference is the members newly there: a discovery, read by FindDiscoveries at the increase
// word as at any discovery verb (the words after it give its categories). Vocabulary as data: comparison_increase_words,
// comparison_total_leads in the asking map.
internal sealed partial class MessageParser
{
    /// <summary>How many characters 比's reference may take before the increase word ("比十月份底", "比上个月").</summary>
    private const int ReferenceReach = 6;

    /// <summary>Increase words of a comparison that make a discovery (position → the word), found by <see cref="ReadComparedFigures"/>.</summary>
    private readonly Dictionary<int, string> comparedIncreases = [];

    /// <summary>
    /// Reads every "党员 + 比 + reference + increase + count" of a statement: the count becomes a member phrase after the increase
    /// word (a discovery's count), or, with a total said after it, is set aside and the total becomes the member phrase.
    /// </summary>
    private void ReadComparedFigures()
    {
        foreach (var clause in clauses.Where(c => !c.IsQuestion))
        {
            for (var bi = text.IndexOf('比', clause.Start, clause.End - clause.Start); bi >= 0; bi = bi + 1 < clause.End ? text.IndexOf('比', bi + 1, clause.End - bi - 1) : -1)
            {
                var noun = text.LastIndexOf("党员", bi, bi - clause.Start + 1, StringComparison.Ordinal);
                if (noun < 0 || bi - (noun + 2) > 2 || InMention(bi))
                {
                    continue; // "党员比上次", "党员人数比": the members are what is compared
                }

                if (IncreaseAfter(bi + 1, clause.End) is not { } increase
                    || !ChineseNumber.TryReadSpoken(text, increase.End, out var value, out var length, out var approximate) || value <= 0)
                {
                    continue;
                }

                var differenceEnd = increase.End + length;
                if (differenceEnd < text.Length && text[differenceEnd] is '个' or '名' or '位')
                {
                    differenceEnd++;
                }

                memberPhrases.RemoveAll(p => p.Start < differenceEnd && p.End > noun); // the difference read as a total
                if (ElidedTotalAfter(clause) is { } total)
                {
                    memberPhrases.Add(total);
                    continue; // "…多了一个 现在一共四个": the total is the fact
                }

                memberPhrases.Add(new NumberPhrase(increase.End, differenceEnd, value, approximate, null));
                comparedIncreases[increase.Start] = text[increase.Start..increase.End];
            }
        }
    }

    /// <summary>The increase word after 比's reference, within reach and in the clause.</summary>
    private (int Start, int End)? IncreaseAfter(int from, int end)
    {
        for (var i = from; i < Math.Min(end, from + ReferenceReach + 1); i++)
        {
            if (rules.Comparison.Increases.MatchAt(text, i, end) is { } word)
            {
                return (i, i + word.Length);
            }
        }

        return null;
    }

    /// <summary>"现在一共四个", "目前是4个": in the next clauses of the sentence, a lead of now and a count with no noun of its own.</summary>
    private NumberPhrase? ElidedTotalAfter(Clause clause)
    {
        var index = clauses.IndexOf(clause);
        for (var k = index + 1; k < clauses.Count && k <= index + 2 && !EndsSentence(clauses[k - 1], clauses[k]); k++)
        {
            var next = clauses[k];
            if (rules.Comparison.TotalLeads.FindFirst(text, next.Start, next.End) is not { } lead)
            {
                continue;
            }

            var at = lead.Position + lead.Word.Length;
            at += text.AsSpan(at).StartsWith("一共") || text.AsSpan(at).StartsWith("总共") ? 2 : 0;
            at += at < next.End && text[at] is '共' or '是' or '有' ? 1 : 0;
            if (!ChineseNumber.TryReadSpoken(text, at, out var value, out var length, out var approximate))
            {
                continue;
            }

            var end = at + length;
            if (end < next.End && text[end] is '个' or '名' or '位')
            {
                end++;
            }

            var rest = text.AsSpan(end, next.End - end).Trim();
            if (rest.IsEmpty || rest.SequenceEqual("了") || rest.StartsWith("党员"))
            {
                return new NumberPhrase(at, end, value, approximate, null);
            }
        }

        return null;
    }

    /// <summary>The increase words of a comparison in [<paramref name="start"/>, <paramref name="end"/>), as discovery verbs.</summary>
    private IEnumerable<(int Position, string Word)> ComparedIncreasesIn(int start, int end) =>
        comparedIncreases.Where(c => c.Key >= start && c.Key < end).Select(c => (c.Key, c.Value));

    /// <summary>True where a discovery verb at <paramref name="position"/> is a comparison's increase word (its count is after it).</summary>
    private bool IsComparedIncrease(int position) => comparedIncreases.ContainsKey(position);
}
