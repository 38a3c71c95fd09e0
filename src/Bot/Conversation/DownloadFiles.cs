using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using InstructorBot.Bot.Cli;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Files the bot hands out (exports) at <c>GET /api/files/{token}</c>. A file lives in <c>exports/</c> beside the database
/// (folder 0700, file 0600) until its link expires, then a sweep deletes it. The token is 128 random bits plus an
/// HMAC over the link's binding (channel, user, expiry) under a key of this process. On the web a file goes only to the
/// signed-in user it was made for, as often as they ask until it expires; on another channel, whose users cannot sign in
/// to this host, the link is good once, for <see cref="Lifetime"/>, and the file is deleted when it has been sent.
/// </summary>
public sealed class DownloadFiles : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public const string FolderName = "exports";

    private readonly ConcurrentDictionary<string, DownloadFile> files = new(StringComparer.Ordinal);

    /// <summary>Files made by <see cref="NewFile"/> and not registered yet, with when they were made.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> pending = new(StringComparer.Ordinal);
    private readonly byte[] signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider clock;
    private readonly ITimer sweep;

    public DownloadFiles(TimeProvider clock, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.clock = clock;
        var database = configuration["Store:Path"] is { Length: > 0 } configured ? configured : BotPaths.DefaultDatabase;
        Folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database)) ?? ".", FolderName);
        CreatePrivateFolder(Folder);

        // Links live in memory: a file left by an earlier run has no link any more.
        Sweep(deleteOrphans: true);
        sweep = clock.CreateTimer(_ => Sweep(deleteOrphans: false), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>Where the files are written.</summary>
    public string Folder { get; }

    /// <summary>A new empty file in <see cref="Folder"/>, readable only by this user, for an export to write into.</summary>
    public string NewFile(string extension)
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}{extension}");
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (new FileStream(path, create))
        {
        }

        pending[path] = clock.GetUtcNow();
        return path;
    }

    /// <summary>Registers <paramref name="path"/> and returns its download URL (relative to the host).</summary>
    public string Register(string path, string name, string contentType, string userId, string channel)
    {
        Sweep(deleteOrphans: false);
        if (!OperatingSystem.IsWindows())
        {
            // A writer may have replaced the file NewFile made (and its mode with it).
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var id = Base64Url(RandomNumberGenerator.GetBytes(16));
        var file = new DownloadFile(path, name, contentType, userId, channel, clock.GetUtcNow() + Lifetime);
        files[id] = file;
        pending.TryRemove(path, out _);
        return $"/api/files/{id}.{Sign(id, file)}";
    }

    /// <summary>
    /// The file behind a token, if the token is genuine, has not expired, has not been used (off the web) and may go to
    /// <paramref name="signedInUserId"/> (on the web). A single-use file is taken out of the registry here.
    /// </summary>
    public DownloadFile? Find(string token, string? signedInUserId)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || parts[0].Length > 64 || !files.TryGetValue(parts[0], out var file)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts[0], file)), Encoding.ASCII.GetBytes(parts[1]))
            || file.ExpiresAt < clock.GetUtcNow() || !File.Exists(file.Path))
        {
            return null;
        }

        if (file.Channel == "web")
        {
            return file.UserId == signedInUserId ? file : null;
        }

        // Single use: only the request that takes it out of the registry gets the file.
        return files.TryRemove(new KeyValuePair<string, DownloadFile>(parts[0], file)) ? file : null;
    }

    /// <summary>Deletes a file once it has been sent (single-use links).</summary>
    public static void Delete(DownloadFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            File.Delete(file.Path);
        }
        catch (IOException)
        {
            // Still open elsewhere: the next sweep takes it.
        }
    }

    public void Dispose() => sweep.Dispose();

    private string Sign(string id, DownloadFile file) =>
        Base64Url(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(
            $"{id}\n{file.Channel}\n{file.UserId}\n{file.ExpiresAt.ToUnixTimeMilliseconds()}"))[..16]);

    private void Sweep(bool deleteOrphans)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, file) in files)
        {
            if (file.ExpiresAt < now && files.TryRemove(new KeyValuePair<string, DownloadFile>(key, file)))
            {
                Delete(file);
            }
        }

        try
        {
            var live = files.Values.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var path in Directory.EnumerateFiles(Folder))
            {
                // A file no link points at: left by an earlier run, or consumed; kept a lifetime for a download still running.
                var made = pending.TryGetValue(path, out var at) ? at : (DateTimeOffset?)null;
                if (!live.Contains(path) && (deleteOrphans || (made ?? File.GetLastWriteTimeUtc(path)) < now - Lifetime))
                {
                    File.Delete(path);
                    pending.TryRemove(path, out _);
                }
            }
        }
        catch (IOException)
        {
            // The next sweep tries again.
        }
        catch (UnauthorizedAccessException)
        {
            // The next sweep tries again.
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
