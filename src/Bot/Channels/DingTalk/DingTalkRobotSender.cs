using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using InstructorBot.Bot.Channels.ChannelDelivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>
/// <c>POST /v1.0/oauth2/accessToken</c> with the app's AppKey and AppSecret (the token cached until shortly before it
/// expires), then <c>POST /v1.0/robot/oToMessages/batchSend</c> with header <c>x-acs-dingtalk-access-token</c>:
/// <c>{"robotCode", "userIds": [staffId], "msgKey": "sampleText", "msgParam": "{\"content\":…}"}</c>. DingTalk answers 200
/// with the staff ids it could not reach in <c>invalidStaffIdList</c> / <c>flowControlledStaffIdList</c>, and 4xx with a
/// code for a refused call (401 for an expired token: fetched again once).
/// </summary>
public sealed partial class DingTalkRobotSender(
    IHttpClientFactory httpClients,
    IOptions<DingTalkOptions> options,
    TimeProvider time,
    ILogger<DingTalkRobotSender> logger) : IDingTalkRobotSender
{
    public const string HttpClientName = "dingtalk-api";

    private const int Unauthorized = 401;

    /// <summary>Sent, but DingTalk named the user among those it could not reach.</summary>
    private const int Unreached = 1;

    private readonly AccessTokenCache tokens = new(time);

    public async Task<bool> SendTextAsync(string userId, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var settings = options.Value;
        if (!settings.CanSendMessages)
        {
            LogCannotSend(logger);
            return false;
        }

        return await tokens.CallAsync(
            ct => FetchTokenAsync(settings, ct),
            (token, ct) => SendOnceAsync(settings, userId, text, token, ct),
            [Unauthorized],
            code => LogRefused(logger, code),
            cancellationToken);
    }

    private async Task<int> SendOnceAsync(DingTalkOptions settings, string userId, string text, string token, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, "/v1.0/robot/oToMessages/batchSend"))
        {
            Content = JsonContent.Create(new BatchSend(settings.RobotCode ?? settings.AppKey!, [userId], "sampleText", JsonSerializer.Serialize(new SampleText(text)))),
        };
        request.Headers.Add("x-acs-dingtalk-access-token", token);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (int)response.StatusCode;
        }

        var result = await response.Content.ReadFromJsonAsync<BatchSendResult>(cancellationToken);
        return result is null || (result.Invalid ?? []).Contains(userId) || (result.FlowControlled ?? []).Contains(userId) ? Unreached : 0;
    }

    private async Task<(string Token, int ExpiresInSeconds)?> FetchTokenAsync(DingTalkOptions settings, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(
            new Uri(settings.ApiBaseUrl, "/v1.0/oauth2/accessToken"), new TokenRequest(settings.AppKey!, settings.AppSecret!), cancellationToken);
        var result = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<TokenResult>(cancellationToken) : null;
        if (result is not { AccessToken: { Length: > 0 } token })
        {
            LogTokenRefused(logger, (int)response.StatusCode);
            return null;
        }

        return (token, result.ExpireIn);
    }

    [LoggerMessage(EventId = 6220, Level = LogLevel.Warning, Message = "DingTalk robot messages are not configured (AppKey, AppSecret); a message was not sent")]
    private static partial void LogCannotSend(ILogger logger);

    [LoggerMessage(EventId = 6221, Level = LogLevel.Warning, Message = "DingTalk accessToken refused with HTTP {Status}")]
    private static partial void LogTokenRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 6222, Level = LogLevel.Warning, Message = "DingTalk oToMessages/batchSend refused with {Code}")]
    private static partial void LogRefused(ILogger logger, int code);

    private sealed record TokenRequest([property: JsonPropertyName("appKey")] string AppKey, [property: JsonPropertyName("appSecret")] string AppSecret);

    private sealed record TokenResult([property: JsonPropertyName("accessToken")] string? AccessToken, [property: JsonPropertyName("expireIn")] int ExpireIn);

    private sealed record BatchSend(
        [property: JsonPropertyName("robotCode")] string RobotCode,
        [property: JsonPropertyName("userIds")] IReadOnlyList<string> UserIds,
        [property: JsonPropertyName("msgKey")] string MsgKey,
        [property: JsonPropertyName("msgParam")] string MsgParam);

    private sealed record SampleText([property: JsonPropertyName("content")] string Content);

    private sealed record BatchSendResult(
        [property: JsonPropertyName("processQueryKey")] string? ProcessQueryKey,
        [property: JsonPropertyName("invalidStaffIdList")] IReadOnlyList<string>? Invalid,
        [property: JsonPropertyName("flowControlledStaffIdList")] IReadOnlyList<string>? FlowControlled);
}
