namespace InstructorBot.Store.Domain;

/// <summary>
/// 一企一策: the plan for one unit that must form its party organisation (应建未建): the measures, the day by which it is
/// to be done, and who answers for it. Changes nothing on the organisation; a unit's latest plan replaces the earlier ones.
/// </summary>
public sealed record FormationPlan : RecordRequest
{
    public const string KindName = "formation_plan";

    public override string Kind => KindName;

    /// <summary>措施: what is to be done, as the instructor said it.</summary>
    public string Measures { get; init; } = "";

    /// <summary>时限: the last day (Asia/Shanghai) by which it is to be done; null when none was set.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>责任人: the person who answers for it; null when none was named.</summary>
    public string? Person { get; init; }
}
