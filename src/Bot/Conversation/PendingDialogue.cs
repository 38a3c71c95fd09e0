namespace InstructorBot.Bot.Conversation;

/// <summary>
/// A question the bot is waiting on, per user, in the store: which organisation (numbered candidates from 1), or whether
/// to write what it showed (确认/取消). Survives a restart.
/// </summary>
public sealed record PendingDialogue
{
    /// <summary>Asks which organisation the waiting actions concern.</summary>
    public const string OrganizationKind = "organization";

    /// <summary>Shows what the waiting actions would write and asks 确认/取消.</summary>
    public const string ConfirmKind = "confirm";

    /// <summary>The user id.</summary>
    public string Id { get; init; } = "";

    /// <summary><see cref="OrganizationKind"/> (also when missing, from older versions) or <see cref="ConfirmKind"/>.</summary>
    public string? Kind { get; init; }

    /// <summary>The waiting actions as JSON (a list of <see cref="Understanding.UnderstoodAction"/>).</summary>
    public string ActionsJson { get; init; } = "[]";

    public IReadOnlyList<int> Candidates { get; init; } = [];

    /// <summary>The words of the message that is waiting, shortened, to name it when another message comes in between.</summary>
    public string? Subject { get; init; }

    /// <summary>The question as asked (text and quick replies), to ask it again.</summary>
    public string? QuestionText { get; init; }

    /// <summary>The quick replies' titles and values (kept as two lists of text for the store's mapper).</summary>
    public IReadOnlyList<string> QuickReplyTitles { get; init; } = [];

    public IReadOnlyList<string> QuickReplyValues { get; init; } = [];

    public long AtMs { get; init; }

    public bool IsConfirmation => Kind == ConfirmKind;
}
