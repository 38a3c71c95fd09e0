using System.Security.Claims;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Demo;
using InstructorBot.Bot.Hosting;
using InstructorBot.Bot.Security;
using InstructorBot.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>The web chat's API: sign-in with a one-time code, messages to the turn pipeline, history, downloads.</summary>
public static class WebChatEndpoints
{
    /// <summary>A cross-site form cannot set a custom header; with the SameSite=Strict cookie this blocks CSRF.</summary>
    public const string RequestHeader = "X-InstructorBot-Request";

    public const string SignInPolicy = "webchat-signin";

    private const int MaxTextLength = Conversation.MessageLength.Max;

    /// <summary>How long the page waits before sending again a message the host, still starting, did not handle.</summary>
    private const int ResendAfterSeconds = 10;

    private const int HistoryTurns = 50;

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        app.MapWebChatPage();
        var api = app.MapGroup("/api/webchat").AddEndpointFilter(RequireCustomHeader);
        api.MapPost("/signin", SignInAsync).RequireRateLimiting(SignInPolicy);
        api.MapPost("/signout", async (HttpContext http, WebSessions sessions, CancellationToken cancellationToken) =>
        {
            // Revoked server-side: the cookie, if kept or copied, no longer signs anyone in.
            await sessions.RevokeAsync(http.User.FindFirstValue(WebSessions.ClaimType), cancellationToken);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        });
        api.MapGet("/me", Me).RequireAuthorization();
        api.MapGet("/history", History).RequireAuthorization();
        api.MapPost("/messages", SendAsync).RequireAuthorization();
        app.MapGet("/api/files/{token}", Download);
        return app;
    }

    private static async ValueTask<object?> RequireCustomHeader(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.Headers.ContainsKey(RequestHeader)
            ? await next(context)
            : JsonRequest.Problem(StatusCodes.Status403Forbidden, "请求被拒绝", $"缺少请求头 {RequestHeader}（防止跨站请求伪造）。");

    private static async Task<IResult> SignInAsync(
        HttpContext http, OneTimeCodes codes, WebSessions sessions, InstructorStore store, DemoWorkspace demo, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonRequest.ReadAsync<SignInRequest>(http.Request, WebChatJson.Options, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request!.Code))
        {
            return JsonRequest.MissingField("code");
        }

        var redeemed = await codes.RedeemAsync(request.Code, "web:" + ClientAddress.Of(http), cancellationToken);
        if (redeemed.Throttled)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(redeemed.RetryAfter!.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return JsonRequest.Problem(StatusCodes.Status429TooManyRequests, "尝试过于频繁", "验证码" + redeemed.ThrottledText);
        }

        if (redeemed.UserId is not { } userId || store.FindUser(userId) is not { } user)
        {
            return JsonRequest.Problem(StatusCodes.Status400BadRequest, "验证码无效", "验证码错误、已过期或已使用，请向管理员重新获取。");
        }

        var session = await sessions.StartAsync(user.Id, cancellationToken);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Name), new Claim(WebSessions.ClaimType, session)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = true });
        return Results.Json(Shown(user, demo), WebChatJson.Options);
    }

    private static IResult Me(ClaimsPrincipal principal, InstructorStore store, DemoWorkspace demo) =>
        SignedIn(principal, store) is { } user ? Results.Json(Shown(user, demo), WebChatJson.Options) : NotSignedIn();

    private static WebChatUser Shown(Store.Domain.User user, DemoWorkspace demo) =>
        new(user.Id, user.Name, user.Role.ToString().ToLowerInvariant(), demo.IsActive);

    /// <summary>The last 50 turns; <c>?before=MS</c> the 50 before that time ("load earlier"). <c>more</c>: there may be earlier ones.</summary>
    private static IResult History(ClaimsPrincipal principal, InstructorStore store, TurnLog log, UnitButtons units, long? before)
    {
        if (SignedIn(principal, store) is not { } user)
        {
            return NotSignedIn();
        }

        var messages = new List<WebChatHistoryEntry>();
        var turns = log.History("web", user.Id, HistoryTurns, before);
        foreach (var (turn, replies) in turns)
        {
            if (!string.IsNullOrEmpty(turn.Text)) // a proactive message (Coordination/NoticeDelivery) has no question before it (LiteDB reads "" back as null)
            {
                messages.Add(new WebChatHistoryEntry(true, turn.Text, null, null, turn.AtMs));
            }

            messages.AddRange(replies.Select(r => new WebChatHistoryEntry(false, r.Text, r.QuickReplies, r.Attachment, turn.AtMs)));
        }

        if (before is null && messages is [.., { FromUser: false } last])
        {
            // The page offers the last reply's buttons again: its unit buttons too.
            messages[^1] = last with { Units = units.For(new ReplyMessage(last.Text, last.QuickReplies)) };
        }

        return Results.Json(new { messages, more = turns.Count == HistoryTurns }, WebChatJson.Options);
    }

    private static async Task<IResult> SendAsync(
        HttpContext http, InstructorStore store, ITurnPipeline turns, TimeProvider clock, DemoWorkspace demo, UnitButtons units, CancellationToken cancellationToken)
    {
        if (SignedIn(http.User, store) is not { } user)
        {
            return NotSignedIn();
        }

        var (request, problem) = await JsonRequest.ReadAsync<WebChatMessageRequest>(http.Request, WebChatJson.Options, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request!.Text))
        {
            return JsonRequest.MissingField("text");
        }

        if (string.IsNullOrWhiteSpace(request.ClientMessageId) || request.ClientMessageId.Length > 100)
        {
            return JsonRequest.MissingField("clientMessageId");
        }

        if (request.Text.Length > MaxTextLength)
        {
            return JsonRequest.Problem(StatusCodes.Status400BadRequest, "消息过长", $"消息不能超过 {MaxTextLength} 个字。");
        }

        var message = new IncomingMessage("web", user.Id, $"web:{user.Id}", request.ClientMessageId, request.Text, clock.GetUtcNow());
        var result = await turns.HandleAsync(message, cancellationToken);
        var replies = result.Replies.Select(r => WebChatMessage.Of(r, units)).ToList();
        return Results.Json(new WebChatReply(replies, result.Duplicate, demo.IsActive, result.NotHandled ? ResendAfterSeconds : null), WebChatJson.Options);
    }

    private static IResult Download(string token, HttpContext http, DownloadFiles files)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (files.Find(token, userId) is not { } file)
        {
            return JsonRequest.Problem(StatusCodes.Status404NotFound, "文件不存在", "下载链接无效、已使用或已过期，请重新导出。");
        }

        if (file.Channel != "web")
        {
            // A single-use link: the file goes once, then it is deleted.
            http.Response.OnCompleted(() =>
            {
                DownloadFiles.Delete(file);
                return Task.CompletedTask;
            });
        }

        return Results.File(file.Path, file.ContentType, file.Name);
    }

    private static Store.Domain.User? SignedIn(ClaimsPrincipal principal, InstructorStore store) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? store.FindUser(id) : null;

    private static IResult NotSignedIn() =>
        JsonRequest.Problem(StatusCodes.Status401Unauthorized, "未登录", "请先用管理员发放的一次性验证码登录。");
}
