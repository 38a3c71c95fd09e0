namespace InstructorBot.Bot.Understanding;

/// <summary>党的工作覆盖 without a party organisation (002 §一; 003 §二(六)).</summary>
public enum CoverageMeasure
{
    /// <summary>选派党建工作指导员.</summary>
    Instructor,

    /// <summary>工会.</summary>
    TradeUnion,

    /// <summary>团组织 (团支部、共青团).</summary>
    YouthLeague,

    /// <summary>妇联、妇委会.</summary>
    WomenFederation,
}
