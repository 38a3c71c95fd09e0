using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>POSTs <c>{"msgtype":"text","text":{"content":…}}</c> to a sessionWebhook, refusing hosts off the allow-list.</summary>
public sealed partial class DingTalkReplySender(
    IHttpClientFactory httpClients,
    IOptions<DingTalkOptions> options,
    ILogger<DingTalkReplySender> logger) : IDingTalkReplySender
{
    public const string HttpClientName = "dingtalk";

    public async Task<bool> ReplyAsync(Uri sessionWebhook, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionWebhook);
        if (!options.Value.IsAllowedWebhook(sessionWebhook))
        {
            LogWebhookRefused(logger);
            return false;
        }

        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(sessionWebhook, new Reply("text", new ReplyText(text)), cancellationToken);
        var result = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ApiResult>(cancellationToken) : null;
        if (result is { ErrCode: 0 })
        {
            return true;
        }

        LogReplyRefused(logger, result?.ErrCode ?? -(int)response.StatusCode);
        return false;
    }

    [LoggerMessage(EventId = 6210, Level = LogLevel.Warning, Message = "DingTalk reply not sent: the sessionWebhook host is not allowed")]
    private static partial void LogWebhookRefused(ILogger logger);

    [LoggerMessage(EventId = 6211, Level = LogLevel.Warning, Message = "DingTalk sessionWebhook refused the reply with errcode {ErrCode}")]
    private static partial void LogReplyRefused(ILogger logger, int errCode);

    private sealed record Reply([property: JsonPropertyName("msgtype")] string MsgType, [property: JsonPropertyName("text")] ReplyText Text);

    private sealed record ReplyText([property: JsonPropertyName("content")] string Content);

    private sealed record ApiResult([property: JsonPropertyName("errcode")] int ErrCode);
}
