namespace InstructorBot.Knowledge.Formation;

/// <summary>
/// What the advisor knows of a unit, from the ledger or from the question. <see cref="FullMembers"/> are 正式党员,
/// <see cref="FlowingMembers"/> 流动党员; <see cref="MostlyPublicStaff"/>: staff mainly from 机关事业单位;
/// <see cref="CurrentOrganization"/>: the party organisation it has now, if any; <see cref="Dormant"/>: a 空壳, 僵尸 or 影子
/// unit, which leaves the 党建基数 (003 §三(二)); <see cref="Deregistered"/>: a 注销 unit, whose organisation goes with it
/// (001 §二(二) 五个同步). <see cref="PartyMembersAbout"/> and <see cref="EmployeesAbout"/>: a figure said only
/// approximately ("党员五十好几个", "员工五百多人"), where no exact one is known; <see cref="FlowingMembersAbout"/> the same
/// for 流动党员 ("流动党员有十来个"). <see cref="AddedMembers"/>: members the question says came since ("又转进来两个",
/// "新招了4个…都是正式党员"), added to the count known before. <see cref="LedgerMembers"/>: the ledger's count where the
/// question's differs (the question's is newer and decides; the reply says so).
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
    CountRange? EmployeesAbout = null,
    CountRange? FlowingMembersAbout = null,
    int? AddedMembers = null,
    int? LedgerMembers = null)
{
    /// <summary>The members who count for forming: 正式党员 when known, else all members.</summary>
    public int? CountingMembers => FullMembers ?? PartyMembers;

    public bool KnowsMembers => CountingMembers is not null || PartyMembersAbout is not null || FlowingMembers is not null || FlowingMembersAbout is not null
        || AddedMembers is not null || MostlyPublicStaff == true;

    /// <summary>
    /// These facts, with every fact the other states taking precedence: the question's facts override the ledger's, since
    /// the user reports what is true now and the ledger what was true when it was last imported. An approximate figure in
    /// the question ("六十多") keeps the ledger's exact one when that lies within it; members the question says came since
    /// (<see cref="AddedMembers"/>) are added to the count known before (the question's own earlier count, else the
    /// ledger's). Where the result differs from the ledger's count, <see cref="LedgerMembers"/> keeps the ledger's for the
    /// reply.
    /// </summary>
    public OrganizationFacts OverriddenBy(OrganizationFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var keepMembers = other.PartyMembersAbout is null || (PartyMembers is { } known && other.PartyMembersAbout.Contains(known));
        var keepEmployees = other.EmployeesAbout is null || (Employees is { } staff && other.EmployeesAbout.Contains(staff));
        var said = other.PartyMembers is not null || other.FullMembers is not null;
        var members = other.PartyMembers ?? (other.FullMembers is not null || !keepMembers ? null : PartyMembers);
        var full = other.FullMembers ?? (other.PartyMembers is not null || !keepMembers ? null : FullMembers);
        if (other.AddedMembers is { } added && other.PartyMembersAbout is null)
        {
            members = (said ? other.PartyMembers ?? other.FullMembers : PartyMembers ?? FullMembers ?? 0) + added;
            full = said && other.FullMembers is { } f && other.PartyMembers is null ? f + added : null;
            if (full is not null)
            {
                members = null;
            }

            said = true;
        }

        var ledger = PartyMembers ?? FullMembers;
        var now = members ?? full;
        return new(
            other.Name ?? Name,
            other.Type ?? Type,
            other.Industry ?? Industry,
            other.Employees ?? (keepEmployees ? Employees : null),
            members,
            full,
            other.FlowingMembers ?? FlowingMembers,
            other.MostlyPublicStaff ?? MostlyPublicStaff,
            other.CurrentOrganization ?? CurrentOrganization,
            other.Dormant ?? Dormant,
            other.Deregistered ?? Deregistered,
            said || (keepMembers && PartyMembers is not null) ? null : other.PartyMembersAbout ?? PartyMembersAbout,
            other.Employees is not null || (keepEmployees && Employees is not null) ? null : other.EmployeesAbout ?? EmployeesAbout,
            other.FlowingMembersAbout ?? FlowingMembersAbout,
            null,
            ledger is { } before && said && now is { } after && after != before ? before : LedgerMembers);
    }
}
