namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>
/// A vendor API access token (企业微信 access_token, 飞书 tenant_access_token): fetched on demand, one fetch at a time,
/// and reused until a minute before the vendor says it expires.
/// </summary>
public sealed class AccessTokenCache(TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? cached;

    /// <summary>The cached token, or a fresh one from <paramref name="fetch"/> (token and lifetime in seconds, or null when refused).</summary>
    public async Task<string?> GetAsync(
        Func<CancellationToken, Task<(string Token, int ExpiresInSeconds)?>> fetch,
        bool forceRefresh,
        CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!forceRefresh && cached is { } current && current.ExpiresAt > time.GetUtcNow())
            {
                return current.Token;
            }

            cached = await fetch(cancellationToken) is { } fetched
                ? (fetched.Token, time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(60, fetched.ExpiresInSeconds) - 60))
                : null;
            return cached?.Token;
        }
        finally
        {
            gate.Release();
        }
    }
}
