using System.Security.Cryptography;
using System.Text;

namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>HTTP helpers shared by the three vendor endpoints: bounded body reads, problem details, constant-time compares.</summary>
internal static class ChannelHttp
{
    /// <summary>Reads the whole body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "请求无效", detail);

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "签名校验失败", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "拒绝访问", detail);

    public static IResult TooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "请求过大", $"请求体超过 {maxBytes} 字节的上限。");

    public static IResult Busy() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "服务繁忙", "待处理的消息过多，请稍后重试。");

    /// <summary>A channel without configuration is off: its endpoint does not exist.</summary>
    public static IResult Off() => Results.NotFound();

    /// <summary>Ordinal equality of two strings in time independent of where they differ.</summary>
    public static bool FixedTimeEquals(string? a, string? b) =>
        a is not null && b is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>True when a vendor's request time is within <paramref name="maxSkew"/> of now, either way.</summary>
    public static bool IsFresh(DateTimeOffset sentAt, DateTimeOffset now, TimeSpan maxSkew) =>
        (now - sentAt).Duration() <= maxSkew;

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);
}
