using System.Text.Json.Serialization;

namespace InstructorBot.Bot.Understanding;

/// <summary>What a message asks for (shared/contracts/CLI.md §understand). The first seven are records to write.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionKind>))]
public enum ActionKind
{
    Visit,
    MemberDiscovery,
    Formation,
    WorkCoverage,
    OrgUpdate,
    Pairing,

    /// <summary>一企一策: a plan (measures, deadline, responsible person) for a unit that must form; recorded, undone like the others.</summary>
    FormationPlan,
    FormationAdvice,
    PolicyQuestion,
    ProgressQuery,
    OrgLookup,
    Export,
    Undo,
    Help,

    /// <summary>不要提醒 / 恢复提醒: the sender's proactive messages off or on (<see cref="UnderstoodAction.Enabled"/>).</summary>
    Reminders,
}
