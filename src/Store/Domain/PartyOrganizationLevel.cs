namespace InstructorBot.Store.Domain;

/// <summary>党组织类型.</summary>
public enum PartyOrganizationLevel
{
    /// <summary>党支部.</summary>
    Branch,

    /// <summary>党总支.</summary>
    GeneralBranch,

    /// <summary>党委 (党的基层委员会).</summary>
    Committee,
}
