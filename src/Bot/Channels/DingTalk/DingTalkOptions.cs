using System.Net;

namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>
/// 钉钉企业内部应用机器人 (HTTP mode) settings (section <c>Channels:DingTalk</c>, environment
/// <c>Channels__DingTalk__AppSecret</c> …). Without AppSecret the channel is off and <c>/channels/dingtalk</c> answers 404.
/// </summary>
public sealed class DingTalkOptions
{
    public const string Section = "Channels:DingTalk";

    /// <summary>The app's AppKey (Client ID); informational.</summary>
    public string? AppKey { get; set; }

    /// <summary>The app's AppSecret (Client Secret): the key of the callback signature.</summary>
    public string? AppSecret { get; set; }

    /// <summary>
    /// Hosts a sessionWebhook may point at (https only). Empty means DingTalk's own API hosts. The body is
    /// signed only through its headers' timestamp, so this list is what stops a forged body making the bot call
    /// an arbitrary URL.
    /// </summary>
    public IList<string> AllowedWebhookHosts { get; } = [];

    /// <summary>Also allows http(s) webhooks on loopback addresses (for tests only).</summary>
    public bool AllowLoopbackWebhook { get; set; }

    /// <summary>
    /// How far the <c>timestamp</c> header may be from now. DingTalk allows one hour; the sign covers only the timestamp,
    /// so a narrower window (and <see cref="DingTalkSeenSigns"/>) is what limits a captured signature.
    /// </summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest accepted request body.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppSecret);

    /// <summary>DingTalk's open API (access tokens, robot messages to users); default <c>https://api.dingtalk.com</c>.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.dingtalk.com");

    /// <summary>The robot's code for messages sent unprompted; the AppKey when not set (an enterprise-internal app's robot).</summary>
    public string? RobotCode { get; set; }

    /// <summary>The robot may send a user a message unprompted (the scheduler's digests and reminders).</summary>
    public bool CanSendMessages => IsConfigured && !string.IsNullOrWhiteSpace(AppKey);

    /// <summary>DingTalk's API hosts, used when <see cref="AllowedWebhookHosts"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultWebhookHosts { get; } = ["oapi.dingtalk.com", "api.dingtalk.com"];

    /// <summary>True when the bot may POST a reply to <paramref name="webhook"/>.</summary>
    public bool IsAllowedWebhook(Uri webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (!webhook.IsAbsoluteUri || !string.IsNullOrEmpty(webhook.UserInfo))
        {
            return false;
        }

        if (AllowLoopbackWebhook && (webhook.Scheme == Uri.UriSchemeHttp || webhook.Scheme == Uri.UriSchemeHttps)
            && webhook.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(webhook.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))
        {
            return true;
        }

        var hosts = AllowedWebhookHosts.Count > 0 ? (IEnumerable<string>)AllowedWebhookHosts : DefaultWebhookHosts;
        return webhook.Scheme == Uri.UriSchemeHttps
            && webhook.IsDefaultPort
            && hosts.Any(host => string.Equals(host, webhook.IdnHost, StringComparison.OrdinalIgnoreCase));
    }
}
