namespace InstructorBot.Store.Domain;

/// <summary>党的工作覆盖 measures for a unit without a party organisation (002 §一; 003 §二(六)).</summary>
public enum WorkCoverageMeasure
{
    /// <summary>选派党建工作指导员.</summary>
    Instructor,

    /// <summary>工会.</summary>
    TradeUnion,

    /// <summary>团组织.</summary>
    YouthLeague,

    /// <summary>妇联、妇委会.</summary>
    WomenFederation,
}
