namespace InstructorBot.Bot.Understanding.Tokens;

// Round 17 (r17-ucorrect): corrections of an earlier message, a unit withdrawn from a list, a hedged figure corrected.
internal static partial class SelfCorrections
{
    /// <summary>The longest opening clause that only says the earlier message was wrong ("刚才我报的那条不对").</summary>
    private const int MaxWrongClause = 9;

    /// <summary>
    /// "刚才说错了，今天去的是A，不是B", "刚才报的不对 昨天走访的是…": where an opening clause that only says the earlier message
    /// was wrong ends (an earlier-record opener, 刚才/上条…, a few words, a correction marker ending the clause), with the
    /// pauses after it; 0 when the message opens otherwise. Its marker corrects nothing in this message: the message is the
    /// earlier one said again (MessageParser.EarlierMessageRedone reads it as undo + the record).
    /// </summary>
    public static int EarlierWrongClauseEnd(string text, UnderstandingRules rules)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        var start = OpeningLeadEnd(text, rules);
        if (rules.Agents.EarlierRecordOpeners.MatchAt(text, start) is not { } opener)
        {
            return 0;
        }

        var end = start + opener.Length;
        while (end < text.Length && !IsPauseChar(text[end]))
        {
            end++;
        }

        // Round 21: a retraction verb ending the clause says the same ("刚那条不算 …").
        var from = start + opener.Length;
        if (end - start > MaxWrongClause || !(rules.Corrections.EndsAt(text, end, from) || rules.PauseCorrections.EndsAt(text, end, from) || rules.Agents.Retractions.EndsAt(text, end, from)))
        {
            return 0;
        }

        while (end < text.Length && IsPauseChar(text[end]))
        {
            end++;
        }

        return end < text.Length ? end : 0;
    }

    /// <summary>
    /// "还有阳光 哦不是 阳光没有 就成信和顺达这两家", "三家… 哦说错了明税没进来": an organisation of the list before the marker
    /// said again after it and denied (没/不 right after: 没有, 没去, 没进来, 不算) leaves the list, with its 和/跟/还有; the
    /// marker and the denial go, what follows stays.
    /// </summary>
    private static string? WithdrawnFromList(string text, List<Token> tokens, int c, Item replacement)
    {
        var k = replacement.Index;
        if (replacement.Noun is not null || tokens[k].Kind != TokenKind.Organization || tokens[k].End >= text.Length || text[tokens[k].End] is not ('没' or '不'))
        {
            return null;
        }

        var said = text[tokens[k].Start..tokens[k].End];
        if (LastBefore(tokens, c, t => t.Kind == TokenKind.Organization && text[t.Start..t.End] is var name
                && (name.StartsWith(said, StringComparison.Ordinal) || said.StartsWith(name, StringComparison.Ordinal))) is not { } same)
        {
            return null;
        }

        // Only a unit of a list: another organisation said before the marker in the same sentence.
        var from = SentenceStart(text, same.Start);
        if (!tokens.Exists(t => t.Kind == TokenKind.Organization && t.Start >= from && t.End <= CutBefore(text, tokens, c) && t.Start != same.Start))
        {
            return null;
        }

        var start = same.Start;
        var end = same.End;
        while (start > 0 && text[start - 1] is ' ' or '和' or '跟' or '与' or '及' or '、' or ',' or '，')
        {
            start--;
        }

        if (start >= 2 && text.AsSpan(start - 2, 2).SequenceEqual("还有"))
        {
            start -= 2;
        }

        var first = !tokens.Exists(t => t.Kind == TokenKind.Organization && t.Start >= from && t.End <= same.Start);
        if (first)
        {
            start = same.Start; // the first of the list: the conjunction after it goes instead
            while (end < text.Length && text[end] is '和' or '跟' or '与' or '及' or '、')
            {
                end++;
            }
        }

        var cut = CutBefore(text, tokens, c);
        var denialEnd = tokens[k].End;
        while (denialEnd < text.Length && !IsPauseChar(text[denialEnd]))
        {
            denialEnd++;
        }

        return end > cut ? null : string.Concat(text.AsSpan(0, start), text.AsSpan(end, cut - end), text.AsSpan(denialEnd));
    }

    /// <summary>
    /// "党员说是五个 嗯不对应该是七个": a figure said as hearsay (说是, 听说是, 据说是 right before it) and corrected by the speaker
    /// is said as a fact: where the hedge starts, else the figure's start.
    /// </summary>
    private static int HedgeStart(string text, int figureStart)
    {
        if (figureStart < 2 || !text.AsSpan(figureStart - 2, 2).SequenceEqual("说是"))
        {
            return figureStart;
        }

        var start = figureStart - 2;
        return start > 0 && text[start - 1] is '听' or '据' ? start - 1 : start;
    }

    /// <summary>
    /// "一个党员是预备党员 哦说反了 不是预备是口袋", "发现一个预备党员 哦说错了 不是预备的 是隐形的": after the marker, 不是 and a
    /// category's short word (<c>category_short_words</c>), then 是 and another: the member category said last before the
    /// marker with the first category becomes the second; the marker and the denial go.
    /// </summary>
    private static string? CategoryDenied(string text, List<Token> tokens, UnderstandingRules rules, int c)
    {
        var a = SkipPauses(text, tokens, c + 1);
        var at = a < tokens.Count ? tokens[a].Start : text.Length;
        if (!text.AsSpan(at).StartsWith("不是", StringComparison.Ordinal) || rules.CategoryShortWords.MatchAt(text, at + 2) is not { } wrong)
        {
            return null;
        }

        var p = SkipBlank(text, SkipDe(text, at + 2 + wrong.Length));
        if (p >= text.Length || text[p] != '是' || rules.CategoryShortWords.MatchAt(text, p + 1) is not { } right)
        {
            return null;
        }

        var (wrongKey, rightKey) = (rules.Vocabulary.CategoryShortWords[wrong], rules.Vocabulary.CategoryShortWords[right]);
        var said = LastBefore(tokens, c, t => t.Kind == TokenKind.Members && t.Key == wrongKey);
        var word = rules.Vocabulary.MemberCategories.FirstOrDefault(e => e.Value == rightKey && e.Key.StartsWith(right, StringComparison.Ordinal)).Key;
        if (said is not { } replaced || word is null || wrongKey == rightKey)
        {
            return null;
        }

        var end = SkipDe(text, p + 1 + right.Length);
        if (text.AsSpan(end).StartsWith("党员", StringComparison.Ordinal))
        {
            end += 2;
        }

        var cut = CutBefore(text, tokens, c);
        return string.Concat(text.AsSpan(0, replaced.Start), word, text.AsSpan(replaced.End, cut - replaced.End), text.AsSpan(end));
    }

    private static int SkipDe(string text, int at) => at < text.Length && text[at] == '的' ? at + 1 : at;

    /// <summary>
    /// Where what a message says starts after its opening lead (round 21, r21-uvisit): pauses, interjections (哦, 哎呀 — round
    /// 20 took one) and apologies (不好意思啊, 抱歉) in any order: "不好意思啊 上一条说错了 …", "哎呀 刚才那条…".
    /// </summary>
    internal static int OpeningLeadEnd(string text, UnderstandingRules rules)
    {
        var start = 0;
        while (start < text.Length)
        {
            if (IsPauseChar(text[start]) || IsInterjection(text[start]) || (start > 0 && IsInterjection(text[start - 1]) && text[start] is '呀' or '哟'))
            {
                start++;
            }
            else if (rules.Agents.Apologies.MatchAt(text, start) is { } apology)
            {
                start += apology.Length;
            }
            else
            {
                break;
            }
        }

        return start;
    }

    /// <summary>哦/噢/哎/唉/诶/啊/呃/嗯: an interjection that may open a message before what it says.</summary>
    private static bool IsInterjection(char c) => c is '哦' or '噢' or '哎' or '唉' or '诶' or '啊' or '呃' or '嗯';
}
