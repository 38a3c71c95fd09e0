namespace InstructorBot.Knowledge.Formation;

/// <summary>
/// What the advisor knows of a unit, from the ledger or from the question. <see cref="FullMembers"/> are 正式党员,
/// <see cref="FlowingMembers"/> 流动党员; <see cref="MostlyPublicStaff"/>: staff mainly from 机关事业单位;
/// <see cref="CurrentOrganization"/>: the party organisation it has now, if any; <see cref="Dormant"/>: a 空壳, 僵尸 or 影子
/// unit, which leaves the 党建基数 (003 §三(二)); <see cref="Deregistered"/>: a 注销 unit, whose organisation goes with it
/// (001 §二(二) 五个同步). <see cref="PartyMembersAbout"/> and <see cref="EmployeesAbout"/>: a figure said only
/// approximately ("党员五十好几个", "员工五百多人"), where no exact one is known.
/// </summary>
public sealed record OrganizationFacts(
    string? Name = null,
    OrganizationType? Type = null,
    string? Industry = null,
    int? Employees = null,
    int? PartyMembers = null,
    int? FullMembers = null,
    int? FlowingMembers = null,
    bool? MostlyPublicStaff = null,
    FormationMethod? CurrentOrganization = null,
    bool? Dormant = null,
    bool? Deregistered = null,
    CountRange? PartyMembersAbout = null,
    CountRange? EmployeesAbout = null)
{
    /// <summary>The members who count for forming: 正式党员 when known, else all members.</summary>
    public int? CountingMembers => FullMembers ?? PartyMembers;

    public bool KnowsMembers => CountingMembers is not null || PartyMembersAbout is not null || FlowingMembers is not null || MostlyPublicStaff == true;

    /// <summary>
    /// These facts, with every fact the other states taking precedence (facts in the question override the ledger); an
    /// approximate figure in the question ("六十多") keeps the ledger's exact one when that lies within it.
    /// </summary>
    public OrganizationFacts OverriddenBy(OrganizationFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var keepMembers = other.PartyMembersAbout is null || (PartyMembers is { } known && other.PartyMembersAbout.Contains(known));
        var keepEmployees = other.EmployeesAbout is null || (Employees is { } staff && other.EmployeesAbout.Contains(staff));
        return new(
            other.Name ?? Name,
            other.Type ?? Type,
            other.Industry ?? Industry,
            other.Employees ?? (keepEmployees ? Employees : null),
            other.PartyMembers ?? (other.FullMembers is not null || !keepMembers ? null : PartyMembers),
            other.FullMembers ?? (other.PartyMembers is not null || !keepMembers ? null : FullMembers),
            other.FlowingMembers ?? FlowingMembers,
            other.MostlyPublicStaff ?? MostlyPublicStaff,
            other.CurrentOrganization ?? CurrentOrganization,
            other.Dormant ?? Dormant,
            other.Deregistered ?? Deregistered,
            other.PartyMembers is not null || other.FullMembers is not null || (keepMembers && PartyMembers is not null) ? null : other.PartyMembersAbout ?? PartyMembersAbout,
            other.Employees is not null || (keepEmployees && Employees is not null) ? null : other.EmployeesAbout ?? EmployeesAbout);
    }
}
