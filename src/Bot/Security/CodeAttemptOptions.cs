namespace InstructorBot.Bot.Security;

/// <summary>
/// Configuration section <c>Security:Codes</c>: how many wrong one-time codes (sign-in or "绑定 CODE") one sender may
/// try before a lockout, and the ceiling on wrong tries from everyone together.
/// </summary>
public sealed class CodeAttemptOptions
{
    public const string Section = "Security:Codes";

    /// <summary>Wrong tries one sender (channel user, or web client address) may make before it is locked.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a sender stays locked after <see cref="MaxFailures"/> wrong tries.</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Wrong tries per minute from everyone together. Above it, a sender that already failed in this minute is refused
    /// until the minute ends; a sender's first try is still checked, so a flood does not lock out the others.
    /// </summary>
    public int GlobalFailuresPerMinute { get; set; } = 120;
}
