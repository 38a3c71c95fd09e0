namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>A signed-in web chat session as stored server-side; the cookie carries only its id. Times as Unix milliseconds.</summary>
public sealed record WebSession
{
    /// <summary>128 random bits, hex.</summary>
    public string Id { get; init; } = "";

    public string UserId { get; init; } = "";

    public long CreatedAtMs { get; init; }

    /// <summary>The absolute end, whatever the cookie's sliding renewals say.</summary>
    public long ExpiresAtMs { get; init; }

    public long? RevokedAtMs { get; init; }
}
