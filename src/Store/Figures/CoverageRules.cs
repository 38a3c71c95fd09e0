using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Figures;

/// <summary>Which units count, and which must be covered (DOMAIN.md §Figures, rule 5 with 002's thresholds).</summary>
public static class CoverageRules
{
    /// <summary>
    /// 民办学校、民办医院、律师/会计师/税务师事务所: organisations that must be covered from 30 staff (002 §一). The thresholds and
    /// kinds below are also what <c>Postgres.PostgresFigures</c> passes to its SQL, so both engines count by one rule.
    /// </summary>
    public static readonly IReadOnlyList<string> ProfessionalKinds = ["民办学校", "民办医院", "律师事务所", "会计师事务所", "税务师事务所", "律所"];

    /// <summary>A 学校 or 医院 that is a social organisation is a professional unit too.</summary>
    public static readonly IReadOnlyList<string> ProfessionalSocialIndustries = ["学校", "医院"];

    /// <summary>应建: 3名以上正式党员 (002 §一).</summary>
    public const int MembersToForm = 3;

    /// <summary>应建: an enterprise of 100 staff or more (002 §一).</summary>
    public const int EnterpriseStaffToForm = 100;

    /// <summary>应建: a professional unit of 30 staff or more (002 §一).</summary>
    public const int ProfessionalStaffToForm = 30;

    /// <summary>应有党员: an enterprise of 50 staff or more (002 §一).</summary>
    public const int EnterpriseStaffToHaveMembers = 50;

    /// <summary>党建基数: 空壳、僵尸、注销 units are removed from the base (003 §三(二)).</summary>
    public static bool InBase(Organization organization) => organization.Status == OperatingStatus.Normal;

    public static bool IsCovered(Organization organization) => organization.PartyOrganization.IsFormed;

    /// <summary>工作覆盖: covered, or an instructor assigned, or a 群团组织 formed.</summary>
    public static bool IsWorkCovered(Organization organization) =>
        IsCovered(organization) || !string.IsNullOrWhiteSpace(organization.Instructor) || organization.MassOrganizations.Count > 0;

    public static bool IsProfessionalUnit(Organization organization) =>
        ProfessionalKinds.Any(kind => (organization.Industry ?? "").Contains(kind, StringComparison.Ordinal)
                                      || organization.Name.Contains(kind, StringComparison.Ordinal))
        || (ProfessionalSocialIndustries.Contains(organization.Industry ?? "") && organization.Type == OrganizationType.SocialOrganization);

    /// <summary>应建: ≥ 3 members; an enterprise with ≥ 100 staff; a professional unit with ≥ 30 staff (002 §一).</summary>
    public static bool MustBeCovered(Organization organization) =>
        organization.PartyMembers >= MembersToForm
        || (organization.Type == OrganizationType.Enterprise && organization.Employees >= EnterpriseStaffToForm)
        || (IsProfessionalUnit(organization) && organization.Employees >= ProfessionalStaffToForm);

    /// <summary>应建未建: a unit of the base that must be covered and has no party organisation yet.</summary>
    public static bool MustFormButHasNot(Organization organization) =>
        InBase(organization) && !IsCovered(organization) && MustBeCovered(organization);

    /// <summary>应有党员: an enterprise with ≥ 50 staff and no member (002 §一).</summary>
    public static bool MustHaveMembers(Organization organization) =>
        organization.Type == OrganizationType.Enterprise && organization.Employees >= EnterpriseStaffToHaveMembers && organization.PartyMembers == 0;
}
