using InstructorBot.Bot.Cli;
using InstructorBot.Knowledge;
using InstructorBot.Knowledge.Search;
using InstructorBot.Store;
using InstructorBot.Store.Postgres;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// The host's added knowledge documents (those indexed with <c>index</c>), kept as files under <c>documents/</c> beside the
/// database, one per name. On LiteDB the one host's index holds them, as before. On PostgreSQL they are also in the
/// database (<see cref="SharedKnowledgeDocuments"/>): a document indexed through this host is stored there, and
/// <see cref="Sync"/> brings this host's folder and index up to the table's documents (run at start, on every notice,
/// after a reconnect: <see cref="KnowledgeDocumentSync"/>). Both run under one lock, so a sync never writes an older copy
/// over a file being indexed.
/// </summary>
public sealed class AddedKnowledge(KnowledgeBase knowledge, InstructorStore store, IConfiguration configuration)
{
    private readonly object gate = new();

    /// <summary>Where the added documents are kept (the admin endpoint saves uploads there too).</summary>
    public string Folder { get; } = Path.Combine(
        Path.GetDirectoryName(Path.GetFullPath(configuration["Store:Path"] is { Length: > 0 } path ? path : BotPaths.DefaultDatabase)) ?? ".",
        "documents");

    /// <summary>The documents every host on the database shares; null on LiteDB.</summary>
    public SharedKnowledgeDocuments? Shared => store.KnowledgeDocuments;

    /// <summary>Saves (by <paramref name="save"/>, which returns the paths) and indexes documents, sharing them on PostgreSQL; the verb's lines.</summary>
    public IReadOnlyList<string> Add(Func<IReadOnlyList<string>> save, Func<string, string> display)
    {
        ArgumentNullException.ThrowIfNull(save);
        lock (gate)
        {
            return IndexVerb.Index(knowledge, save(), display, Shared);
        }
    }

    /// <summary>
    /// Compares the database's documents with this host's: a document missing here or differing (by hash) is written into
    /// <see cref="Folder"/>, then every one of them is given to the index, which re-indexes only what it lacks or what changed.
    /// Nothing on LiteDB.
    /// </summary>
    /// <exception cref="StoreException">The database could not be read.</exception>
    /// <exception cref="IOException">A file could not be written, or the index is held by another process.</exception>
    public SyncResult Sync()
    {
        if (Shared is not { } shared)
        {
            return new SyncResult(0, 0, 0);
        }

        lock (gate)
        {
            var listed = shared.List();
            var paths = new List<string>();
            var fetched = 0;
            foreach (var document in listed)
            {
                var name = Path.GetFileName(document.Name);
                if (name.Length == 0 || name != document.Name || name is "." or "..")
                {
                    continue;
                }

                var file = Path.Combine(Folder, name);
                if (LocalHash(file) != document.Hash)
                {
                    if (shared.Read(document.Name) is not { } stored)
                    {
                        continue;
                    }

                    EnsureFolder();
                    Write(file + ".meta.json", stored.Sidecar);
                    Write(file, stored.Content);
                    fetched++;
                }

                paths.Add(file);
            }

            IReadOnlyList<IndexResult> results;
            try
            {
                results = paths.Count == 0 ? [] : knowledge.AddDocuments(paths);
            }
            catch (Lucene.Net.Store.LockObtainFailedException locked)
            {
                throw new IOException("The knowledge index is locked by another writer", locked);
            }

            return new SyncResult(listed.Count, fetched, results.Count(r => r.Outcome is IndexOutcome.Added or IndexOutcome.Replaced));
        }
    }

    private static string? LocalHash(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var sidecar = file + ".meta.json";
        return SharedKnowledgeDocuments.HashOf(File.ReadAllBytes(file), File.Exists(sidecar) ? File.ReadAllBytes(sidecar) : []);
    }

    private void EnsureFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Writes whole or not at all (a temporary file moved into place); null deletes the file.</summary>
    private static void Write(string file, byte[]? content)
    {
        if (content is null)
        {
            File.Delete(file);
            return;
        }

        var temporary = file + ".partial";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>One comparison: documents in the database, written here from it, (re)indexed here.</summary>
    public readonly record struct SyncResult(int Listed, int Fetched, int Indexed);
}
