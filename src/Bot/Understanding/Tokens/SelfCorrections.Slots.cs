namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>
/// Repairs of the slot classes (round 10; <see cref="RepairClasses"/>): a repair is (reparandum, marker, optional echo of
/// the wrong value with or without 不是, optional lead, repair), and the repair's class selects the reparandum — the nearest
/// earlier word of the same class in the same sentence ("片区联建 哦不对 不是片区 是同业共建", "成立了工会 哦不对 是团支部",
/// "这周 不对 上周…", "走访了… 不是走访 是电话联系的", "去了… 哦不对 没去成"). A role said again with its name replaces
/// the name said after that role ("书记安捷 说错了 书记是王海波", "叫李明 不对 叫李明华"), and a count over a category group
/// ("一个流动的一个预备的 哦不对 俩都是流动的") replaces the whole group. Each is one edit of the text, like the others.
/// </summary>
internal static partial class SelfCorrections
{
    /// <summary>How far an echo of the wrong value (不是 and what follows, up to a pause) may run.</summary>
    private const int MaxEcho = 8;

    /// <summary>The repair at marker <paramref name="c"/> when it says a count over a category group, else null.</summary>
    private static string? GroupEdit(string text, List<Token> tokens, UnderstandingRules rules, int c) =>
        RepairAfter(text, tokens, rules, c) is { Group: true } repair ? SlotEdit(text, tokens, rules, c, repair) : null;

    /// <summary>The repair at marker <paramref name="c"/> of a slot class or a role, else null.</summary>
    private static string? SlotEdit(string text, List<Token> tokens, UnderstandingRules rules, int c) =>
        RepairAfter(text, tokens, rules, c) is { } repair ? SlotEdit(text, tokens, rules, c, repair) : null;

    private readonly record struct SlotRepair(int Start, string Word, bool Group, bool Role, int From = -1);

    private static string? SlotEdit(string text, List<Token> tokens, UnderstandingRules rules, int c, SlotRepair repair)
    {
        var cut = CutBefore(text, tokens, c);
        var from = SentenceStart(text, cut);
        var repairEnd = repair.Start + repair.Word.Length;
        var phraseEnd = PhraseEnd(text, repairEnd);
        if (repair.Role)
        {
            var said = text.LastIndexOf(repair.Word, Math.Max(0, cut - 1), cut - from, StringComparison.Ordinal);
            if (said < 0 || InsideOrganization(tokens, said))
            {
                return null;
            }

            var saidEnd = Math.Min(PhraseEnd(text, said + repair.Word.Length), cut);
            return Join(text[..said], text[repair.Start..phraseEnd], text[saidEnd..cut], text[phraseEnd..]);
        }

        var slotClass = rules.Repairs.ClassOf(repair.Word).Class;
        var found = SameClassBefore(text, tokens, rules, slotClass, from, cut);
        if (found.Count == 0)
        {
            return null;
        }

        var rest = phraseEnd - repairEnd <= 2 ? text[phraseEnd..] : text[repairEnd..];
        if (repair.Group && slotClass == RepairClasses.Category && found.Count >= 2)
        {
            var first = found[found.Count - 1 - GroupLength(text, found)];
            var start = CountStart(tokens, first.Start, from);
            if (repair.From >= 0)
            {
                return Join(text[..start], text[repair.From..phraseEnd], "", text[phraseEnd..]);
            }

            var word = repair.Word.EndsWith("党员", StringComparison.Ordinal) ? repair.Word : repair.Word + "党员";
            return Join(text[..start], "都是" + word, "", rest);
        }

        if (repair.From >= 0)
        {
            return null;
        }

        var (at, length) = found[^1];
        return Join(text[..at], repair.Word, text[(at + length)..cut], rest);
    }

    /// <summary>What follows the marker: an echo (不是X), a lead (是/应该是 or a count with 都是), and a slot word or a role.</summary>
    private static SlotRepair? RepairAfter(string text, List<Token> tokens, UnderstandingRules rules, int c)
    {
        var marker = tokens[c];
        var full = rules.Corrections.MatchAt(text, marker.Start) is { } word && word.Length == marker.Length;
        if (!full && !(c > 0 && tokens[c - 1].Kind == TokenKind.Pause))
        {
            return null;
        }

        var a = SkipPauses(text, tokens, c + 1);
        while (a < tokens.Count && tokens[a].Kind == TokenKind.Correction && rules.Corrections.MatchAt(text, tokens[a].Start) is { } chained && chained.Length == tokens[a].Length)
        {
            a = SkipPauses(text, tokens, a + 1);
        }

        var p = a < tokens.Count ? tokens[a].Start : text.Length;
        if (!full && text.AsSpan(marker.Start).StartsWith("不是", StringComparison.Ordinal))
        {
            p = marker.Start; // "不是走访 是电话联系的": the pause marker 不是 is itself the echo's 不是
        }

        if (text.AsSpan(p).StartsWith("不是", StringComparison.Ordinal) && !text.AsSpan(p).StartsWith("不是不是", StringComparison.Ordinal))
        {
            var echoEnd = rules.Repairs.Words.MatchAt(text, p + 2) is { } echoed ? p + 2 + echoed.Length : PhraseEnd(text, p + 2);
            if (echoEnd - p - 2 > MaxEcho || echoEnd >= text.Length || !IsPauseChar(text[echoEnd]))
            {
                return null;
            }

            p = SkipBlank(text, echoEnd);
        }

        var group = false;
        var count = tokens.FindIndex(t => t.Start == p);
        if (count >= 0 && tokens[count].Kind == TokenKind.Number)
        {
            var q = tokens[count].End;
            q = count + 1 < tokens.Count && tokens[count + 1].Kind == TokenKind.Measure && tokens[count + 1].Start == q ? tokens[count + 1].End : q;
            if (rules.Repairs.GroupLeads.MatchAt(text, q) is { } both)
            {
                (p, group) = (q + both.Length, true);
            }
            else if (rules.Repairs.Words.MatchAt(text, q) is { } category && rules.Repairs.ClassOf(category).Class == RepairClasses.Category)
            {
                return new SlotRepair(q, category, Group: true, Role: false, From: p); // "一个流动一个隐形": the group said again
            }
        }
        else if (rules.Repairs.GroupLeads.MatchAt(text, p) is { } both)
        {
            (p, group) = (p + both.Length, true);
        }
        else if (rules.Repairs.Roles.MatchAt(text, p) is { } role && !InsideOrganization(tokens, p))
        {
            return new SlotRepair(p, role, Group: false, Role: true);
        }
        else if (rules.CorrectionLeads.MatchAt(text, p) is { } lead && lead.EndsWith('是'))
        {
            p += lead.Length;
        }

        if (InsideOrganization(tokens, p) || rules.Repairs.Words.MatchAt(text, p) is not { } said)
        {
            return null;
        }

        return new SlotRepair(p, said, group, Role: false);
    }

    /// <summary>The words of <paramref name="slotClass"/> in [from, cut), outside organisation names, in order.</summary>
    private static List<(int Start, int Length)> SameClassBefore(string text, List<Token> tokens, UnderstandingRules rules, string slotClass, int from, int cut) =>
        [.. rules.Repairs.Words.FindAll(text, from, cut)
            .Where(f => rules.Repairs.ClassOf(f.Word).Class == slotClass && !InsideOrganization(tokens, f.Position))
            .Select(f => (f.Position, f.Word.Length))];

    /// <summary>How many category words before the last one stand in the same group (joined by counts, 的, 、 and blanks only).</summary>
    private static int GroupLength(string text, List<(int Start, int Length)> found)
    {
        var n = 0;
        for (var k = found.Count - 1; k > 0; k--)
        {
            var gap = text.AsSpan(found[k - 1].Start + found[k - 1].Length, found[k].Start - found[k - 1].Start - found[k - 1].Length);
            if (gap.Length > 6 || gap.IndexOfAnyExcept("的、，, 一二两俩三仨四五六七八九十个名位0123456789和跟还有另外") >= 0)
            {
                break;
            }

            n++;
        }

        return n;
    }

    /// <summary>Where the count before a group's first category starts ("一个流动的…": at 一), else the category itself.</summary>
    private static int CountStart(List<Token> tokens, int category, int from)
    {
        var k = tokens.FindLastIndex(t => t.End <= category);
        var start = category;
        while (k >= 0 && tokens[k].Start >= from && tokens[k].Kind is TokenKind.Number or TokenKind.Measure && tokens[k].End == start)
        {
            start = tokens[k].Start;
            k--;
        }

        return start;
    }

    private static bool InsideOrganization(List<Token> tokens, int position) =>
        tokens.Exists(t => t.Kind == TokenKind.Organization && t.Start <= position && position < t.End);

    private static int SentenceStart(string text, int cut)
    {
        var end = text.LastIndexOfAny(['。', '！', '!', '？', '?', '\n'], Math.Max(0, cut - 1));
        return end < 0 ? 0 : end + 1;
    }

    private static int PhraseEnd(string text, int from)
    {
        var k = from;
        while (k < text.Length && !IsPauseChar(text[k]))
        {
            k++;
        }

        return k;
    }

    private static int SkipBlank(string text, int k)
    {
        while (k < text.Length && (IsPauseChar(text[k]) || text[k] is '哦' or '啊' or '呃'))
        {
            k++;
        }

        return k;
    }

    /// <summary>The parts of an edited text, with a blank where a part that goes on would otherwise run into the last.</summary>
    private static string Join(string before, string said, string between, string rest)
    {
        var head = string.Concat(before, said, between);
        return rest.Length == 0 || head.Length == 0 || IsPauseChar(rest[0]) || IsPauseChar(head[^1]) ? head + rest : head + " " + rest;
    }
}
