using System.Threading.RateLimiting;
using InstructorBot.Bot.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;

namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>Registers the web chat: the session cookie and the sign-in rate limits.</summary>
public static class WebChatServices
{
    /// <summary>Sign-in attempts per client address per minute.</summary>
    public const int SignInsPerAddressPerMinute = 10;

    /// <summary>Sign-in attempts per minute from everyone together: a six-digit code cannot be guessed at this rate.</summary>
    public const int SignInsPerMinute = 60;

    public static IServiceCollection AddWebChatChannel(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "instructorbot.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context => WriteProblem(context.HttpContext, StatusCodes.Status401Unauthorized,
                    "未登录", "请先用管理员发放的一次性验证码登录。");
                cookie.Events.OnRedirectToAccessDenied = context => WriteProblem(context.HttpContext, StatusCodes.Status403Forbidden,
                    "无权访问", "没有访问该资源的权限。");
            });
        services.AddAuthorization();
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = (context, _) => new ValueTask(WriteProblem(context.HttpContext, StatusCodes.Status429TooManyRequests,
                "尝试过于频繁", "登录尝试过于频繁，请一分钟后再试。"));
            limits.AddPolicy(SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api/webchat/signin", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter("signin", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = SignInsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    })
                    : RateLimitPartition.GetNoLimiter("other"));
        });
        return services;
    }

    public static WebApplication UseWebChatChannel(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private const string SignInPolicy = WebChatEndpoints.SignInPolicy;

    private static Task WriteProblem(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return JsonRequest.Problem(status, title, detail).ExecuteAsync(http);
    }
}
