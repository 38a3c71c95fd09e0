namespace InstructorBot.Bot.Hosting;

/// <summary>An address on this machine's loopback the host listens on: http first; wildcards become 127.0.0.1.</summary>
public static class LoopbackAddress
{
    public static string? Of(IEnumerable<string> addresses) =>
        addresses.Select(a => a.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://[::]:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal).TrimEnd('/'))
            .Where(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.IsLoopback)
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 1 : 0)
            .FirstOrDefault();
}
