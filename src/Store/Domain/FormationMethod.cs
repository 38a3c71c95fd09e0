namespace InstructorBot.Store.Domain;

/// <summary>How a party organisation was formed.</summary>
public enum FormationMethod
{
    /// <summary>单独组建.</summary>
    Single,

    /// <summary>联合组建.</summary>
    Joint,

    /// <summary>功能型党组织.</summary>
    Functional,
}
