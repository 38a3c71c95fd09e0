using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Figures;

/// <summary>Where a 一企一策 plan stands on a day.</summary>
public enum FormationPlanStatus
{
    /// <summary>按期推进: the deadline not passed (or none set), the unit not yet covered.</summary>
    OnTime,

    /// <summary>逾期: the deadline passed and the unit still without a party organisation.</summary>
    Overdue,

    /// <summary>已组建: the unit is covered; the plan is done.</summary>
    Done,
}

/// <summary>The status of a plan and its Chinese name (as the 台账 and the replies write it).</summary>
public static class FormationPlanStatuses
{
    public static FormationPlanStatus Of(FormationPlan plan, Organization organization, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(organization);
        return CoverageRules.IsCovered(organization) ? FormationPlanStatus.Done
            : plan.Due is { } due && due < today ? FormationPlanStatus.Overdue
            : FormationPlanStatus.OnTime;
    }

    public static string Chinese(FormationPlanStatus status) => status switch
    {
        FormationPlanStatus.Done => "已组建",
        FormationPlanStatus.Overdue => "逾期",
        _ => "按期推进",
    };
}
