using System.Text.Json;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// Reads a JSON request body with the checks every endpoint needs: content type, a size limit and well-formed JSON.
/// Bad input comes back as a problem result with a Chinese detail, never as an exception.
/// </summary>
public static class JsonRequest
{
    /// <summary>64 KB: a chat message is a few hundred bytes; anything near this is not a chat message.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is not { } contentType
            || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "不支持的内容类型", "请求体必须是 JSON（Content-Type: application/json）。"));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, TooLarge());
            }
        }

        if (buffer.Length == 0)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "请求体为空", "请求体为空，应为 JSON 对象。"));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
            return value is null
                ? (null, Problem(StatusCodes.Status400BadRequest, "JSON 无效", "请求体应为 JSON 对象，而不是 null。"))
                : (value, null);
        }
        catch (JsonException failure)
        {
            var where = failure.LineNumber is { } line ? $"（第 {line + 1} 行，第 {failure.BytePositionInLine + 1} 个字节附近）" : "";
            var path = string.IsNullOrEmpty(failure.Path) || failure.Path == "$" ? "" : $"，字段 {failure.Path}";
            return (null, Problem(StatusCodes.Status400BadRequest, "JSON 无效", $"请求体不是有效的 JSON{where}{path}。"));
        }
    }

    /// <summary>A problem details result (RFC 9457) with a Chinese title and detail.</summary>
    public static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>A 400 naming the missing or invalid field.</summary>
    public static IResult MissingField(string field) =>
        Problem(StatusCodes.Status400BadRequest, "缺少字段", $"缺少必填字段 {field}，或其值为空。");

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "请求体过大", $"请求体超过 {MaxBodyBytes / 1024} KB 的上限。");
}
