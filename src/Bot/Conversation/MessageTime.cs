namespace InstructorBot.Bot.Conversation;

/// <summary>
/// When a message was sent, as far as this server believes its channel: relative dates ("昨天", "上周五") resolve against
/// it, so a channel's claim is taken only when it is credible. A timestamp of 0001-01-01 or 9999-12-31 (or a sender's
/// clock years off) is no moment a message was sent, and the server's own time is used instead.
/// </summary>
public static class MessageTime
{
    /// <summary>
    /// How old a message may be and still be dated by its own timestamp: generous (a channel delivering late, a vendor's
    /// documented sample from years ago); what it excludes is year 1 and the like.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(365 * 30);

    /// <summary>How far ahead of this server's clock a sender's clock may run.</summary>
    public static readonly TimeSpan MaxLead = TimeSpan.FromDays(1);

    public static DateTimeOffset Credible(DateTimeOffset? claimed, DateTimeOffset now) =>
        claimed is { } sent && sent.UtcDateTime >= now.UtcDateTime - MaxAge && sent.UtcDateTime <= now.UtcDateTime + MaxLead
            ? sent
            : now;
}
