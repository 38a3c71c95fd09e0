namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>A vendor message whose reply the vendor accepted (<c>channel:messageId</c>), kept so a retry after a restart is not answered again.</summary>
public sealed record DeliveredReply
{
    /// <summary><c>channel:messageId</c>, the turn log's key.</summary>
    public string Id { get; init; } = "";

    public long AtMs { get; init; }
}
