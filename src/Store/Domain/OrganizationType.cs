namespace InstructorBot.Store.Domain;

/// <summary>单位类型.</summary>
public enum OrganizationType
{
    /// <summary>非公企业 (非公有制经济组织).</summary>
    Enterprise,

    /// <summary>社会组织.</summary>
    SocialOrganization,
}
