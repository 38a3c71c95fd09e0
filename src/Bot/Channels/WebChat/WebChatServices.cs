using System.Security.Claims;
using System.Threading.RateLimiting;
using InstructorBot.Bot.Security;
using Microsoft.AspNetCore.Authentication;
using InstructorBot.Bot.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>Registers the web chat: the session cookie and the sign-in rate limits.</summary>
public static class WebChatServices
{
    /// <summary>
    /// Sign-in requests per client address per minute (the real client behind a configured proxy). There is no limit
    /// for everyone together, so one client's flood cannot lock the others out; guessing codes is throttled separately,
    /// per client, by <see cref="Security.CodeAttemptThrottle"/>.
    /// </summary>
    public const int SignInsPerAddressPerMinute = 10;

    public static IServiceCollection AddWebChatChannel(this IServiceCollection services)
    {
        services.AddOptions<WebSessionOptions>().BindConfiguration(WebSessionOptions.Section);
        services.AddSingleton<WebSessions>();
        services.AddSingleton<UnitButtons>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "instructorbot.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;

                // Secure whenever the request came over TLS, also through a configured proxy (X-Forwarded-Proto).
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
                cookie.Events.OnRedirectToLogin = context => WriteProblem(context.HttpContext, StatusCodes.Status401Unauthorized,
                    "未登录", "请先用管理员发放的一次性验证码登录。");
                cookie.Events.OnRedirectToAccessDenied = context => WriteProblem(context.HttpContext, StatusCodes.Status403Forbidden,
                    "无权访问", "没有访问该资源的权限。");
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<WebSessionOptions>>((cookie, session) =>
            {
                cookie.ExpireTimeSpan = session.Value.Lifetime;
                cookie.SlidingExpiration = session.Value.SlidingExpiration;
            });
        services.AddAuthorization();
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = (context, _) => new ValueTask(WriteProblem(context.HttpContext, StatusCodes.Status429TooManyRequests,
                "尝试过于频繁", "登录尝试过于频繁，请一分钟后再试。"));
            limits.AddPolicy(SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    /// <summary>A valid cookie is not enough: its server-side session must still be active (not signed out, not past its end).</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<WebSessions>();
        var principal = context.Principal;
        if (!sessions.IsActive(principal?.FindFirstValue(WebSessions.ClaimType), principal?.FindFirstValue(ClaimTypes.NameIdentifier)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
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
