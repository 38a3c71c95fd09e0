using System.Security.Cryptography;
using System.Text.Json;

namespace InstructorBot.Bot.Cli;

/// <summary>
/// How the command line finds the running host of a database: a file beside the database (<c>bot.db.admin.json</c>, mode
/// 0600, so only the service's own user and root can read it) with the host's loopback address and a random token,
/// written when the host starts listening and deleted when it stops. A file left by a killed host is harmless: its
/// address no longer answers, and the next host overwrites it with a new token.
/// </summary>
public sealed record AdminFile(string Url, string Token)
{
    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".admin.json";

    public static AdminFile Create(string url) => new(url, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    public void Write(string databasePath)
    {
        var path = PathFor(databasePath);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // Replace, not truncate: a file created earlier with wider permissions keeps them on truncation.
        File.Delete(path);
        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, this, CliContext.Json);
    }

    /// <summary>The file beside <paramref name="databasePath"/>, or null when there is none or it cannot be read.</summary>
    public static AdminFile? Read(string databasePath)
    {
        try
        {
            var path = PathFor(databasePath);
            return File.Exists(path) ? JsonSerializer.Deserialize<AdminFile>(File.ReadAllText(path), CliContext.Json) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Constant-time comparison of a presented token with this one.</summary>
    public bool Accepts(string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(Token));
}
