namespace InstructorBot.Bot.Channels.Feishu;

/// <summary>
/// 飞书自建应用 event subscription settings (section <c>Channels:Feishu</c>, environment
/// <c>Channels__Feishu__VerificationToken</c> …). Without VerificationToken the channel is off and
/// <c>/channels/feishu</c> answers 404.
/// </summary>
public sealed class FeishuOptions
{
    public const string Section = "Channels:Feishu";

    /// <summary>事件订阅 Verification Token: every event's header.token must equal it.</summary>
    public string? VerificationToken { get; set; }

    /// <summary>事件订阅 Encrypt Key: when set, events arrive encrypted and signed (X-Lark-Signature).</summary>
    public string? EncryptKey { get; set; }

    /// <summary>The app's App ID, for tenant_access_token.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's App Secret, for tenant_access_token.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The open platform base (open.feishu.cn; open.larksuite.com for Lark; a loopback server in tests).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://open.feishu.cn");

    /// <summary>With an EncryptKey, refuse event callbacks that carry no X-Lark-Signature.</summary>
    public bool RequireSignature { get; set; } = true;

    /// <summary>How far X-Lark-Request-Timestamp may be from now.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest accepted request body.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(VerificationToken);

    /// <summary>True when replies can be sent (App ID and App Secret set).</summary>
    public bool CanReply => IsConfigured && !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);
}
