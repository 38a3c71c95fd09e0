namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>
/// Repairs of a figure said as a restatement, mostly in a later message (round 10): "职工二百五十八改成二百七十二" (a figure, a
/// change lead, a figure: the first goes), "党员不是8，是10" (不是 right after a count noun, the wrong figure, a pause and the
/// lead: the right one stands), "党员人数应为18名" (a change lead right after a count noun reads as 是), and "党员人数改一下，
/// 是19名" (a marker with nothing of the figure's kind before it: the marker and the lead go, the figure stands). And a
/// name said again with nothing else after a marker replaces the name said right after a role ("书记黄国华，说错了，应该是何志强").
/// </summary>
internal static partial class SelfCorrections
{
    /// <summary>The first figure restatement in the text, as an edit, else null.</summary>
    private static string? FigureEdit(string text, List<Token> tokens, UnderstandingRules rules)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Kind != TokenKind.Number && !tokens[k].IsCountNoun && tokens[k].Kind != TokenKind.Correction)
            {
                continue;
            }

            var after = tokens[k].End;
            var n = k + 1;
            if (tokens[k].Kind == TokenKind.Number && n < tokens.Count && tokens[n].Kind == TokenKind.Measure && tokens[n].Start == after)
            {
                after = tokens[n].End;
            }

            var countNoun = tokens[k].IsCountNoun ? CountNounEnd(text, after) : -1;
            if (tokens[k].Kind != TokenKind.Correction && rules.CorrectionLeads.MatchAt(text, countNoun >= 0 ? countNoun : after) is { Length: >= 2 } lead
                && FigureAt(tokens, (countNoun >= 0 ? countNoun : after) + lead.Length) is not null)
            {
                var leadAt = countNoun >= 0 ? countNoun : after;
                return tokens[k].Kind == TokenKind.Number
                    ? string.Concat(text.AsSpan(0, tokens[k].Start), text.AsSpan(leadAt + lead.Length)) // 二百五十八改成二百七十二
                    : string.Concat(text.AsSpan(0, leadAt), "是", text.AsSpan(leadAt + lead.Length)); // 人数应为18名
            }

            if (tokens[k].Kind == TokenKind.Correction
                && (DeniedInClause(text, tokens, rules, k) ?? DeniedAfterAsserted(text, tokens, k) ?? DeniedNameAfterAsserted(text, tokens, rules, k) ?? EchoBeforeMarker(text, tokens, k)) is { } denied)
            {
                return denied;
            }
        }

        return null;
    }

    /// <summary>"党员不是8，是10": 不是 right after a count noun, a figure, a pause, the lead 是 and a figure: the right one stands.</summary>
    /// <remarks>
    /// Round 13: the frame holds with no pause before the lead ("职工不是160是172") and with a word of error between the noun and
    /// 不是 ("职工数报错了 不是45 是48": the error word is the frame's, it goes with the figure denied).
    /// </remarks>
    private static string? DeniedInClause(string text, List<Token> tokens, UnderstandingRules rules, int k)
    {
        if (!text.AsSpan(tokens[k].Start).StartsWith("不是", StringComparison.Ordinal) || k == 0)
        {
            return null;
        }

        var from = tokens[k].Start;
        if (!(tokens[k - 1].IsCountNoun || CountNounEnd(text, tokens[k - 1].Start) == tokens[k].Start))
        {
            // A word of error right after the noun, then a pause or not: "职工数报错了 不是45".
            var end = from;
            while (end > 0 && IsPauseChar(text[end - 1]))
            {
                end--;
            }

            var error = -1;
            for (var at = Math.Max(0, end - 4); error < 0 && at < end; at++)
            {
                if (rules.Asking.RetractionErrorWords.MatchAt(text, at) is { } word && at + word.Length == end)
                {
                    error = at;
                }
            }

            var before = error < 0 ? -1 : tokens.FindLastIndex(t => t.End <= error);
            if (before < 0 || tokens[before].End != error || !(tokens[before].IsCountNoun || CountNounEnd(text, tokens[before].Start) == error))
            {
                return null;
            }

            from = error;
        }

        if (FigureAt(tokens, SkipBlank(text, tokens[k].Start + 2)) is not { } wrong)
        {
            return null;
        }

        var p = SkipBlank(text, wrong);
        if (rules.CorrectionLeads.MatchAt(text, p) is not { } lead || FigureAt(tokens, p + lead.Length) is null)
        {
            return null;
        }

        return string.Concat(text.AsSpan(0, from), text.AsSpan(p + lead.Length));
    }

    /// <summary>
    /// "新冒出来两个党员 两个说错了 应该是三个": the wrong figure said again right before the marker (an echo of a figure said
    /// earlier in the sentence, the same value): the echo goes, and the marker then repairs the figure said first.
    /// </summary>
    private static string? EchoBeforeMarker(string text, List<Token> tokens, int k)
    {
        if (text.AsSpan(tokens[k].Start).StartsWith("不是", StringComparison.Ordinal) || k == 0)
        {
            return null;
        }

        var y = k - 1;
        if (tokens[y].Kind == TokenKind.Measure && y > 0 && tokens[y - 1].Kind == TokenKind.Number && tokens[y - 1].End == tokens[y].Start)
        {
            y--;
        }

        if (tokens[y].Kind != TokenKind.Number || y == 0 || tokens[y - 1].Kind != TokenKind.Pause
            || !ChineseNumber.TryReadSpoken(text, tokens[y].Start, out var echoed, out _, out _))
        {
            return null;
        }

        var from = SentenceStart(text, tokens[y].Start);
        var said = tokens.Take(y - 1).Any(t => t.Kind == TokenKind.Number && t.Start >= from
            && ChineseNumber.TryReadSpoken(text, t.Start, out var value, out _, out _) && value == echoed);
        return said ? string.Concat(text.AsSpan(0, tokens[y].Start), text.AsSpan(tokens[k].Start)) : null;
    }

    /// <summary>
    /// "书记是杨光 不是杨光明": a name said after 是/叫, then 不是 and another name: the name denied goes (the frame of
    /// "不是杨光明，是杨光" said the other way round).
    /// </summary>
    private static string? DeniedNameAfterAsserted(string text, List<Token> tokens, UnderstandingRules rules, int k)
    {
        if (!text.AsSpan(tokens[k].Start).StartsWith("不是", StringComparison.Ordinal))
        {
            return null;
        }

        var end = tokens[k].Start;
        while (end > 0 && IsPauseChar(text[end - 1]))
        {
            end--;
        }

        var wrong = SkipBlank(text, tokens[k].Start + 2);
        if (rules.Names.ReadAt(text, wrong) is not { Length: >= 2 } denied || tokens.Exists(t => t.Start >= wrong && t.Start < wrong + denied.Length && t.Kind is TokenKind.Organization or TokenKind.Number))
        {
            return null;
        }

        for (var length = 2; length <= 3; length++)
        {
            var start = end - length;
            if (start >= 1 && text[start - 1] is '是' or '叫' && rules.Names.ReadAt(text, start) is { } right && right.Length == length)
            {
                return string.Concat(text.AsSpan(0, end), text.AsSpan(wrong + denied.Length));
            }
        }

        return null;
    }

    /// <summary>
    /// "党员人数应该是68个不是63", "员工是538不是520": the same frame as "不是63，是68" said the other way round, the figure asserted
    /// (right after 是 or a correction lead) first, then 不是 and the figure denied: the denied one goes.
    /// </summary>
    private static string? DeniedAfterAsserted(string text, List<Token> tokens, int k)
    {
        if (!text.AsSpan(tokens[k].Start).StartsWith("不是", StringComparison.Ordinal) || k == 0)
        {
            return null;
        }

        var y = k - 1;
        while (y > 0 && tokens[y].Kind == TokenKind.Pause)
        {
            y--;
        }

        if (tokens[y].Kind == TokenKind.Measure && y > 0 && tokens[y - 1].Kind == TokenKind.Number && tokens[y - 1].End == tokens[y].Start)
        {
            y--;
        }

        if (tokens[y].Kind != TokenKind.Number || tokens[y].Start == 0 || text[tokens[y].Start - 1] != '是' || FigureAt(tokens, tokens[y].Start) is not { } rightEnd)
        {
            return null;
        }

        var wrong = SkipBlank(text, tokens[k].Start + 2);
        return FigureAt(tokens, wrong) is { } wrongEnd ? string.Concat(text.AsSpan(0, rightEnd), text.AsSpan(wrongEnd)) : null;
    }

    /// <summary>"党员人数改一下，是19名": a marker, a lead and a figure, with no figure said before the marker in its sentence.</summary>
    private static string? FigureStandsAlone(string text, List<Token> tokens, UnderstandingRules rules, int c)
    {
        var a = SkipPauses(text, tokens, c + 1);
        var p = a < tokens.Count ? tokens[a].Start : text.Length;
        if (rules.CorrectionLeads.MatchAt(text, p) is { } lead)
        {
            p += lead.Length;
        }

        var cut = CutBefore(text, tokens, c);
        var from = SentenceStart(text, cut);
        if (FigureAt(tokens, p) is null || tokens.Exists(t => t.Kind == TokenKind.Number && t.Start >= from && t.End <= cut)
            || !tokens.Exists(t => t.IsCountNoun && t.Start >= from && t.End <= cut))
        {
            return null;
        }

        return string.Concat(text.AsSpan(0, cut), text.AsSpan(p));
    }

    /// <summary>"书记黄国华，说错了，应该是何志强": a short name alone after the marker replaces the name said right after a role before it.</summary>
    private static string? NameEdit(string text, List<Token> tokens, UnderstandingRules rules, int c)
    {
        var a = SkipPauses(text, tokens, c + 1);
        var p = a < tokens.Count ? tokens[a].Start : text.Length;
        if (rules.CorrectionLeads.MatchAt(text, p) is { } lead && lead.EndsWith('是'))
        {
            p += lead.Length;
        }

        var end = PhraseEnd(text, p);
        var cut = CutBefore(text, tokens, c);
        // A name may hold characters the lexicon classes (小, 文): only entities, figures and markers rule a phrase out.
        if (!IsShortName(text, p, end) || rules.Repairs.Words.FindFirst(text, p, end) is not null || tokens.Exists(t => t.Start >= p && t.Start < end && t.Kind is TokenKind.Organization or TokenKind.Date or TokenKind.Number or TokenKind.Correction))
        {
            return null;
        }

        // The phrase said last before the marker: a role word, then a short name up to the cut.
        var saidEnd = cut;
        while (saidEnd > 0 && IsPauseChar(text[saidEnd - 1]))
        {
            saidEnd--;
        }

        for (var nameStart = saidEnd - 2; nameStart >= Math.Max(0, saidEnd - 4); nameStart--)
        {
            var roleLength = rules.Repairs.Roles.LongestEndingAt(text, nameStart);
            if (roleLength > 0 && IsShortName(text, nameStart, saidEnd) && !InsideOrganization(tokens, nameStart - roleLength))
            {
                return Join(text[..nameStart], text[p..end], "", text[end..]);
            }
        }

        return null;
    }

    private static bool IsShortName(string text, int start, int end)
    {
        if (end - start is < 2 or > 4)
        {
            return false;
        }

        for (var k = start; k < end; k++)
        {
            if (!TextNormalizer.IsHan(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The end of a count noun said with 人数/数 after it (党员人数, 职工数) at <paramref name="at"/>, else <paramref name="at"/>.</summary>
    private static int CountNounEnd(string text, int at)
    {
        foreach (var tail in (ReadOnlySpan<string>)["人数", "数"])
        {
            if (text.AsSpan(at).StartsWith(tail, StringComparison.Ordinal))
            {
                return at + tail.Length;
            }
        }

        return at;
    }

    /// <summary>The end of a figure (and its measure) that starts at <paramref name="at"/>, else null.</summary>
    private static int? FigureAt(List<Token> tokens, int at)
    {
        var k = tokens.FindIndex(t => t.Start == at);
        if (k < 0 || tokens[k].Kind != TokenKind.Number)
        {
            return null;
        }

        return k + 1 < tokens.Count && tokens[k + 1].Kind == TokenKind.Measure && tokens[k + 1].Start == tokens[k].End ? tokens[k + 1].End : tokens[k].End;
    }

    /// <summary>
    /// "党员两个 哦不对 是职工两个": a count noun and its figure said after the marker, of a noun not said before it in the
    /// sentence, replace the figure and noun said last before the marker (the figure belonged to another noun).
    /// </summary>
    private static string? NounSwitch(string text, List<Token> tokens, UnderstandingRules rules, int c)
    {
        var a = SkipPauses(text, tokens, c + 1);
        var at = Lead(text, tokens, rules, a) ?? a;
        if (at >= tokens.Count || !tokens[at].IsCountNoun)
        {
            return null;
        }

        var pairs = NounFigures.Pair(text, tokens);
        var said = pairs.Find(p => p.Start == tokens[at].Start);
        var cut = CutBefore(text, tokens, c);
        var from = SentenceStart(text, cut);
        var before = pairs.FindAll(p => p.Start >= from && p.End <= cut);
        if (said.End == 0 || before.Count == 0 || before.Exists(p => p.Noun == said.Noun))
        {
            return null;
        }

        var last = before[^1];
        return Join(text[..last.Start], text[said.Start..said.End], text[last.End..cut], text[said.End..]);
    }
}
