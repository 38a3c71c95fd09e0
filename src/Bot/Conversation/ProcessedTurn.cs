namespace InstructorBot.Bot.Conversation;

/// <summary>A handled channel message (<c>channel:messageId</c>) with its first replies, kept so a redelivery gets the same answer.</summary>
public sealed record ProcessedTurn
{
    /// <summary><c>channel:messageId</c>.</summary>
    public string Id { get; init; } = "";

    public string Channel { get; init; } = "";

    /// <summary>The registered user behind the message.</summary>
    public string UserId { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>The replies as JSON (the <see cref="ReplyMessage"/> list).</summary>
    public string RepliesJson { get; init; } = "[]";

    public long AtMs { get; init; }
}
