using InstructorBot.Bot.Channels.ChannelDelivery;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.WeCom;

/// <summary>
/// The application message API: <c>GET /cgi-bin/gettoken?corpid=&amp;corpsecret=</c> (token cached until shortly
/// before it expires) and <c>POST /cgi-bin/message/send?access_token=</c> with a text message to one user.
/// </summary>
public sealed partial class WeComMessageSender(
    IHttpClientFactory httpClients,
    IOptions<WeComOptions> options,
    TimeProvider time,
    ILogger<WeComMessageSender> logger) : IWeComMessageSender
{
    public const string HttpClientName = "wecom";

    // 40014 invalid access_token, 42001 access_token expired: fetch a new one once.
    private static readonly int[] TokenErrors = [40014, 42001];

    private readonly AccessTokenCache tokens = new(time);

    public async Task<bool> SendTextAsync(string userId, string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.CanSendMessages)
        {
            LogCannotSend(logger);
            return false;
        }

        return await tokens.CallAsync(
            ct => FetchTokenAsync(settings, ct),
            (token, ct) => SendOnceAsync(settings, userId, text, token, ct),
            TokenErrors,
            code => LogSendRefused(logger, code),
            cancellationToken);
    }

    private async Task<int> SendOnceAsync(WeComOptions settings, string userId, string text, string token, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        var request = new SendRequest(userId, "text", settings.AgentId!.Value, new SendText(text));
        using var response = await client.PostAsJsonAsync(
            new Uri(settings.ApiBaseUrl, $"/cgi-bin/message/send?access_token={Uri.EscapeDataString(token)}"),
            request,
            cancellationToken);
        var result = response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<ApiResult>(cancellationToken)
            : null;
        return result?.ErrCode ?? -(int)response.StatusCode;
    }

    private async Task<(string Token, int ExpiresInSeconds)?> FetchTokenAsync(WeComOptions settings, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        var uri = new Uri(
            settings.ApiBaseUrl,
            $"/cgi-bin/gettoken?corpid={Uri.EscapeDataString(settings.CorpId!)}&corpsecret={Uri.EscapeDataString(settings.Secret!)}");
        using var response = await client.GetAsync(uri, cancellationToken);
        var result = response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<TokenResult>(cancellationToken)
            : null;
        if (result is not { ErrCode: 0, AccessToken: { Length: > 0 } accessToken })
        {
            LogTokenRefused(logger, result?.ErrCode ?? -(int)response.StatusCode);
            return null;
        }

        return (accessToken, result.ExpiresIn);
    }

    [LoggerMessage(EventId = 6110, Level = LogLevel.Warning, Message = "WeCom message API is not configured (AgentId, Secret); a late reply was dropped")]
    private static partial void LogCannotSend(ILogger logger);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "WeCom gettoken refused with errcode {ErrCode}")]
    private static partial void LogTokenRefused(ILogger logger, int errCode);

    [LoggerMessage(EventId = 6112, Level = LogLevel.Warning, Message = "WeCom message/send refused with errcode {ErrCode}")]
    private static partial void LogSendRefused(ILogger logger, int errCode);

    private sealed record SendRequest(
        [property: JsonPropertyName("touser")] string ToUser,
        [property: JsonPropertyName("msgtype")] string MsgType,
        [property: JsonPropertyName("agentid")] int AgentId,
        [property: JsonPropertyName("text")] SendText Text);

    private sealed record SendText([property: JsonPropertyName("content")] string Content);

    private sealed record ApiResult([property: JsonPropertyName("errcode")] int ErrCode);

    private sealed record TokenResult(
        [property: JsonPropertyName("errcode")] int ErrCode,
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
