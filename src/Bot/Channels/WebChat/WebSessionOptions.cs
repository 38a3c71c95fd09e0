namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>Configuration section <c>WebChat:Session</c>: how long a web chat sign-in lasts.</summary>
public sealed class WebSessionOptions
{
    public const string Section = "WebChat:Session";

    /// <summary>The cookie's lifetime; with <see cref="SlidingExpiration"/> it renews while the user is active.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    public bool SlidingExpiration { get; set; } = true;

    /// <summary>The longest a session lives however active it is; then the user signs in with a new code.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);
}
