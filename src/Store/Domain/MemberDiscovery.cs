namespace InstructorBot.Store.Domain;

/// <summary>党员发现: members newly found in the unit; raises its <see cref="Organization.PartyMembers"/> by <see cref="Count"/>.</summary>
public sealed record MemberDiscovery : RecordRequest
{
    public const string KindName = "member_discovery";

    public override string Kind => KindName;

    /// <summary>All members found in this report.</summary>
    public int Count { get; init; }

    public MemberCategories Categories { get; init; } = MemberCategories.None;
}
