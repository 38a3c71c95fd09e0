namespace InstructorBot.Store.Domain;

/// <summary>群团组织 that carry party work into a unit without a party organisation.</summary>
public enum MassOrganizationKind
{
    /// <summary>工会.</summary>
    TradeUnion,

    /// <summary>共青团 (团组织、团支部).</summary>
    YouthLeague,

    /// <summary>妇联、妇委会.</summary>
    WomenFederation,
}
