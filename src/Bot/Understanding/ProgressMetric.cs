using System.Text.Json.Serialization;

namespace InstructorBot.Bot.Understanding;

/// <summary>What a coordinator's progress question asks for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProgressMetric>))]
public enum ProgressMetric
{
    /// <summary>覆盖率、单独组建率.</summary>
    Coverage,

    /// <summary>应建未建 lists.</summary>
    Unformed,

    /// <summary>新建党组织.</summary>
    Formations,

    /// <summary>走访.</summary>
    Visits,

    /// <summary>距组建截止还有几天: a deadline of the campaign calendar.</summary>
    Deadline,

    /// <summary>下次报送是哪天: the next reporting day.</summary>
    Reporting,

    /// <summary>一企一策: the plans of the scope's units that must form.</summary>
    Plans,

    /// <summary>一企一策: units that must form and have no plan.</summary>
    PlansMissing,

    /// <summary>一企一策: plans past their deadline, the unit still not covered.</summary>
    PlansOverdue,
}
