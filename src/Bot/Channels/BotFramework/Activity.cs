namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>A Bot Framework v3 Activity: the fields this bot reads and writes (Bot Framework Activity schema).</summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary><c>normal</c> (default) or <c>expectReplies</c> (replies go back in the HTTP response).</summary>
    public string? DeliveryMode { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public IReadOnlyList<ActivityAttachment>? Attachments { get; init; }
}
