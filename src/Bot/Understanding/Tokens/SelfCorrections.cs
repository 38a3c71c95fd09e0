namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>
/// Stage 2b (after <see cref="Tokenizer"/>, before the message is read): corrections said in mid-message, as operations
/// on tokens. After a correction marker (不对/哦不是/说错了…: <c>correction_markers</c>; 不是/错了 between pauses:
/// <c>pause_correction_markers</c>) and an optional lead (是/应该是: <c>correction_leads</c>), the item said — a day, an
/// organisation, a figure (after its noun said again: 党员是十个), or a member category (是隐形党员) — replaces the last
/// item of the same kind said before the marker; the marker, the replacement and the rest of its phrase go, and so does
/// a phrase right after that only says the new figure again with its noun ("是俩 俩流动党员"). "去的是佳和餐饮 不是德润物业"
/// (不是 and an item with nothing after it) drops the item denied. A marker with nothing of that shape after it
/// ("不对，撤销上一条") changes nothing. One reading follows: the message is read once, as meant, never parsed again.
/// </summary>
internal static partial class SelfCorrections
{
    /// <summary>At most this many corrections in one message are applied (each removes its marker, so the loop ends anyway).</summary>
    public const int MaxEdits = 8;

    /// <summary>The message as meant, or <paramref name="text"/> itself when it holds no correction of a known shape.</summary>
    /// <param name="entities">The organisation spans and day spans of a text (recomputed after each edit: positions move).</param>
    /// <param name="retracted">The message takes a record back (撤回/作废): what it says after is the record as meant, so a lead
    /// after a count noun ("党员应该是9个") is read as a repair even with no marker.</param>
    public static string Apply(string text, UnderstandingRules rules, Func<string, (IReadOnlyList<(int Start, int End)> Names, IReadOnlyList<(int Start, int End)> Days)> entities, bool retracted = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(entities);
        if (EarlierWrongClauseEnd(text, rules) is > 0 and var opening)
        {
            // "刚才说错了，今天去的是A，不是B": the opening clause speaks of the earlier message; the rest is corrected on its own.
            return string.Concat(text.AsSpan(0, opening), Apply(text[opening..], rules, entities, retracted));
        }

        for (var edit = 0; edit < MaxEdits && (retracted || MayCorrect(text, rules)); edit++)
        {
            var (names, days) = entities(text);
            var tokens = Tokenizer.Tokenize(text, rules.Lexicon, names, days);
            if (FirstEdit(text, tokens, rules) is not { } edited)
            {
                break;
            }

            text = edited;
        }

        return text;
    }

    /// <summary>
    /// True where the text may correct itself: a correction marker, a pause correction, or 哦 (a figure said again after it:
    /// "员工一百四 哦一百四十个"). The gate of <see cref="Apply"/>, asked by its caller too before it builds the entity spans.
    /// </summary>
    public static bool MayCorrect(string text, UnderstandingRules rules) =>
        rules.Corrections.ContainsAny(text) || rules.PauseCorrections.ContainsAny(text) || text.Contains('哦');

    private static string? FirstEdit(string text, List<Token> tokens, UnderstandingRules rules)
    {
        if (RestatedAfterInterjection(text, tokens) is { } echoed)
        {
            return echoed; // SelfCorrections.Restated.cs: "员工一百四 哦一百四十个"
        }

        if (FigureEdit(text, tokens, rules) is { } restated)
        {
            return restated;
        }

        for (var c = 0; c < tokens.Count; c++)
        {
            // "不对 说反了 是一个流动两个口袋": a reversal is read before the markers said with it.
            if (tokens[c].Kind == TokenKind.Correction && ReversalEdit(text, tokens, rules, c) is { } swapped)
            {
                return swapped;
            }
        }

        for (var c = 0; c < tokens.Count; c++)
        {
            if (tokens[c].Kind == TokenKind.Correction && !StrikesMassBody(text, tokens[c].Start + tokens[c].Length, rules)
                && (GroupEdit(text, tokens, rules, c) ?? CategoryDenied(text, tokens, rules, c) ?? Edit(text, tokens, rules, c) ?? SlotEdit(text, tokens, rules, c)
                    ?? NameEdit(text, tokens, rules, c) ?? NounSwitch(text, tokens, rules, c) ?? FigureStandsAlone(text, tokens, rules, c)) is { } edited)
            {
                return edited;
            }
        }

        return null;
    }

    /// <summary>
    /// "哦不对不是工会是团支部", "哦不是团支部是工会": a work measure struck and another said in its place is the measure slot's
    /// correction, read on the frame (MessageParser.MeasureFrames.cs); the text is left as said (round 16).
    /// </summary>
    private static bool StrikesMassBody(string text, int at, UnderstandingRules rules)
    {
        at = SkipBlanks(text, at);
        if (text.AsSpan(at).StartsWith("不是", StringComparison.Ordinal))
        {
            at += 2;
        }

        if (rules.PartyAndMassWords.MatchAt(text, at) is not { } struck || !rules.Vocabulary.MassOrganizations.ContainsKey(struck))
        {
            return false;
        }

        at = SkipBlanks(text, at + struck.Length);
        if (rules.CorrectionLeads.MatchAt(text, at) is { } lead)
        {
            at = SkipBlanks(text, at + lead.Length);
        }

        return rules.PartyAndMassWords.MatchAt(text, at) is { } value && rules.Vocabulary.MassOrganizations.ContainsKey(value);
    }

    private static int SkipBlanks(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '，' or ',')
        {
            at++;
        }

        return at;
    }

    private static string? Edit(string text, List<Token> tokens, UnderstandingRules rules, int c)
    {
        var marker = tokens[c];
        var full = rules.Corrections.MatchAt(text, marker.Start) is { } word && word.Length == marker.Length;
        // "去的是坂田手造咖啡不是宏图贸易": 不是 between two organisations denies the second, pause or not (round 17).
        var pauseBefore = c > 0 && (tokens[c - 1].Kind == TokenKind.Pause
            || (tokens[c - 1].Kind == TokenKind.Organization && c + 1 < tokens.Count && tokens[c + 1].Kind == TokenKind.Organization && tokens[c + 1].Start == tokens[c].End));
        if (!full && !pauseBefore)
        {
            return null; // "他不是党员": 不是 inside a clause denies, it corrects nothing
        }

        var a = SkipPauses(text, tokens, c + 1);
        while (full && a < tokens.Count && tokens[a].Kind == TokenKind.Correction && rules.Corrections.MatchAt(text, tokens[a].Start) is { } chained && chained.Length == tokens[a].Length)
        {
            a = SkipPauses(text, tokens, a + 1); // "哦不对 我再说一遍 是五个": markers said one after another are one marker
        }

        var cut = CutBefore(text, tokens, c);
        var afterLead = Lead(text, tokens, rules, a) ?? RoleSaidAgain(text, tokens, rules, a, cut);
        if (afterLead is null && !full)
        {
            // A pause word with no lead after it: "错了 是5个" needs the lead; 不是 may deny the item after it.
            return a == c + 1 && a < tokens.Count && IsItem(tokens[a]) ? Denied(text, tokens, rules, c, a, cut, echoOnly: false) : null;
        }

        if (afterLead is null && a < tokens.Count && IsItem(tokens[a]) && Denied(text, tokens, rules, c, a, cut, echoOnly: true) is { } echoed)
        {
            return echoed; // "哦不是六十五 是六十八": the wrong value said again, then the right one
        }

        var at = afterLead is { } said0 ? VisitVerbSaidAgain(text, tokens, rules, said0) : a;
        if (Replacement(text, tokens, at) is not { } replacement)
        {
            return afterLead is { } lead ? PredicateReplaced(text, tokens, rules, lead, cut) : null;
        }

        if ((MovedToAnotherDay(text, tokens, c, replacement) ?? WithdrawnFromList(text, tokens, c, replacement)) is { } moved)
        {
            return moved;
        }

        // Round 17: "职工一百二 党员十一个 哦说错了 是一百二十三个职工": a figure with its count noun after it replaces the figure of
        // that noun said before the marker, not the figure said last; the noun goes with the replacement.
        var nounAfter = NounAfterFigure(tokens, replacement);
        var replacedOfNoun = nounAfter is { } noun ? Replaced(text, tokens, c, replacement with { Noun = tokens[noun] }) : null;
        if ((replacedOfNoun ?? Replaced(text, tokens, c, replacement)) is not { } replaced)
        {
            return null;
        }

        var said = text[tokens[replacement.Index].Start..tokens[replacement.Index].End];
        var restEnd = replacedOfNoun is not null ? tokens[nounAfter!.Value].End : RestEnd(text, tokens, replacement.Index);
        if (tokens[replacement.Index].Kind == TokenKind.Number && rules.PredicateRoles.FindFirst(text, tokens[replacement.Index].End, restEnd) is { } role)
        {
            restEnd = role.Position; // "准确说是六个书记叫杨光明": a role said after the figure starts a clause of its own
        }

        if (tokens[replacement.Index].Kind == TokenKind.Number && afterLead is not null && HedgeStart(text, replaced.Start) is var hedge && hedge < replaced.Start)
        {
            replaced = (hedge, replaced.End); // "党员说是五个 嗯不对应该是七个": the speaker's figure, said as a fact
            said = "是" + said;
        }

        restEnd = Echo(text, tokens, replacement, restEnd);
        if (SaysNewAfter(text, tokens[replacement.Index], restEnd, replaced.End, cut))
        {
            restEnd = tokens[replacement.Index].End; // "宏图贸易今天 不对 是大前天去的": 去的 was not said before the marker, it stays
        }

        return string.Concat(text.AsSpan(0, replaced.Start), said, text.AsSpan(replaced.End, cut - replaced.End), text.AsSpan(restEnd));
    }

    /// <summary>
    /// A day or an organisation said again with words after it ("是大前天去的") that were not said between the item replaced
    /// and the marker: those words say the act itself, not an echo of it ("前天去的 哦不对 是大前天去的" drops the echo).
    /// </summary>
    private static bool SaysNewAfter(string text, Token replacement, int restEnd, int replacedEnd, int cut)
    {
        if (replacement.Kind is not (TokenKind.Date or TokenKind.Organization) || restEnd <= replacement.End || cut < replacedEnd)
        {
            return false;
        }

        var rest = text.AsSpan(replacement.End, restEnd - replacement.End).Trim();
        return rest.Length > 0 && !text.AsSpan(replacedEnd, cut - replacedEnd).Contains(rest, StringComparison.Ordinal);
    }

    /// <summary>
    /// "书记是墨老师 哦不对 是协会副会长杨文": a role said with 是 (<c>predicate_role_nouns</c>) and what it is, then a lead and a
    /// phrase that is no item (a name, a title and a name): the phrase replaces what the role was said to be, up to the marker.
    /// </summary>
    private static string? PredicateReplaced(string text, List<Token> tokens, UnderstandingRules rules, int at, int cut)
    {
        if (at >= tokens.Count || tokens[at].Kind != TokenKind.Word)
        {
            return null;
        }

        var copula = text.LastIndexOf('是', Math.Max(0, cut - 1), Math.Min(cut, MaxPredicate));
        if (copula <= 0 || rules.PredicateRoles.LongestEndingAt(text, copula) == 0
            || text.AsSpan(copula + 1, cut - copula - 1).Trim().Length == 0 || text.AsSpan(copula + 1, cut - copula - 1).Trim().IndexOf(' ') >= 0)
        {
            return null;
        }

        var end = tokens[at].Start;
        while (end < text.Length && !IsPauseChar(text[end]))
        {
            end++;
        }

        return string.Concat(text.AsSpan(0, copula + 1), text.AsSpan(tokens[at].Start, end - tokens[at].Start), text.AsSpan(end));
    }

    /// <summary>
    /// "书记是郑云飞 不是不是 书记是周海涛": the role (<c>predicate_role_nouns</c>) and 是 said again after the marker, as they
    /// were said before it, lead the phrase like 是 alone: the token after 是, or null.
    /// </summary>
    private static int? RoleSaidAgain(string text, List<Token> tokens, UnderstandingRules rules, int a, int cut)
    {
        if (a >= tokens.Count || rules.PredicateRoles.MatchAt(text, tokens[a].Start) is not { } role)
        {
            return null;
        }

        var copula = tokens[a].Start + role.Length;
        var said = text.LastIndexOf(role + "是", Math.Max(0, cut - 1), StringComparison.Ordinal);
        if (copula >= text.Length || text[copula] != '是' || said < 0 || cut - said > MaxPredicate + role.Length)
        {
            return null;
        }

        var k = tokens.FindIndex(a, t => t.Start >= copula + 1);
        return k >= 0 && tokens[k].Start == copula + 1 ? k : null;
    }

    /// <summary>How far back from a marker the 是 of a corrected predicate may stand ("书记是行政主管王建国" and a blank).</summary>
    private const int MaxPredicate = 12;

    private static bool IsPauseChar(char c) => c is ' ' or ',' or '，' or '。' or ';' or '；' or '!' or '！' or '?' or '？' or '\n';

    /// <summary>"是佳和餐饮 不是德润物业": drop the item denied. "不是前天 是大前天", "不是五个 是七个": the item after the lead replaces.</summary>
    private static string? Denied(string text, List<Token> tokens, UnderstandingRules rules, int c, int b, int cut, bool echoOnly)
    {
        var kind = tokens[b].Kind;
        var itemEnd = b + 1;
        if (kind == TokenKind.Number && itemEnd < tokens.Count && tokens[itemEnd].Kind == TokenKind.Measure && tokens[itemEnd].Start == tokens[b].End)
        {
            itemEnd++; // "哦不是五个 是七个": the figure denied with its measure word
        }

        var afterB = SkipPauses(text, tokens, itemEnd);
        if (afterB > itemEnd && Lead(text, tokens, rules, afterB) is { } lead && lead < tokens.Count && tokens[lead].Kind == kind)
        {
            var replacement = new Item(lead, null);
            var restEnd = RestEnd(text, tokens, lead);
            if (Replaced(text, tokens, c, replacement) is { } replaced)
            {
                var said = text[tokens[lead].Start..tokens[lead].End];
                return string.Concat(text.AsSpan(0, replaced.Start), said, text.AsSpan(replaced.End, cut - replaced.End), text.AsSpan(restEnd));
            }

            return string.Concat(text.AsSpan(0, tokens[c].Start), text.AsSpan(tokens[lead].Start)); // nothing said before: the right one stands
        }

        var before = LastBefore(tokens, c, t => t.Kind == kind && (kind != TokenKind.Members || t.Key is not null));
        return before is null || echoOnly ? null : string.Concat(text.AsSpan(0, cut), text.AsSpan(tokens[itemEnd - 1].End)); // "不是3名": with its measure
    }

    private readonly record struct Item(int Index, Token? Noun);

    /// <summary>The count noun right after a replacing figure and its measure word ("一百二十三个职工"), else null.</summary>
    private static int? NounAfterFigure(List<Token> tokens, Item replacement)
    {
        var k = replacement.Index;
        if (replacement.Noun is not null || tokens[k].Kind != TokenKind.Number)
        {
            return null;
        }

        var n = k + 1 < tokens.Count && tokens[k + 1].Kind == TokenKind.Measure && tokens[k + 1].Start == tokens[k].End ? k + 2 : k + 1;
        return n < tokens.Count && tokens[n].IsCountNoun && tokens[n].Start == tokens[n - 1].End ? n : null;
    }

    private static bool IsItem(Token token) =>
        token.Kind is TokenKind.Date or TokenKind.Organization or TokenKind.Number || (token.Kind == TokenKind.Members && token.Key is not null);

    /// <summary>The item at <paramref name="at"/>, or the figure after a count noun said again ("党员是十个").</summary>
    private static Item? Replacement(string text, List<Token> tokens, int at)
    {
        if (at >= tokens.Count)
        {
            return null;
        }

        if (tokens[at].IsCountNoun && NounFigures.Pair(text, tokens).FirstOrDefault(p => p.Start == tokens[at].Start) is { End: > 0 } pair)
        {
            return new Item(tokens.FindIndex(t => t.Start == pair.FigureStart), tokens[at]);
        }

        if (tokens[at].Kind == TokenKind.Number && tokens[at].Value == 1 && at + 1 < tokens.Count && tokens[at + 1].Kind == TokenKind.Word && tokens[at + 1].Start == tokens[at].End)
        {
            return null; // "一下", "一起": no figure
        }

        return IsItem(tokens[at]) ? new Item(at, null) : null;
    }

    /// <summary>The span of the last item before the marker of the replacement's kind (the figure of the same noun, when said again).</summary>
    private static (int Start, int End)? Replaced(string text, List<Token> tokens, int c, Item replacement)
    {
        var token = tokens[replacement.Index];
        if (replacement.Noun is { } noun)
        {
            var pairs = NounFigures.Pair(text, tokens);
            var said = pairs.LastOrDefault(p => p.FigureStart < tokens[c].Start && p.Noun == noun.Kind && text.AsSpan(p.Start).StartsWith(text.AsSpan(noun.Start, noun.Length)));
            if (said.End == 0)
            {
                return null;
            }

            var figure = tokens.First(t => t.Start == said.FigureStart);
            return (figure.Start, figure.End);
        }

        var last = LastBefore(tokens, c, t => t.Kind == token.Kind && (token.Kind != TokenKind.Members || t.Key is not null));
        if (token.Kind == TokenKind.Number && NoneSaidLast(tokens, c, last) is { } none)
        {
            return (none.Start, none.End); // "党员没有 哦不对 有一个": the figure replaces the none said last, not an earlier figure
        }

        return last is { } found ? (found.Start, found.End) : null;
    }

    /// <summary>
    /// "今天去了鹏城数据和安捷电子 哦不对 安捷是明天去": an organisation said again after the marker with a day right after it
    /// (是 between) was listed for the wrong day: it leaves the list before the marker (with its 和/跟/、), and what is said
    /// after the marker stands as a clause of its own.
    /// </summary>
    private static string? MovedToAnotherDay(string text, List<Token> tokens, int c, Item replacement)
    {
        var k = replacement.Index;
        if (replacement.Noun is not null || tokens[k].Kind != TokenKind.Organization)
        {
            return null;
        }

        var said = text[tokens[k].Start..tokens[k].End];
        if (LastBefore(tokens, c, t => t.Kind == TokenKind.Organization && text[t.Start..t.End] is var name
                && (name.StartsWith(said, StringComparison.Ordinal) || said.StartsWith(name, StringComparison.Ordinal))) is not { } same)
        {
            return null;
        }

        var replaced = (same.Start, same.End);

        var n = k + 1;
        while (n < tokens.Count && n <= k + 2 && (tokens[n].Kind == TokenKind.Particle || (tokens[n].Kind == TokenKind.Word && text[tokens[n].Start] is '是' or '要' or '改')))
        {
            n++;
        }

        if (n >= tokens.Count || tokens[n].Kind != TokenKind.Date)
        {
            return null;
        }

        var from = replaced.Start;
        while (from > 0 && text[from - 1] is ' ' or '和' or '跟' or '与' or '及' or '、' or ',' or '，')
        {
            from--;
        }

        var to = replaced.End;
        while (from == replaced.Start && to < text.Length && text[to] is '和' or '跟' or '与' or '及' or '、')
        {
            to++; // the first of the list: the conjunction after it goes
        }

        var cut = CutBefore(text, tokens, c);
        return to > cut ? null : string.Concat(text.AsSpan(0, from), text.AsSpan(to, cut - to), " ", text.AsSpan(tokens[k].Start));
    }
}
