namespace InstructorBot.Store.Domain;

/// <summary>党组织状态 in the ledger.</summary>
public enum PartyOrganizationKind
{
    /// <summary>未建.</summary>
    None,

    /// <summary>单独组建.</summary>
    Single,

    /// <summary>联合组建: one party organisation shared by several units.</summary>
    Joint,

    /// <summary>功能型党组织: for members whose relations stay elsewhere.</summary>
    Functional,
}
