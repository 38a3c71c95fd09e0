using System.Text.Json;

namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// What the intent and the mention models share about their files: the embedded training data (JSON lines) and the cache
/// written so that processes racing to train never see a half-written model.
/// </summary>
internal static class OpinionFiles
{
    /// <summary>An embedded resource of this assembly as bytes (the model caches are keyed by their hash).</summary>
    public static byte[] EmbeddedBytes(string resourceName)
    {
        using var stream = typeof(OpinionFiles).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded resource {resourceName} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Each non-blank line of <paramref name="jsonLines"/> parsed, handed to <paramref name="read"/>.</summary>
    public static List<T> ParseLines<T>(byte[] jsonLines, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        var rows = new List<T>();
        using var reader = new StreamReader(new MemoryStream(jsonLines));
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            using var row = JsonDocument.Parse(line);
            rows.Add(read(row.RootElement));
        }

        return rows;
    }

    /// <summary>
    /// Saves a trained model as <paramref name="path"/>: into a temporary file of this process first, then moved into place,
    /// so a concurrent reader sees the whole file or none. A folder that cannot be written is logged (the model is then
    /// trained again at the next start), never thrown.
    /// </summary>
    public static void SaveAtomically(string path, Action<Stream> save, string what, Action<string>? log)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        try
        {
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, $"{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            using (var stream = File.Create(temporary))
            {
                save(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log?.Invoke($"{what} not cached in {folder} ({e.GetType().Name}); it is trained again at the next start");
        }
    }
}
