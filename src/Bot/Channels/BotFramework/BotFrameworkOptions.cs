namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>
/// Configuration section <c>BotFramework</c>. With <see cref="AppId"/> (a GUID) every request needs a channel token.
/// Without it the endpoint is off (404), unless <see cref="AllowUnauthenticatedLocal"/> turns on the Emulator's local
/// mode: no token checks, requests only from loopback, replies only to a loopback serviceUrl.
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "BotFramework";

    /// <summary>The bot's Microsoft App ID; the audience incoming tokens must carry.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's secret, used only to get outgoing tokens. Never logged.</summary>
    public string? AppPassword { get; set; }

    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string Issuer { get; set; } = "https://api.botframework.com";

    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Without an app id, accept unauthenticated activities from this machine (the Bot Framework Emulator, tests).
    /// Off by default: a stranger who reaches the port must not act as any bound user.
    /// </summary>
    public bool AllowUnauthenticatedLocal { get; set; }

    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);

    /// <summary>False when the endpoint answers nothing (404): no app id and no local mode.</summary>
    public bool IsEnabled => !IsLocalMode || AllowUnauthenticatedLocal;
}
