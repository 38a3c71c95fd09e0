namespace InstructorBot.Bot.Conversation;

/// <summary>A stored one-time code: salted hash only, times as Unix milliseconds.</summary>
public sealed record OneTimeCode
{
    public int Id { get; init; }

    public string UserId { get; init; } = "";

    public string Salt { get; init; } = "";

    public string Hash { get; init; } = "";

    public long ExpiresAtMs { get; init; }

    public long? UsedAtMs { get; init; }
}
