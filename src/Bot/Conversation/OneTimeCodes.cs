using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InstructorBot.Store;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// One-time codes an admin issues (<c>users code</c>): six digits, stored only as a salted SHA-256, expiring (15 minutes
/// by default) and good for one use: to sign in to the web chat, or to bind a channel identity ("绑定 123456").
/// </summary>
public sealed class OneTimeCodes
{
    public const string Collection = "one_time_codes";

    private readonly InstructorStore store;
    private readonly TimeProvider clock;

    public OneTimeCodes(InstructorStore store, TimeProvider clock)
    {
        this.store = store;
        this.clock = clock;
        store.EnsureCollection(Collection);
    }

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Issues a fresh code for <paramref name="userId"/>; the code itself is returned once and never stored.</summary>
    public Task<string> IssueAsync(string userId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return store.WriteAsync(db =>
        {
            var codes = db.GetCollection<OneTimeCode>(Collection);
            codes.DeleteMany(c => c.ExpiresAtMs < now || c.UsedAtMs != null);
            var active = codes.FindAll().ToList();
            string code;
            do
            {
                code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            }
            while (active.Any(c => Matches(c, code)));

            var salt = RandomNumberGenerator.GetBytes(16);
            codes.Insert(new OneTimeCode
            {
                UserId = userId,
                Salt = Convert.ToBase64String(salt),
                Hash = Convert.ToBase64String(Hash(salt, code)),
                ExpiresAtMs = now + (long)lifetime.TotalMilliseconds,
            });
            return code;
        }, cancellationToken);
    }

    /// <summary>Uses up a code: the user id it was issued for, or null when it is wrong, expired or used.</summary>
    public Task<string?> RedeemAsync(string code, CancellationToken cancellationToken)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6)
        {
            return Task.FromResult<string?>(null);
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return store.WriteAsync<string?>(db =>
        {
            var codes = db.GetCollection<OneTimeCode>(Collection);
            var match = codes.FindAll().FirstOrDefault(c => c.UsedAtMs is null && c.ExpiresAtMs > now && Matches(c, digits));
            if (match is null)
            {
                return null;
            }

            codes.Update(match with { UsedAtMs = now });
            return match.UserId;
        }, cancellationToken);
    }

    private static bool Matches(OneTimeCode stored, string code) =>
        CryptographicOperations.FixedTimeEquals(
            Hash(Convert.FromBase64String(stored.Salt), code), Convert.FromBase64String(stored.Hash));

    private static byte[] Hash(byte[] salt, string code) => SHA256.HashData([.. salt, .. Encoding.ASCII.GetBytes(code)]);
}
