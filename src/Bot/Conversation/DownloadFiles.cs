using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Files the bot hands out (exports), each behind a random short-lived token: <c>GET /api/files/{token}</c>.
/// A file made for a web chat user is served only to that signed-in user.
/// </summary>
public sealed class DownloadFiles(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, DownloadFile> files = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="path"/> and returns its download URL (relative to the host).</summary>
    public string Register(string path, string name, string contentType, string userId, string channel)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, old) in files)
        {
            if (old.ExpiresAt < now)
            {
                files.TryRemove(key, out _);
            }
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        files[token] = new DownloadFile(path, name, contentType, userId, channel, now + Lifetime);
        return $"/api/files/{token}";
    }

    /// <summary>The file behind a token, if it exists, has not expired and may go to <paramref name="signedInUserId"/>.</summary>
    public DownloadFile? Find(string token, string? signedInUserId)
    {
        if (!files.TryGetValue(token ?? "", out var file) || file.ExpiresAt < clock.GetUtcNow() || !File.Exists(file.Path))
        {
            return null;
        }

        return file.Channel == "web" && file.UserId != signedInUserId ? null : file;
    }
}
