using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace InstructorBot.Bot.Security;

/// <summary>
/// One Information line per request with secrets taken out of the path (a download token is a credential), in place of
/// ASP.NET Core's own request lines, which print the full URL and are therefore held at Warning whatever the configuration
/// says.
/// </summary>
public static partial class RequestLogging
{
    /// <summary>The framework's category that logs "Request starting … /api/files/TOKEN".</summary>
    public const string FrameworkCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private static readonly string[] SecretPrefixes = ["/api/files/"];

    public static IServiceCollection AddBotRequestLogging(this IServiceCollection services)
    {
        // PostConfigure: added after the configuration's rules, so it wins over "Microsoft.AspNetCore": "Information".
        services.PostConfigure<LoggerFilterOptions>(options =>
            options.Rules.Add(new LoggerFilterRule(null, FrameworkCategory, LogLevel.Warning, null)));
        return services;
    }

    public static WebApplication UseBotRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("InstructorBot.Requests");
        app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                LogRequest(logger, http.Request.Method, Redact(http.Request.Path), http.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        return app;
    }

    /// <summary>"/api/files/abc.def" → "/api/files/[redacted]"; any other path as it is (paths carry no message text).</summary>
    public static string Redact(PathString path)
    {
        var value = path.Value ?? "";
        foreach (var prefix in SecretPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return prefix + "[redacted]";
            }
        }

        return value.Length > 200 ? value[..200] + "…" : value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
