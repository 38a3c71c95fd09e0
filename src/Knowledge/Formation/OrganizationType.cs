namespace InstructorBot.Knowledge.Formation;

/// <summary>两新组织 kinds: 非公有制企业 or 社会组织.</summary>
public enum OrganizationType
{
    Enterprise,
    SocialOrg,
}
