using System.Text.Json.Serialization;

namespace InstructorBot.Bot.Conversation;

/// <summary>Why a write is shown and asked about before it is made.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConfirmReason>))]
public enum ConfirmReason
{
    /// <summary>The party member total goes down.</summary>
    MemberDecrease,

    /// <summary>The party member total changes by more than the configured share.</summary>
    MemberJump,

    /// <summary>The operating status becomes 空壳/僵尸/注销 (configurable).</summary>
    Status,

    /// <summary>The ledger lacks the organisation named; the nearest ledger name is offered.</summary>
    NearName,

    /// <summary>The ledger lacks the organisation named.</summary>
    UnknownOrganization,

    /// <summary>The unit already has a party organisation.</summary>
    FormationExists,

    /// <summary>Understanding marked the reading as doubtful.</summary>
    Doubtful,

    /// <summary>The staff figure falls below the configured share of the ledger's (a figure of a part or of another noun).</summary>
    EmployeeDrop,
}
