namespace InstructorBot.Store.Domain;

/// <summary>Facts about a unit stated as totals; each given field replaces the organisation's.</summary>
public sealed record OrganizationUpdate : RecordRequest
{
    public const string KindName = "org_update";

    public override string Kind => KindName;

    /// <summary>职工人数 now.</summary>
    public int? Employees { get; init; }

    /// <summary>党员人数 now (a total, not newly found).</summary>
    public int? PartyMembers { get; init; }

    /// <summary>经营状态 now.</summary>
    public OperatingStatus? Status { get; init; }
}
