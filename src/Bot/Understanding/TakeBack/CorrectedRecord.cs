namespace InstructorBot.Bot.Understanding.TakeBack;

/// <summary>
/// Round 24 (r24-undo): the record as meant after a take-back whose reading kept only the undo ("上一条说错了啊 佳和餐饮发现的
/// 不是俩 是一个 就一个口袋党员", "刚那条党员数写错了 德润是3个 不是4个"). The correction after the error word is read again as a
/// report of its own: the negated readings (不是X) out, the unit named before the error word where the correction names none,
/// and the topic said wrong (党员数, 帮扶单位) before a bare 是 — only what the correction itself says.
/// </summary>
internal static class CorrectedRecord
{
    /// <summary>Topics that name what the corrected value is (a figure's noun, a helped unit): put back before a bare 是.</summary>
    private static readonly KeywordSet NamingTopics = new([
        "党员数", "党员人数", "党员", "人数", "职工人数", "职工数", "员工数", "员工人数", "职工", "员工", "帮扶单位",
    ]);

    /// <summary>
    /// The correction of <paramref name="text"/> (normalized) after <paramref name="frame"/>, as the words to read again, or null
    /// where nothing is left. <paramref name="mentions"/> gives the units named in a text (start, end).
    /// </summary>
    public static string? Words(string text, TakeBackMatch frame, Func<string, IReadOnlyList<(int Start, int End)>> mentions)
    {
        var said = WithoutNegations(text[frame.CorrectionStart..]).Trim(' ', ',', '，', '。', '、');
        if (said.Length < 2)
        {
            return null;
        }

        if (frame.Topic is { } topic && NamingTopics.MatchAt(topic, 0) == topic && !NamingTopics.ContainsAny(said))
        {
            var be = said.IndexOf('是', StringComparison.Ordinal);
            said = be >= 0 ? string.Concat(said.AsSpan(0, be), topic, said.AsSpan(be)) : said; // 德润是3个 → 德润党员数是3个
        }

        said = Clefts(said);
        if (mentions(said).Count == 0 && UnitOfReference(text, frame, mentions) is { } unit)
        {
            said = string.Concat(unit, " ", said); // 刚才鹏城数据那条报错了 找到的…: the unit of the reference
        }

        return said;
    }

    /// <summary>Verbs of finding members: "V的是N" (the cleft, 发现的是一个) says "V了N".</summary>
    private static readonly KeywordSet FindVerbs = new([
        "发现", "找到", "找着", "找出", "排查出", "排查出来", "查出", "查出来", "摸到", "摸出", "摸排出", "摸排出来", "亮出", "亮出来",
    ]);

    /// <summary>"佳和餐饮发现的 是一个" → "佳和餐饮发现了一个": the cleft of a find said as the find.</summary>
    internal static string Clefts(string said)
    {
        foreach (var (position, verb) in FindVerbs.FindAll(said).AsEnumerable().Reverse())
        {
            var at = position + verb.Length;
            if (at < said.Length && said[at] == '的')
            {
                var be = at + 1;
                while (be < said.Length && said[be] == ' ')
                {
                    be++;
                }

                if (be < said.Length && said[be] == '是')
                {
                    said = string.Concat(said.AsSpan(0, at), "了", said.AsSpan(be + 1));
                }
            }
        }

        return said;
    }

    /// <summary>
    /// The unit the reference names ("刚才横岗潮汕商会那条", "上一条鹏城数据的党员数"): the last unit the index knows before the
    /// error word, else the words of the reference stretch without the reference and topic words (a unit the ledger lacks).
    /// </summary>
    private static string? UnitOfReference(string text, TakeBackMatch frame, Func<string, IReadOnlyList<(int Start, int End)>> mentions)
    {
        if (mentions(text[..frame.ErrorStart]) is { Count: > 0 } before)
        {
            var (start, end) = before[^1];
            return text[start..end];
        }

        if (frame.ReferenceStart >= frame.ErrorStart)
        {
            return null;
        }

        var stretch = text[frame.ReferenceStart..frame.ErrorStart];
        foreach (var words in (KeywordSet[])[TakeBackWords.Topics, TakeBackWords.RecordWords, TakeBackWords.MessageReferences, TakeBackWords.ReportTimes])
        {
            if (words.MatchAt(stretch, 0) is { } lead)
            {
                stretch = stretch[lead.Length..];
            }

            if (words.LongestEndingAt(stretch, stretch.Length) is > 0 and var tail)
            {
                stretch = stretch[..^tail];
            }
        }

        stretch = stretch.Trim(' ', ',', '的');
        return stretch.Length >= 2 && stretch.All(TextNormalizer.IsHan) ? stretch : null;
    }

    /// <summary>The text with each "不是X" out (X up to the next 是 or the clause's end): the wrong reading is not the record.</summary>
    internal static string WithoutNegations(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (i + 1 < text.Length && text[i] == '不' && text[i + 1] == '是')
            {
                var j = i + 2;
                while (j < text.Length && text[j] != '是' && text[j] is not (' ' or ',' or '，' or '。' or '、' or ';' or '；' or '!' or '！'))
                {
                    j++;
                }

                i = j;
                continue;
            }

            kept.Append(text[i]);
            i++;
        }

        return kept.ToString();
    }
}
