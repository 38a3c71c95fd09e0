namespace InstructorBot.Bot.Channels.WeCom;

/// <summary>
/// 企业微信自建应用 settings (section <c>Channels:WeCom</c>, environment <c>Channels__WeCom__Token</c> …).
/// Without Token, EncodingAESKey and CorpId the channel is off and <c>/channels/wecom</c> answers 404.
/// </summary>
public sealed class WeComOptions
{
    public const string Section = "Channels:WeCom";

    /// <summary>接收消息 API 的 Token.</summary>
    public string? Token { get; set; }

    /// <summary>接收消息 API 的 EncodingAESKey: 43 characters, Base64 of the 32-byte AES key without its "=".</summary>
    public string? EncodingAESKey { get; set; }

    /// <summary>企业ID, the receive id inside every ciphertext.</summary>
    public string? CorpId { get; set; }

    /// <summary>The app's AgentId, for replies through the application message API.</summary>
    public int? AgentId { get; set; }

    /// <summary>The app's Secret, for gettoken.</summary>
    public string? Secret { get; set; }

    /// <summary>The server API base (tests point it at a loopback server).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://qyapi.weixin.qq.com");

    /// <summary>How long a passive reply may take. WeCom waits 5 s, then retries; past this budget the reply goes through the message API.</summary>
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How far a request's timestamp may be from now (replay protection).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest accepted request body.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Token) && !string.IsNullOrWhiteSpace(EncodingAESKey) && !string.IsNullOrWhiteSpace(CorpId);

    /// <summary>True when replies can also go through the application message API.</summary>
    public bool CanSendMessages => IsConfigured && AgentId is not null && !string.IsNullOrWhiteSpace(Secret);
}
