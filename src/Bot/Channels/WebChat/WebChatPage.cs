namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>
/// The page itself: files embedded in the assembly, so the host serves them from any working folder. Together they
/// stay under <see cref="BudgetBytes"/> (a phone on a weak signal; tested), before any history is loaded.
/// </summary>
public static class WebChatPage
{
    public const int BudgetBytes = 50 * 1024;

    /// <summary>Every file of the page: its path, its embedded name and its type.</summary>
    public static readonly IReadOnlyList<(string Path, string Resource, string ContentType)> Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "app.css", "text/css; charset=utf-8"),
        ("/favicon.svg", "favicon.svg", "image/svg+xml"),
        ("/manifest.webmanifest", "manifest.webmanifest", "application/manifest+json; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapWebChatPage(this IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Load(resource);
            app.MapGet(path, (HttpContext http) =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-cache";
                return Results.Bytes(bytes, contentType);
            });
        }

        return app;
    }

    private static byte[] Load(string name)
    {
        var assembly = typeof(WebChatPage).Assembly;
        using var stream = assembly.GetManifestResourceStream($"WebChat.{name}")
            ?? throw new InvalidOperationException($"embedded page file {name} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
