namespace InstructorBot.Store.Domain;

/// <summary>A channel message already handled, so a redelivery is not written twice.</summary>
public sealed record ProcessedMessage
{
    /// <summary><c>channel:messageId</c>.</summary>
    public string Id { get; init; } = "";

    public DateTimeOffset At { get; init; }
}
