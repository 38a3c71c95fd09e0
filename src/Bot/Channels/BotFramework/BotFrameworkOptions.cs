namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>
/// Configuration section <c>BotFramework</c>. Without <see cref="AppId"/> the endpoint runs in the Emulator's local
/// mode: no token checks, and replies go only to a loopback serviceUrl.
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

    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);
}
