using System.Security.Cryptography;
using System.Text;
using InstructorBot.Bot.Security;
using InstructorBot.Store;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// One-time codes an admin issues (<c>users code</c>): 8 symbols of <see cref="CodeFormat"/> (40 bits), stored only as a
/// salted SHA-256, expiring (15 minutes by default) and good for one use: to sign in to the web chat, or to bind a
/// channel identity ("绑定 K7PX-M3QD"). Guesses are throttled per sender by <see cref="CodeAttemptThrottle"/>.
/// </summary>
public sealed class OneTimeCodes
{
    public const string Collection = "one_time_codes";

    private readonly InstructorStore store;
    private readonly TimeProvider clock;
    private readonly CodeAttemptThrottle throttle;

    public OneTimeCodes(InstructorStore store, TimeProvider clock, CodeAttemptThrottle throttle)
    {
        this.store = store;
        this.clock = clock;
        this.throttle = throttle;
        store.EnsureCollection(Collection);
    }

    /// <summary>For the command line, which only issues codes.</summary>
    public OneTimeCodes(InstructorStore store, TimeProvider clock)
        : this(store, clock, new CodeAttemptThrottle(Options.Create(new CodeAttemptOptions()), clock))
    {
    }

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Issues a fresh code for <paramref name="userId"/> in its display form; the code itself is never stored.</summary>
    public Task<string> IssueAsync(string userId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return store.WriteDocumentsAsync(documents =>
        {
            var active = new List<OneTimeCode>();
            foreach (var stored in documents.All<OneTimeCode>(Collection))
            {
                if (stored.ExpiresAtMs < now || stored.UsedAtMs != null)
                {
                    documents.Delete(Collection, stored.Id);
                }
                else
                {
                    active.Add(stored);
                }
            }

            string code;
            do
            {
                code = CodeFormat.NewCode();
            }
            while (active.Any(c => Matches(c, CodeFormat.Normalize(code)!)));

            var salt = RandomNumberGenerator.GetBytes(16);
            documents.InsertWithNewId(Collection, id => new OneTimeCode
            {
                Id = id,
                UserId = userId,
                Salt = Convert.ToBase64String(salt),
                Hash = Convert.ToBase64String(Hash(salt, CodeFormat.Normalize(code)!)),
                ExpiresAtMs = now + (long)lifetime.TotalMilliseconds,
            });
            return code;
        }, cancellationToken);
    }

    /// <summary>
    /// Uses up a code sent by <paramref name="sender"/> (a channel user, or a web client address): the user it was issued
    /// for; nothing when it is wrong, expired or used; not checked at all while the sender is locked out.
    /// </summary>
    public async Task<CodeRedemption> RedeemAsync(string code, string sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (throttle.RetryAfter(sender) is { } wait)
        {
            return new CodeRedemption(null, wait);
        }

        var normalized = CodeFormat.Normalize(code);
        var userId = normalized is null ? null : await RedeemNormalizedAsync(normalized, cancellationToken);
        if (userId is null)
        {
            throttle.Failed(sender);
            return new CodeRedemption(null);
        }

        throttle.Succeeded(sender);
        return new CodeRedemption(userId);
    }

    private Task<string?> RedeemNormalizedAsync(string normalized, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return store.WriteDocumentsAsync<string?>(documents =>
        {
            // Hosts on one PostgreSQL database take turns here, so a code sent to two of them is used once.
            documents.LockUntilCommit(Collection);
            var match = documents.All<OneTimeCode>(Collection).FirstOrDefault(c => c.UsedAtMs is null && c.ExpiresAtMs > now && Matches(c, normalized));
            if (match is null)
            {
                return null;
            }

            documents.Upsert(Collection, match.Id, match with { UsedAtMs = now });
            return match.UserId;
        }, cancellationToken);
    }

    private static bool Matches(OneTimeCode stored, string normalized) =>
        CryptographicOperations.FixedTimeEquals(
            Hash(Convert.FromBase64String(stored.Salt), normalized), Convert.FromBase64String(stored.Hash));

    private static byte[] Hash(byte[] salt, string normalized) => SHA256.HashData([.. salt, .. Encoding.ASCII.GetBytes(normalized)]);
}
