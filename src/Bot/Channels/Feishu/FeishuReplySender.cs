using InstructorBot.Bot.Channels.ChannelDelivery;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.Feishu;

/// <summary>
/// <c>POST /open-apis/auth/v3/tenant_access_token/internal</c> (cached until shortly before expiry), then
/// <c>POST /open-apis/im/v1/messages/{message_id}/reply</c> with a text message.
/// </summary>
public sealed partial class FeishuReplySender(
    IHttpClientFactory httpClients,
    IOptions<FeishuOptions> options,
    TimeProvider time,
    ILogger<FeishuReplySender> logger) : IFeishuReplySender
{
    public const string HttpClientName = "feishu";

    // 99991663 / 99991668: tenant access token invalid or expired: fetch a new one once.
    private static readonly int[] TokenErrors = [99991663, 99991668];

    private readonly AccessTokenCache tokens = new(time);

    public async Task<bool> ReplyAsync(string messageId, string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.CanReply)
        {
            LogCannotReply(logger);
            return false;
        }

        return await tokens.CallAsync(
            ct => FetchTokenAsync(settings, ct),
            (token, ct) => ReplyOnceAsync(settings, messageId, text, token, ct),
            TokenErrors,
            code => LogReplyRefused(logger, code),
            cancellationToken);
    }

    public async Task<bool> SendToUserAsync(string userId, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var settings = options.Value;
        if (!settings.CanReply)
        {
            LogCannotReply(logger);
            return false;
        }

        var idType = userId.StartsWith("ou_", StringComparison.Ordinal) ? "open_id" : "user_id";
        return await tokens.CallAsync(
            ct => FetchTokenAsync(settings, ct),
            async (token, ct) =>
            {
                var client = httpClients.CreateClient(HttpClientName);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, $"/open-apis/im/v1/messages?receive_id_type={idType}"))
                {
                    Content = JsonContent.Create(new Message(userId, JsonSerializer.Serialize(new ReplyText(text)), "text")),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request, ct);
                return (await ReadResultAsync(response, ct))?.Code ?? -(int)response.StatusCode;
            },
            TokenErrors,
            code => LogReplyRefused(logger, code),
            cancellationToken);
    }

    private async Task<int> ReplyOnceAsync(FeishuOptions settings, string messageId, string text, string token, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, $"/open-apis/im/v1/messages/{Uri.EscapeDataString(messageId)}/reply"))
        {
            Content = JsonContent.Create(new Reply(JsonSerializer.Serialize(new ReplyText(text)), "text")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken);
        var result = await ReadResultAsync(response, cancellationToken);
        return result?.Code ?? -(int)response.StatusCode;
    }

    private async Task<(string Token, int ExpiresInSeconds)?> FetchTokenAsync(FeishuOptions settings, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(
            new Uri(settings.ApiBaseUrl, "/open-apis/auth/v3/tenant_access_token/internal"),
            new TokenRequest(settings.AppId!, settings.AppSecret!),
            cancellationToken);
        var result = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<TokenResult>(cancellationToken) : null;
        if (result is not { Code: 0, TenantAccessToken: { Length: > 0 } token })
        {
            LogTokenRefused(logger, result?.Code ?? -(int)response.StatusCode);
            return null;
        }

        return (token, result.Expire);
    }

    private static async Task<ApiResult?> ReadResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Feishu answers errors such as an invalid token with 4xx and a JSON body carrying the code.
        try
        {
            return await response.Content.ReadFromJsonAsync<ApiResult>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 6310, Level = LogLevel.Warning, Message = "Feishu replies are not configured (AppId, AppSecret); a reply was dropped")]
    private static partial void LogCannotReply(ILogger logger);

    [LoggerMessage(EventId = 6311, Level = LogLevel.Warning, Message = "Feishu tenant_access_token refused with code {Code}")]
    private static partial void LogTokenRefused(ILogger logger, int code);

    [LoggerMessage(EventId = 6312, Level = LogLevel.Warning, Message = "Feishu message reply refused with code {Code}")]
    private static partial void LogReplyRefused(ILogger logger, int code);

    private sealed record Reply([property: JsonPropertyName("content")] string Content, [property: JsonPropertyName("msg_type")] string MsgType);

    private sealed record Message(
        [property: JsonPropertyName("receive_id")] string ReceiveId, [property: JsonPropertyName("content")] string Content, [property: JsonPropertyName("msg_type")] string MsgType);

    private sealed record ReplyText([property: JsonPropertyName("text")] string Text);

    private sealed record TokenRequest([property: JsonPropertyName("app_id")] string AppId, [property: JsonPropertyName("app_secret")] string AppSecret);

    private sealed record TokenResult(
        [property: JsonPropertyName("code")] int Code,
        [property: JsonPropertyName("tenant_access_token")] string? TenantAccessToken,
        [property: JsonPropertyName("expire")] int Expire);

    private sealed record ApiResult([property: JsonPropertyName("code")] int Code);
}
