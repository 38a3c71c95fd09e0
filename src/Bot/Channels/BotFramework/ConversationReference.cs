namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>
/// Where to reach a Bot Framework user unprompted: the one-to-one conversation of their last message, by their channel
/// user id (<see cref="Id"/>), as the Bot Framework SDK's ConversationReference.
/// </summary>
public sealed record ConversationReference
{
    /// <summary>The user's id on the channel (<c>from.id</c>).</summary>
    public string Id { get; init; } = "";

    public string ServiceUrl { get; init; } = "";

    public string ConversationId { get; init; } = "";

    public string? ChannelId { get; init; }

    public string? BotId { get; init; }

    public string? BotName { get; init; }
}
