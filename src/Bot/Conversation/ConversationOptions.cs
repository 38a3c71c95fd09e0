using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// How careful the conversation is before it writes (section <c>Conversation</c>, environment
/// <c>Conversation__UndoWindowDays</c>, <c>Conversation__Confirm__MemberChangeRatio</c> …).
/// </summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversation";

    /// <summary>How far back "撤销", "撤销 2", "我最近的登记" and corrections reach (the sender's own records only).</summary>
    public int UndoWindowDays { get; set; } = 7;

    /// <summary>How many records "我最近的登记" lists.</summary>
    public int RecentCount { get; set; } = 5;

    /// <summary>When a write is shown and asked about (确认/取消) before it is made.</summary>
    public ConfirmOptions Confirm { get; set; } = new();
}

/// <summary>The rules of <see cref="ConfirmPolicy"/>: each can be turned off, the ratio and statuses tuned.</summary>
public sealed class ConfirmOptions
{
    /// <summary>A party member total that goes down.</summary>
    public bool MemberDecrease { get; set; } = true;

    /// <summary>A party member total that changes by more than this share of the ledger's figure (0.5 = more than half); 0 turns it off.</summary>
    public double MemberChangeRatio { get; set; } = 0.5;

    /// <summary>Operating statuses that are confirmed before they are written (null: 空壳, 僵尸 and 注销). Null by default so that a
    /// configured list replaces the default instead of being appended to it by the configuration binder.</summary>
    public List<OperatingStatus>? Statuses { get; set; }

    public static readonly IReadOnlyList<OperatingStatus> DefaultStatuses = [OperatingStatus.Shell, OperatingStatus.Zombie, OperatingStatus.Deregistered];

    /// <summary>A record naming an organisation the ledger lacks (the turn offers the nearest ledger name instead).</summary>
    public bool UnknownOrganization { get; set; } = true;

    /// <summary>A formation recorded on a unit that already has a party organisation.</summary>
    public bool ExistingFormation { get; set; } = true;

    /// <summary>
    /// A staff figure below this share of the ledger's (0.5: less than half) is asked about: a lower figure overwriting the
    /// ledger's is most often the head count of a part (研发部五十多个人) or of another noun (俩社工); 0 turns it off.
    /// </summary>
    public double EmployeeDropRatio { get; set; } = 0.5;

    /// <summary>An action understanding marks as doubtful (its second opinion disagrees).</summary>
    public bool Doubtful { get; set; } = true;
}
