using System.Text;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Replies;

/// <summary>The sender's recent records, undoing one of them, corrections (old → new), and how-to help for undo and export.</summary>
public static class HistoryReplies
{
    public static string Recent(IReadOnlyList<RecentWrite> writes, Func<int, string?> organizationName, DateOnly today, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(organizationName);
        if (writes.Count == 0)
        {
            return $"您最近 {windowDays} 天没有可撤销的登记。";
        }

        var text = new StringBuilder($"您最近的登记（{windowDays} 天内，1 为最新）：");
        foreach (var write in writes)
        {
            text.Append('\n').Append(write.Number).Append(". ").Append(Describe(write.Records, organizationName, today));
        }

        return text.Append("\n发送“撤销 2”可撤回第 2 条，发送“撤销”撤回第 1 条。").ToString();
    }

    public static string Undone(UndoReceipt? receipt, int number, Func<int, string?> organizationName, DateOnly today, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(organizationName);
        if (receipt is null || receipt.Removed.Count == 0)
        {
            return number <= 1
                ? $"没有可以撤销的登记（只能撤销您自己 {windowDays} 天内的登记）。"
                : $"没有第 {number} 条可撤销的登记。发送“我最近的登记”查看编号（{windowDays} 天内）。";
        }

        var text = RecordReplies.Undone(receipt, organizationName, today);
        return number <= 1 ? text : text.Replace("已撤销上一次登记：", $"已撤销第 {number} 条登记：", StringComparison.Ordinal);
    }

    public static string Corrected(
        IReadOnlyList<RecordRequest> before, CorrectionReceipt receipt, IReadOnlyDictionary<int, Organization> organizationsBefore, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(organizationsBefore);
        var names = receipt.Recorded.Organizations.ToDictionary(o => o.Id, o => o.Name);
        string Name(int id) => names.GetValueOrDefault(id) ?? organizationsBefore.GetValueOrDefault(id)?.Name ?? $"单位 {id}";
        var text = new StringBuilder("已更正上一条登记：");
        var after = receipt.Recorded.Records;
        for (var i = 0; i < after.Count; i++)
        {
            var old = i < before.Count ? before[i] : null;
            var now = Line(after[i], Name(after[i].OrganizationId), today);
            var was = old is null ? "" : Line(old, Name(old.OrganizationId), today);
            text.Append("\n· ").Append(was == now ? now + "（未变）" : $"{was} → {now}");
        }

        foreach (var organization in receipt.Recorded.Organizations)
        {
            if (organizationsBefore.TryGetValue(organization.Id, out var was) && RecordReplies.Changes(was, organization) is { Length: > 0 } changes)
            {
                text.Append('\n').Append(organization.Name).Append("：").Append(changes);
            }
        }

        return text.Append('\n').Append(ConversationTexts.UndoHint).ToString();
    }

    public static string NothingToCorrect(int windowDays) =>
        $"没有可以更正的登记（只能更正您自己 {windowDays} 天内的登记）。";

    public static string HowToUndo(int windowDays) =>
        "撤销登记的方法：\n· 撤回最近一次登记：发送“撤销”\n· 撤回更早的：先发送“我最近的登记”查看编号，再发送“撤销 2”（2 为编号）\n"
        + "· 只改一个数字或日期：直接说“不对，是4名”或“刚才说错了，是前天”\n"
        + $"只能撤销您自己 {windowDays} 天内的登记。";

    public const string HowToExport = "导出台账的方法：发送“导出”加辖区名和“台账”，例如“导出坂田街道台账”，会回复一个 Excel 文件的下载链接（10 分钟内有效）。"
        + "只能导出您辖区内的台账。";

    public static string HowToRecord(User user, IReadOnlyList<HelpExample> examples)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(examples);
        if (user.Role == UserRole.Coordinator)
        {
            return "协调员只能查询进度，不能登记记录。登记由辖区的党建指导员或书记直接在对话里说明情况。";
        }

        var text = new StringBuilder("登记不用填表，直接把发生的事用一句话告诉我，我会把要登记的内容显示给您，例如：");
        foreach (var example in RecordingExamples(examples))
        {
            text.Append("\n· ").Append(example.What).Append("：“").Append(example.Text).Append('”');
        }

        return text.Append("\n说错了可以直接更正，例如“不对，是3名”；发送“撤销”可撤回。").ToString();
    }

    /// <summary>The help examples that record something: the ones <see cref="HowToRecord"/> shows.</summary>
    public static IEnumerable<HelpExample> RecordingExamples(IReadOnlyList<HelpExample> examples) =>
        examples.Where(e => e.What is "登记走访" or "发现党员" or "组建" or "登记组建" or "工作覆盖" or "更新信息" or "一对一帮扶");

    private static string Describe(IReadOnlyList<RecordRequest> records, Func<int, string?> organizationName, DateOnly today) =>
        records.Count == 0
            ? "（记录已不存在）"
            : string.Join("；", records.Select(r => Line(r, organizationName(r.OrganizationId) ?? $"单位 {r.OrganizationId}", today)));

    private static string Line(RecordRequest record, string name, DateOnly today) =>
        $"{RecordReplies.Describe(record, name)}（{ChineseFormat.Date(record.Date, today)}）";
}
