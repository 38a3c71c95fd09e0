using System.Text;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Replies;

/// <summary>The question before a surprising write: what would be written, why it is asked, and 确认/取消.</summary>
public static class ConfirmReplies
{
    public const string ConfirmValue = "确认";
    public const string CancelValue = "取消";

    /// <summary>One waiting write: the action, its organisation, why it is asked, and the name as written when a near name was offered.</summary>
    public sealed record Item(UnderstoodAction Action, Organization? Organization, IReadOnlyList<ConfirmReason> Reasons, string? Written = null);

    public static ReplyMessage Ask(IReadOnlyList<Item> items, User sender, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(sender);
        var text = new StringBuilder();
        var near = items.FirstOrDefault(i => i.Reasons.Contains(ConfirmReason.NearName));
        if (near is not null)
        {
            text.Append($"台账里没有找到“{near.Written}”。您是指 {near.Organization?.Name} 吗？");
        }

        var writes = items.Where(i => i.Action.IsRecord).ToList();
        if (writes.Count > 0)
        {
            text.Append(text.Length > 0 ? "\n" : "").Append("请确认后再登记：");
            foreach (var item in writes)
            {
                var name = item.Organization?.Name ?? item.Action.Organization ?? "（未知单位）";
                text.Append("\n· ").Append(RecordReplies.Describe(Preview(item.Action, sender), name))
                    .Append('（').Append(ChineseFormat.Date(item.Action.Date ?? today, today)).Append('）');
                foreach (var reason in item.Reasons.Where(r => r != ConfirmReason.NearName))
                {
                    text.Append("\n  注意：").Append(Explain(reason, item));
                }
            }
        }

        text.Append("\n回复 1 确认，回复 2 取消。");
        return new ReplyMessage(text.ToString(), [new QuickReply("1. 确认", ConfirmValue), new QuickReply("2. 取消", CancelValue)]);
    }

    private static string Explain(ConfirmReason reason, Item item) => reason switch
    {
        ConfirmReason.MemberDecrease => $"党员人数将从 {item.Organization?.PartyMembers} 名减为 {item.Action.PartyMembers} 名（如是新发现的党员，请说“发现N名党员”）",
        ConfirmReason.MemberJump => $"党员人数将从 {item.Organization?.PartyMembers} 名变为 {item.Action.PartyMembers} 名，变化超过一半",
        ConfirmReason.EmployeeDrop => $"职工人数将从 {item.Organization?.Employees} 人减为 {item.Action.Employees} 人，减少超过一半",
        ConfirmReason.Status => $"经营状态将改为 {ChineseFormat.Status(item.Action.Status ?? OperatingStatus.Normal)}",
        ConfirmReason.FormationExists => $"该单位台账上已有党组织（{ChineseFormat.PartyOrganization(item.Organization!.PartyOrganization)}），确认后将改为新的组建情况",
        ConfirmReason.UnknownOrganization => $"台账里没有“{item.Action.Organization}”",
        _ => "这句话我不太确定是否理解对了",
    };

    /// <summary>The record an action would write, for showing it (not stored).</summary>
    public static RecordRequest Preview(UnderstoodAction action, User sender)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(sender);
        var organizationId = action.OrganizationId ?? 0;
        return action.Kind switch
        {
            ActionKind.Visit => new Visit { OrganizationId = organizationId },
            ActionKind.MemberDiscovery => new MemberDiscovery
            {
                OrganizationId = organizationId,
                Count = action.Count ?? 0,
                Categories = action.Categories ?? MemberCategories.None,
            },
            ActionKind.Formation => new Formation
            {
                OrganizationId = organizationId,
                Method = action.Method ?? (action.Units is { Count: > 1 } ? FormationMethod.Joint : FormationMethod.Single),
                JointMode = action.JointMode,
                Level = action.Level,
                Members = action.Members,
                Secretary = action.Secretary,
                UnitNames = action.Units ?? [],
            },
            ActionKind.WorkCoverage => new WorkCoverage
            {
                OrganizationId = organizationId,
                Measure = action.Measure ?? WorkCoverageMeasure.Instructor,
                Person = action.Person,
            },
            ActionKind.OrgUpdate => new OrganizationUpdate
            {
                OrganizationId = organizationId,
                Employees = action.Employees,
                PartyMembers = action.PartyMembers,
                Status = action.Status,
            },
            ActionKind.FormationPlan => new FormationPlan { OrganizationId = organizationId, Measures = action.Measures ?? "", Due = action.Due, Person = action.Person },
            _ => new Pairing { OrganizationId = organizationId, Secretary = action.Secretary ?? sender.Name },
        };
    }
}
