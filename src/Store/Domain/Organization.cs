namespace InstructorBot.Store.Domain;

/// <summary>
/// A 两新组织 in the ledger (台账): every column of the 排查 spreadsheet, the 五个清 facts,
/// and its party and mass organisations.
/// </summary>
public sealed record Organization
{
    /// <summary>LiteDB id; 0 until stored.</summary>
    public int Id { get; init; }

    /// <summary>序号 in the imported ledger.</summary>
    public int? SerialNumber { get; init; }

    /// <summary>单位名称: the full registered name.</summary>
    public string Name { get; init; } = "";

    /// <summary>统一社会信用代码 (USCI, GB 32100-2015), upper case; null where the ledger gives none.</summary>
    public string? CreditCode { get; init; }

    /// <summary>单位类型: 非公企业 or 社会组织.</summary>
    public OrganizationType Type { get; init; }

    /// <summary>行业类别 as written in the ledger (互联网, 民办学校, 律师事务所, …).</summary>
    public string? Industry { get; init; }

    /// <summary>所在区.</summary>
    public string District { get; init; } = "";

    /// <summary>所在街道.</summary>
    public string Street { get; init; } = "";

    /// <summary>所在社区.</summary>
    public string Community { get; init; } = "";

    /// <summary>园区楼宇.</summary>
    public string? Park { get; init; }

    /// <summary>职工人数 (从业人员).</summary>
    public int? Employees { get; init; }

    /// <summary>党员人数: the members now known in the unit.</summary>
    public int PartyMembers { get; init; }

    /// <summary>The unit's party organisation; <see cref="PartyOrganizationKind.None"/> when 未建.</summary>
    public PartyOrganization PartyOrganization { get; init; } = PartyOrganization.None;

    /// <summary>党建指导员 assigned to the unit (a name), or null.</summary>
    public string? Instructor { get; init; }

    /// <summary>出资人（负责人）.</summary>
    public string? Investor { get; init; }

    /// <summary>经营状态.</summary>
    public OperatingStatus Status { get; init; } = OperatingStatus.Normal;

    /// <summary>群团组织 formed in the unit (工会, 共青团, 妇联).</summary>
    public IReadOnlyList<MassOrganizationKind> MassOrganizations { get; init; } = [];

    /// <summary>五个清: the facts the 排查 must make clear.</summary>
    public FiveClearFacts Facts { get; init; } = new();

    /// <summary>When the record last changed (UTC, millisecond precision).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
