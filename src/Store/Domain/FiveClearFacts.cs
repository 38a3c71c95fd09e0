namespace InstructorBot.Store.Domain;

/// <summary>五个清 (002 §二1; 六个清楚 in 003 §二(三)): what the 排查 records per unit.</summary>
public sealed record FiveClearFacts
{
    /// <summary>经营运行情况.</summary>
    public string? Operation { get; init; }

    /// <summary>职工队伍情况.</summary>
    public string? Workforce { get; init; }

    /// <summary>党员队伍情况.</summary>
    public string? PartyMembers { get; init; }

    /// <summary>出资人（负责人）情况.</summary>
    public string? Investor { get; init; }

    /// <summary>未建党组织原因 (000: 建立党组织情况).</summary>
    public string? UnformedReason { get; init; }
}
