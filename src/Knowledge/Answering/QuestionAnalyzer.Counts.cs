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
}
