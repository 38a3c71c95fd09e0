using Microsoft.AspNetCore.Diagnostics;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// Problem details for every error: bad requests the framework detects (e.g. a body over Kestrel's limit) become
/// 4xx with a Chinese detail; anything else a plain 500 that never carries a stack trace.
/// </summary>
public static partial class HttpErrorHandling
{
    public static IServiceCollection AddBotHttpErrors(this IServiceCollection services) =>
        services.AddProblemDetails();

    public static WebApplication UseBotHttpErrors(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("InstructorBot.Http");
            var (status, title, detail) = failure switch
            {
                BadHttpRequestException bad => (bad.StatusCode, "请求无效", "请求无效：格式、大小或内容类型不符合要求。"),
                OperationCanceledException => (StatusCodes.Status400BadRequest, "请求已取消", "请求在处理完成前被取消。"),
                _ => (StatusCodes.Status500InternalServerError, "服务器内部错误", "服务器内部错误，请稍后重试或联系管理员。"),
            };
            if (status >= 500)
            {
                LogUnhandled(logger, failure?.GetType().Name ?? "unknown", Security.RequestLogging.Redact(context.Request.Path));
            }

            context.Response.StatusCode = status;
            await Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
        }));
        app.UseStatusCodePages(async status =>
        {
            var code = status.HttpContext.Response.StatusCode;
            var (title, detail) = code switch
            {
                StatusCodes.Status404NotFound => ("未找到", "请求的地址不存在。"),
                StatusCodes.Status405MethodNotAllowed => ("方法不允许", "该地址不支持此 HTTP 方法。"),
                StatusCodes.Status401Unauthorized => ("未登录", "请先用管理员发放的一次性验证码登录。"),
                StatusCodes.Status403Forbidden => ("无权访问", "没有访问该资源的权限。"),
                StatusCodes.Status415UnsupportedMediaType => ("不支持的内容类型", "请求体必须是 JSON（Content-Type: application/json）。"),
                _ => ("请求无效", "请求无效。"),
            };
            await Results.Problem(statusCode: code, title: title, detail: detail).ExecuteAsync(status.HttpContext);
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string path);
}
