namespace InstructorBot.Knowledge.Formation;

/// <summary>党支部, 党总支 (more than 50 members) or 党的基层委员会 (100 or more, with approval).</summary>
public enum OrganizationLevel
{
    Branch,
    GeneralBranch,
    Committee,
}
