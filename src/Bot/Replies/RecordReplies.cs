using System.Text;
using InstructorBot.Store;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Replies;

/// <summary>Replies about writes: what was recorded, the organisations' new state where it changed, and undo.</summary>
public static class RecordReplies
{
    /// <summary>"已记录：…" with each record, each changed organisation's new state, and the undo hint.</summary>
    public static string Recorded(WriteReceipt receipt, IReadOnlyDictionary<int, Organization> before, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(before);
        var text = new StringBuilder("已记录：");
        var names = receipt.Organizations.ToDictionary(o => o.Id, o => o.Name);
        foreach (var record in receipt.Records)
        {
            var name = names.GetValueOrDefault(record.OrganizationId)
                ?? before.GetValueOrDefault(record.OrganizationId)?.Name ?? $"单位 {record.OrganizationId}";
            text.Append("\n· ").Append(Describe(record, name)).Append('（').Append(ChineseFormat.Date(record.Date, today)).Append('）');
        }

        foreach (var after in receipt.Organizations)
        {
            if (before.TryGetValue(after.Id, out var old) && Changes(old, after) is { Length: > 0 } changes)
            {
                text.Append("\n").Append(after.Name).Append("：").Append(changes);
            }
        }

        return text.Append('\n').Append(ConversationTexts.UndoHint).ToString();
    }

    public static string Undone(UndoReceipt? receipt, Func<int, string?> organizationName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(organizationName);
        if (receipt is null || receipt.Removed.Count == 0)
        {
            return "没有可以撤销的登记。";
        }

        var text = new StringBuilder("已撤销上一次登记：");
        var names = receipt.Organizations.ToDictionary(o => o.Id, o => o.Name);
        foreach (var record in receipt.Removed)
        {
            var name = names.GetValueOrDefault(record.OrganizationId) ?? organizationName(record.OrganizationId) ?? $"单位 {record.OrganizationId}";
            text.Append("\n· ").Append(Describe(record, name)).Append('（').Append(ChineseFormat.Date(record.Date, today)).Append('）');
        }

        foreach (var restored in receipt.Organizations)
        {
            text.Append('\n').Append(restored.Name).Append("：已恢复为 覆盖状态：")
                .Append(ChineseFormat.PartyOrganization(restored.PartyOrganization))
                .Append("；党员人数：").Append(restored.PartyMembers).Append(" 名");
        }

        return text.ToString();
    }

    public static string Describe(RecordRequest record, string organization) => record switch
    {
        Visit => $"走访 {organization}",
        MemberDiscovery found => $"{organization} 发现 {ChineseFormat.Count(found.Count, "名", "党员")}{Categories(found.Categories)}",
        Formation formed => Formation(formed, organization),
        WorkCoverage work => $"{organization} 工作覆盖：{ChineseFormat.Measure(work.Measure)}{(work.Person is { Length: > 0 } p ? $"（{p}）" : "")}",
        OrganizationUpdate update => $"更新 {organization}：{Update(update)}",
        Pairing pairing => $"一对一帮扶：{pairing.Secretary} 帮扶 {organization}",
        FormationPlan plan => $"{organization} 一企一策：{PlanReplies.Describe(plan)}",
        _ => $"{record.Kind} {organization}",
    };

    /// <summary>What differs between two states of an organisation, in the ledger's words; empty when nothing shown changed.</summary>
    public static string Changes(Organization before, Organization after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string>();
        if (before.PartyOrganization != after.PartyOrganization)
        {
            parts.Add($"覆盖状态：{ChineseFormat.PartyOrganization(after.PartyOrganization)}");
        }

        if (before.PartyMembers != after.PartyMembers)
        {
            parts.Add($"党员人数：{ChineseFormat.Count(after.PartyMembers, "名", "")}（原 {before.PartyMembers} 名）");
        }

        if (before.Employees != after.Employees && after.Employees is { } employees)
        {
            parts.Add($"职工人数：{employees} 人");
        }

        if (before.Status != after.Status)
        {
            parts.Add($"经营状态：{ChineseFormat.Status(after.Status)}");
        }

        if (before.Instructor != after.Instructor)
        {
            parts.Add($"党建指导员：{after.Instructor ?? "无"}");
        }

        if (!before.MassOrganizations.SequenceEqual(after.MassOrganizations))
        {
            parts.Add($"群团组织：{(after.MassOrganizations.Count == 0 ? "无" : string.Join("、", after.MassOrganizations.Select(ChineseFormat.MassOrganization)))}");
        }

        return string.Join("；", parts);
    }

    private static string Formation(Formation formed, string organization)
    {
        var text = new StringBuilder();
        text.Append(formed.UnitNames.Count > 1 ? string.Join("、", formed.UnitNames) : organization)
            .Append(" 组建党组织：").Append(ChineseFormat.Method(formed.Method));
        if (formed.JointMode is { } mode)
        {
            text.Append('（').Append(ChineseFormat.JointMode(mode)).Append('）');
        }

        if (formed.Level is { } level)
        {
            text.Append('，').Append(ChineseFormat.LevelName(level));
        }

        if (formed.Members is { } members)
        {
            text.Append('，').Append(ChineseFormat.Count(members, "名", "党员"));
        }

        if (formed.Secretary is { Length: > 0 } secretary)
        {
            text.Append("，书记 ").Append(secretary);
        }

        return text.ToString();
    }

    private static string Categories(MemberCategories categories)
    {
        var parts = new (int Count, string Name)[]
        {
            (categories.Pocket, "口袋党员"), (categories.Hidden, "隐形党员"), (categories.Flowing, "流动党员"),
            (categories.Probationary, "预备党员"), (categories.Hired, "招聘来的党员"),
        }.Where(p => p.Count > 0).Select(p => $"{p.Name} {p.Count} 名").ToList();
        return parts.Count == 0 ? "" : $"（其中{string.Join("、", parts)}）";
    }

    private static string Update(OrganizationUpdate update)
    {
        var parts = new List<string>();
        if (update.Employees is { } employees)
        {
            parts.Add($"职工 {employees} 人");
        }

        if (update.PartyMembers is { } members)
        {
            parts.Add($"党员共 {members} 名");
        }

        if (update.Status is { } status)
        {
            parts.Add($"经营状态 {ChineseFormat.Status(status)}");
        }

        return string.Join("，", parts);
    }
}
