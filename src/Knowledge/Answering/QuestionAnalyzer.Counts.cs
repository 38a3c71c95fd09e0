using System.Text.RegularExpressions;

namespace InstructorBot.Knowledge.Answering;

public sealed partial class QuestionAnalyzer
{
    /// <summary>
    /// A spelled count that states no figure: a rough count ("一两个党员", "七八家单位", "几十家": two numerals side by
    /// side, or 几 beside one), which no document's exact figure answers, and the indefinite article ("挂在一个支部里", "帮一家建
    /// 好了支部": 一 before its measure word) in a question that asks no number. Read as the figure 1, the article met 001's
    /// "每个联合党组织…" in questions about something else. "一个支部最多多少人" asks a number and keeps it; "每一家" is "each";
    /// one person ("一个人") and one set against several ("一个人只管一家，还是管好几家") are figures.
    /// </summary>
    private static bool StatesNoFigure(Match spelled, string text, bool asksQuantity)
    {
        var n = spelled.Groups["n"].Value;
        var before = spelled.Index > 0 ? text[spelled.Index - 1] : ' ';
        if (RoughCount().IsMatch(n) || before == '几')
        {
            return true;
        }

        // "一个人管几家" is the written "一人多企" and "一个指导员联系好几家" sets one against several: both count.
        var end = spelled.Index + spelled.Length;
        var person = spelled.Value.EndsWith('人') || end < text.Length && text[end] == '人';
        return n == "一" && !asksQuantity && before != '每' && !person && !Several().IsMatch(text);
    }

    /// <summary>"好几家", "几个", "多家": a count of several, against which a question's "一个" is the figure one.</summary>
    [GeneratedRegex("[几多][个家名位]")]
    private static partial Regex Several();

    /// <summary>Two numerals side by side (一两, 三五, 七八): a rough count.</summary>
    [GeneratedRegex("[一二两三四五六七八九][一二两三四五六七八九]")]
    private static partial Regex RoughCount();

    /// <summary>
    /// <paramref name="text"/> (the asked part, <see cref="Asked"/>) with each 几 that says "a few" (<see cref="IndefiniteCount"/>)
    /// blanked in the clauses before its last asking clause: "社区里有几家公司早就关门了，这种要不要算进基数？" asks no number,
    /// and "我们社区商会下面几家企业想评先进，…文件里有这个提法吗" no kind that a figure answers. Only what is asked is read so (the
    /// kind of answer, <see cref="AsksQuantity"/>); which clauses ask (<see cref="AskingMask"/>) is not changed: round 22 moved
    /// that too and the judge's fit moved with it (docs/knowledge.md, rounds 22 and 24).
    /// </summary>
    private string WithoutIndefiniteCounts(string text)
    {
        if (vocabulary.Interrogatives is not { Count: > 0 } interrogatives)
        {
            return text;
        }

        var clauses = Clause().Matches(text);
        var last = LastAsking(clauses, interrogatives);
        if (last <= 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var c = 0; c < last; c++)
        {
            foreach (Match m in IndefiniteCount().Matches(clauses[c].Value))
            {
                Array.Fill(chars, '|', clauses[c].Index + m.Index, m.Length);
            }
        }

        return new string(chars);
    }

    /// <summary>The index of the last clause that asks (ends with "?" or holds an interrogative); -1 when none.</summary>
    private static int LastAsking(MatchCollection clauses, IReadOnlyList<string> interrogatives)
    {
        for (var c = clauses.Count - 1; c >= 0; c--)
        {
            var words = NotAsking().Replace(clauses[c].Value, m => new string('|', m.Length));
            if (clauses[c].Value.EndsWith('?') || interrogatives.Any(w => words.Contains(w, StringComparison.Ordinal)))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>
    /// 几 that says "a few", not "how many" (round 22, r22-qctx): after 有 / 这 / 那 / 前 / 就 / 零星 / 这么 ("有几家公司早就不干
    /// 了", "这几个党员", "前几年", "就几个人"), at the head of its clause as the subject ("几家单位都是小老板"), after 们 ("我们几个"),
    /// or after a verb of intent ("想招几个党员", "想再选几个同志"; not 想问). Read only before the message's last asking clause.
    /// </summary>
    [GeneratedRegex(@"(?<=[有这那前就星么们])几|^几|(?<=想(?!问)\p{IsCJKUnifiedIdeographs}{0,3})几")]
    private static partial Regex IndefiniteCount();
}
