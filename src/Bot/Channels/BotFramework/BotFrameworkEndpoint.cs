using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Hosting;
using InstructorBot.Bot.Replies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary><c>POST /api/messages</c>: the Bot Framework v3 messaging endpoint.</summary>
public static class BotFrameworkEndpoint
{
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptions<BotFrameworkOptions> options,
        BotFrameworkAuthenticator authenticator,
        [FromServices] ITurnPipeline turns,
        BotFrameworkOutbox outbox,
        BotFrameworkConversations conversations,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!options.Value.IsEnabled || (options.Value.IsLocalMode && !IsFromLoopback(http)))
        {
            // Secure by default: without an app id only the Emulator on this machine, and only when allowed, gets in.
            return ChannelHttp.Off();
        }

        var (activity, problem) = await JsonRequest.ReadAsync<Activity>(http.Request, BotFrameworkJson.Options, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(activity!.Type))
        {
            return JsonRequest.MissingField("type");
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return JsonRequest.MissingField("serviceUrl");
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
        {
            return JsonRequest.Problem(StatusCodes.Status400BadRequest, "serviceUrl 无效", "serviceUrl 必须是 http 或 https 的绝对地址。");
        }

        if (options.Value.IsLocalMode)
        {
            // Emulator local mode: without an app id nobody is authenticated, so replies may only go to this machine;
            // anything else would let a stranger make the bot call arbitrary addresses.
            if (!serviceUrl.IsLoopback)
            {
                return JsonRequest.Problem(StatusCodes.Status403Forbidden, "serviceUrl 不被允许",
                    "未配置 BotFramework:AppId 时（本地模拟器模式）只接受本机回环地址的 serviceUrl。");
            }
        }
        else if (await authenticator.RejectAsync(http.Request.Headers.Authorization, activity.ServiceUrl, activity.ChannelId, cancellationToken) is { } reason)
        {
            return JsonRequest.Problem(StatusCodes.Status401Unauthorized, "身份验证失败", reason);
        }

        var expectReplies = string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        switch (activity.Type)
        {
            case "message":
                if (MissingMessageField(activity) is { } field)
                {
                    return JsonRequest.MissingField(field);
                }

                // Authenticated (or local): where the scheduler may reach this user later.
                await conversations.RememberAsync(activity, cancellationToken);
                var message = ActivityReplies.ToIncoming(activity, clock.GetUtcNow());
                if (expectReplies)
                {
                    var result = await turns.HandleAsync(message, cancellationToken);
                    return Inline(activity, result.Replies, baseUrl);
                }

                await outbox.EnqueueAsync(new BotFrameworkWork(activity, message, [], baseUrl), cancellationToken);
                return Results.Accepted();

            case "conversationUpdate":
                var botId = activity.Recipient?.Id;
                var welcome = activity.MembersAdded?.Any(m => m.Id is not null && m.Id != botId) == true
                    ? new[] { new ReplyMessage(ConversationTexts.Welcome) }
                    : [];
                if (welcome.Length > 0 && (activity.Conversation?.Id is null || activity.From is null))
                {
                    return JsonRequest.MissingField(activity.Conversation?.Id is null ? "conversation.id" : "from");
                }

                if (expectReplies)
                {
                    return Inline(activity, welcome, baseUrl);
                }

                if (welcome.Length > 0)
                {
                    await outbox.EnqueueAsync(new BotFrameworkWork(activity, null, welcome, baseUrl), cancellationToken);
                }

                return Results.Accepted();

            case var ignored when ActivityReplies.IgnoredTypes.Contains(ignored):
                return expectReplies ? Inline(activity, [], baseUrl) : Results.Ok();

            default:
                return JsonRequest.Problem(StatusCodes.Status400BadRequest, "未知的活动类型", $"不支持的活动类型 type = “{activity.Type}”。");
        }
    }

    /// <summary>
    /// The client is this machine: a loopback address, and no proxy header saying it came from elsewhere (a proxy on
    /// loopback forwards the whole internet; a configured one has already replaced the address by the real client's).
    /// </summary>
    private static bool IsFromLoopback(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
        && System.Net.IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For")
        && !http.Request.Headers.ContainsKey("X-Original-For")
        && !http.Request.Headers.ContainsKey("Forwarded");

    private static string? MissingMessageField(Activity activity) =>
        string.IsNullOrWhiteSpace(activity.Id) ? "id"
        : string.IsNullOrWhiteSpace(activity.From?.Id) ? "from.id"
        : string.IsNullOrWhiteSpace(activity.Conversation?.Id) ? "conversation.id"
        : activity.Text is null ? "text"
        : null;

    private static IResult Inline(Activity incoming, IReadOnlyList<ReplyMessage> replies, string baseUrl) =>
        Results.Json(
            new ExpectedReplies([.. replies.SelectMany(r => ActivityReplies.ToActivities(incoming, r, baseUrl))]),
            BotFrameworkJson.Options);
}
