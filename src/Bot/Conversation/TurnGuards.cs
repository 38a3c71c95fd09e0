using System.Text.RegularExpressions;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// What keeps a turn from writing what the user did not mean, in one place for the pipeline: the confirmation policy,
/// near names, corrections, the sender's recent records, help examples, and the forms of "list / undo N / how do I".
/// </summary>
public sealed partial class TurnGuards(
    ConfirmPolicy policy, NearNames nearNames, CorrectionReader corrections, RecordHistory history, HelpExamples help)
{
    public ConfirmPolicy Policy => policy;

    public NearNames NearNames => nearNames;

    public CorrectionReader Corrections => corrections;

    public RecordHistory History => history;

    public HelpExamples Help => help;

    /// <summary>"我最近的登记", "最近登记了什么", "查看我的登记记录".</summary>
    public bool IsRecentList(string text) => RecentList().IsMatch(Trimmed(text));

    /// <summary>"撤销 2", "撤销第二条", "撤回第3个": the number of the record in "我最近的登记"; null for anything else.</summary>
    public int? UndoNumber(string text)
    {
        var match = UndoN().Match(Trimmed(text));
        return match.Success && ChineseNumber.TryRead(match.Groups["n"].Value, 0, out var number, out var length)
            && length == match.Groups["n"].Length && number >= 1
            ? number
            : null;
    }

    /// <summary>
    /// A question about how to undo or export ("怎么撤销前天的登记", "导出台账怎么弄", "能撤回吗？"), not an order to: such a
    /// message gets how-to help and changes nothing.
    /// </summary>
    public bool IsHowTo(string text, ActionKind kind)
    {
        var normalized = TextNormalizer.Normalize(text);
        var verbs = kind == ActionKind.Undo ? UndoVerbs : ExportVerbs;
        return HowBefore().Matches(normalized).Any(m => verbs.Any(v => m.Groups["rest"].Value.Contains(v, StringComparison.Ordinal)))
            || verbs.Any(v => Regex.IsMatch(normalized, $"{v}[^，,。!！]{{0,10}}(?:怎么|如何|怎样|咋)(?:弄|办|操作|做|搞)|{v}[^，,。!！]{{0,8}}(?:吗|么|嘛)\\s*[?]?\\s*$"));
    }

    /// <summary>"怎么登记走访", "发现的党员要怎么记录？": how to record, answered with the sender's own examples (never a record).</summary>
    public bool IsHowToRecord(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return HowToRecord().IsMatch(normalized);
    }

    private static readonly string[] UndoVerbs = ["撤销", "撤回", "删除", "删掉", "取消登记", "作废"];
    private static readonly string[] ExportVerbs = ["导出", "下载", "导台账"];

    private static string Trimmed(string text) => TextNormalizer.Normalize(text).Trim().TrimEnd('。', '.', '!', '！', '?', '？', ' ');

    [GeneratedRegex(@"^(?:查看|看看|看一下|查一下|查询|列出)?(?:我的?|我)?(?:最近|近期|这几天)?(?:的)?(?:登记|记录)(?:过)?(?:的)?(?:记录|列表|有哪些|了什么|了哪些|都有什么)?$|^我(?:最近|这几天)?登记了(?:什么|哪些)$")]
    private static partial Regex RecentList();

    [GeneratedRegex(@"^(?:撤销|撤回|删除|删掉)\s*(?:第\s*)?(?<n>[0-9一二两三四五六七八九十]+)\s*(?:条|个|项|号)?(?:登记|记录)?$")]
    private static partial Regex UndoN();

    [GeneratedRegex(@"(?:怎么|如何|怎样|咋|要不要|需不需要|用不用|是不是要)(?<rest>[^，,。!！]{0,8})")]
    private static partial Regex HowBefore();

    [GeneratedRegex(@"^[^，,。!！]{0,12}(?:怎么|如何|怎样|咋)(?:才能|去|来|样)?(?:登记|记录|录入|上报|填报)|^[^，,。!！]{0,12}(?:登记|记录|录入|上报|填报)[^，,。!！]{0,4}(?:怎么|如何|怎样|咋)(?:弄|办|操作|做|写|填|说)")]
    private static partial Regex HowToRecord();
}
