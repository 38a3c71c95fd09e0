using System.Security.Cryptography;
using InstructorBot.Store;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>
/// Server-side web chat sessions: sign-in stores one, every request checks it (<see cref="IsActive"/>), sign-out revokes
/// it, so a cookie replayed after sign-out, or after its absolute end, is refused even though its signature is valid.
/// </summary>
public sealed class WebSessions
{
    public const string Collection = "web_sessions";

    /// <summary>The claim that carries the session id in the cookie.</summary>
    public const string ClaimType = "sid";

    private readonly InstructorStore store;
    private readonly TimeProvider clock;
    private readonly IOptions<WebSessionOptions> options;

    public WebSessions(InstructorStore store, TimeProvider clock, IOptions<WebSessionOptions> options)
    {
        this.store = store;
        this.clock = clock;
        this.options = options;
        store.EnsureCollection(Collection);
    }

    public Task<string> StartAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = new WebSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            CreatedAtMs = now.ToUnixTimeMilliseconds(),
            ExpiresAtMs = (now + options.Value.AbsoluteLifetime).ToUnixTimeMilliseconds(),
        };
        return store.WriteDocumentsAsync(documents =>
        {
            foreach (var ended in documents.All<WebSession>(Collection).Where(s => s.ExpiresAtMs < session.CreatedAtMs || s.RevokedAtMs != null))
            {
                documents.Delete(Collection, ended.Id);
            }

            documents.Upsert(Collection, session.Id, session);
            return session.Id;
        }, cancellationToken);
    }

    /// <summary>True when the session exists for <paramref name="userId"/>, is not revoked and has not reached its end.</summary>
    public bool IsActive(string? sessionId, string? userId)
    {
        if (string.IsNullOrEmpty(sessionId) || string.IsNullOrEmpty(userId) || sessionId.Length > 64)
        {
            return false;
        }

        var session = store.Documents.Find<WebSession>(Collection, sessionId);
        return session is not null && session.UserId == userId && session.RevokedAtMs is null
            && session.ExpiresAtMs > clock.GetUtcNow().ToUnixTimeMilliseconds();
    }

    public Task RevokeAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 64)
        {
            return Task.CompletedTask;
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return store.WriteDocumentsAsync(documents =>
        {
            if (documents.Find<WebSession>(Collection, sessionId) is { } session)
            {
                documents.Upsert(Collection, sessionId, session with { RevokedAtMs = now });
            }

            return 0;
        }, cancellationToken);
    }
}
