namespace InstructorBot.Bot.Conversation;

/// <summary>
/// A question the bot is waiting on, per user, in the store: the actions that need an organisation and the
/// candidates offered (numbered from 1). Survives a restart.
/// </summary>
public sealed record PendingDialogue
{
    /// <summary>The user id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The waiting actions as JSON (a list of <see cref="Understanding.UnderstoodAction"/>).</summary>
    public string ActionsJson { get; init; } = "[]";

    public IReadOnlyList<int> Candidates { get; init; } = [];

    public long AtMs { get; init; }
}
