using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Plugins;

/// <summary>What a recording function did: staged a record for the turn's one write, or refused (with the Chinese reason).</summary>
public sealed record RecordOutcome(ActionKind Kind, int OrganizationId, string OrganizationName, string? Refusal = null)
{
    public bool Staged => Refusal is null;
}
