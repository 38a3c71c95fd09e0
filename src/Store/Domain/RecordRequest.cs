namespace InstructorBot.Store.Domain;

/// <summary>
/// A campaign record an instructor or secretary reports: <see cref="Visit"/>, <see cref="MemberDiscovery"/>,
/// <see cref="Formation"/>, <see cref="WorkCoverage"/>, <see cref="OrganizationUpdate"/>, <see cref="Pairing"/> or <see cref="FormationPlan"/>.
/// The same type is the request to <c>RecordAsync</c> and the stored record: the store fills
/// <see cref="Id"/>, <see cref="ReportedBy"/> and <see cref="RecordedAt"/>.
/// </summary>
public abstract record RecordRequest
{
    /// <summary>LiteDB id within the record's own collection; 0 until stored.</summary>
    public int Id { get; init; }

    /// <summary>The organisation the record concerns (for a joint formation, the first unit named).</summary>
    public int OrganizationId { get; init; }

    /// <summary>The day it happened (Asia/Shanghai calendar day).</summary>
    public DateOnly Date { get; init; }

    /// <summary>用户ID of the reporter.</summary>
    public string ReportedBy { get; init; } = "";

    /// <summary>When the store wrote it (UTC, millisecond precision).</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>The record kind as the CLI contract names it (<c>visit</c>, <c>member_discovery</c>, …); also its collection.</summary>
    public abstract string Kind { get; }
}
