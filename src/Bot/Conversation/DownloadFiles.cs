using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using InstructorBot.Bot.Cli;
using InstructorBot.Store;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Files the bot hands out (exports) at <c>GET /api/files/{token}</c>. A file lives in <c>exports/</c> beside the database
/// (folder 0700, file 0600) until its link expires, then a sweep deletes it. The token is 128 random bits plus an
/// HMAC over the link's binding (channel, user, expiry) under a key of this process. On the web a file goes only to the
/// signed-in user it was made for, as often as they ask until it expires; on another channel, whose users cannot sign in
/// to this host, the link is good once, for <see cref="Lifetime"/>, and the file is deleted when it has been sent.
/// On <c>Store:Engine=postgres</c> (several hosts behind one address) the signing key and every registered file (its
/// bytes and binding) are also in the store's documents (<c>download_files</c>), so a link made by one host downloads on
/// any other; a single-use link is taken by deleting its document, which only one host can do.
/// </summary>
public sealed class DownloadFiles : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public const string FolderName = "exports";

    /// <summary>The shared files' documents (PostgreSQL).</summary>
    public const string SharedCollection = "download_files";

    private const string SecretsCollection = "host_secrets";
    private const string SigningKeyId = "download-signing-key";

    private readonly ConcurrentDictionary<string, DownloadFile> files = new(StringComparer.Ordinal);

    /// <summary>Files made by <see cref="NewFile"/> and not registered yet, with when they were made.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> pending = new(StringComparer.Ordinal);
    private readonly byte[] signingKey;
    private readonly TimeProvider clock;
    private readonly ITimer sweep;

    /// <summary>The store holding the shared files, or null when the files stay in this process (LiteDB).</summary>
    private readonly InstructorStore? shared;

    public DownloadFiles(TimeProvider clock, IConfiguration configuration)
        : this(clock, configuration, null)
    {
    }

    public DownloadFiles(TimeProvider clock, IConfiguration configuration, InstructorStore? store)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.clock = clock;
        shared = store?.Engine == StoreEngineKind.Postgres ? store : null;
        signingKey = shared is null ? RandomNumberGenerator.GetBytes(32) : SharedSigningKey(shared);
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
        if (shared is not null)
        {
            var document = new SharedFile(name, contentType, userId, channel, file.ExpiresAt.ToUnixTimeMilliseconds(), File.ReadAllBytes(path));
            shared.WriteDocumentsAsync(d => d.TryInsert(SharedCollection, id, document)).GetAwaiter().GetResult();
        }

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
        if (shared is not null && parts.Length == 2 && parts[0].Length <= 64)
        {
            return FindShared(parts[0], parts[1], signedInUserId);
        }

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

    /// <summary>
    /// <see cref="Find"/> on PostgreSQL: the binding comes from the database, whichever host registered the file; a file
    /// made elsewhere is written into this host's folder for the response (and swept like its own).
    /// </summary>
    private DownloadFile? FindShared(string id, string signature, string? signedInUserId)
    {
        var stored = shared!.Documents.Find<SharedFile>(SharedCollection, id);
        if (stored is null)
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeMilliseconds(stored.ExpiresAtMs);
        var local = files.TryGetValue(id, out var own) ? own : null;
        var file = new DownloadFile(local?.Path ?? Path.Combine(Folder, id + Path.GetExtension(stored.Name)),
            stored.Name, stored.ContentType, stored.UserId, stored.Channel, expires);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(id, file)), Encoding.ASCII.GetBytes(signature))
            || expires < clock.GetUtcNow())
        {
            return null;
        }

        if (file.Channel == "web")
        {
            if (file.UserId != signedInUserId)
            {
                return null;
            }
        }
        else if (!shared.WriteDocumentsAsync(d => d.Delete(SharedCollection, id)).GetAwaiter().GetResult())
        {
            // Single use across hosts: only the host that deletes the document serves it.
            return null;
        }
        else
        {
            files.TryRemove(id, out _);
        }

        if (local is null || !File.Exists(file.Path))
        {
            WritePrivate(file.Path, stored.Content);
            if (file.Channel == "web")
            {
                files[id] = file;
            }
        }

        return file;
    }

    private static void WritePrivate(string path, byte[] content)
    {
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, create);
        stream.Write(content);
    }

    /// <summary>The link-signing key every host on the database shares: the first host to start writes it.</summary>
    private static byte[] SharedSigningKey(InstructorStore store)
    {
        var proposed = new SigningKey(RandomNumberGenerator.GetBytes(32));
        store.WriteDocumentsAsync(d => d.TryInsert(SecretsCollection, SigningKeyId, proposed)).GetAwaiter().GetResult();
        return store.Documents.Find<SigningKey>(SecretsCollection, SigningKeyId)?.Key
            ?? throw new InvalidOperationException("The download signing key was written but cannot be read back.");
    }

    /// <summary>A registered file as the database keeps it until its link expires or is used.</summary>
    public sealed record SharedFile(string Name, string ContentType, string UserId, string Channel, long ExpiresAtMs, byte[] Content);

    private sealed record SigningKey(byte[] Key);

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
        if (shared is not null)
        {
            // Expired shared files go from the database too; any host may do it. A failure waits for the next sweep.
            _ = shared.WriteDocumentsAsync(d => d.DeleteOlderThan(SharedCollection, nameof(SharedFile.ExpiresAtMs), now.ToUnixTimeMilliseconds(), 100))
                .ContinueWith(t => t.Exception, TaskScheduler.Default);
        }

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
