namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>
/// A vendor API access token (企业微信 access_token, 飞书 tenant_access_token, the Bot Connector's client-credentials
/// token): fetched on demand, one fetch at a time, and reused until <see cref="RenewalMargin"/> before the vendor says
/// it expires.
/// </summary>
public sealed class AccessTokenCache(TimeProvider time, TimeSpan? renewalMargin = null)
{
    /// <summary>The default renewal margin: a token is renewed one minute before it expires.</summary>
    public static readonly TimeSpan DefaultRenewalMargin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? cached;

    /// <summary>How long before its expiry a cached token is no longer handed out.</summary>
    public TimeSpan RenewalMargin { get; } = renewalMargin ?? DefaultRenewalMargin;

    /// <summary>
    /// Calls the vendor API with a token; when it answers one of <paramref name="tokenErrors"/> (token invalid or
    /// expired), fetches a new token and calls once more. True when the vendor answered 0 (success); each refusal
    /// is passed to <paramref name="refused"/> with its code.
    /// </summary>
    public async Task<bool> CallAsync(
        Func<CancellationToken, Task<(string Token, int ExpiresInSeconds)?>> fetch,
        Func<string, CancellationToken, Task<int>> call,
        IReadOnlyCollection<int> tokenErrors,
        Action<int> refused,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await GetAsync(fetch, forceRefresh: attempt > 0, cancellationToken) is not { } token)
            {
                return false;
            }

            var code = await call(token, cancellationToken);
            if (code == 0)
            {
                return true;
            }

            refused(code);
            if (!tokenErrors.Contains(code))
            {
                return false;
            }
        }

        return false;
    }

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

            // A token living no longer than the margin serves this one call and is not reused.
            cached = await fetch(cancellationToken) is { } fetched
                ? (fetched.Token, time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, fetched.ExpiresInSeconds - RenewalMargin.TotalSeconds)))
                : null;
            return cached?.Token;
        }
        finally
        {
            gate.Release();
        }
    }
}
