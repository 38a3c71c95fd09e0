using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace InstructorBot.Store.Postgres;

/// <summary>One added knowledge document as the database lists it (without its bytes).</summary>
public sealed record SharedDocument(string Name, string Hash, DateTimeOffset AddedAt);

/// <summary>
/// The knowledge documents added with <c>index</c>, shared by every host on one PostgreSQL database (table
/// <c>knowledge_documents</c>, migration 0004): one row per file name with the file's bytes, its optional
/// <c>.meta.json</c> sidecar and their hash. A write that adds or changes a document sends
/// <c>NOTIFY instructorbot_knowledge</c> inside its transaction (delivered only if it commits); <see cref="Watch"/> tells a
/// host after every notice and after every (re)connect, where it compares the table with its own index. The shipped
/// corpus is in the product, not here.
/// </summary>
public sealed class SharedKnowledgeDocuments : IDisposable
{
    public const string Channel = "instructorbot_knowledge";

    private readonly PostgresEngine engine;
    private readonly bool ownsEngine;

    internal SharedKnowledgeDocuments(PostgresEngine engine, bool ownsEngine)
    {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
    }

    /// <summary>Connects (creating or migrating the schema as the store does at open), for the command line.</summary>
    /// <exception cref="StoreException">Bad connection string, unreachable server, or a schema newer than this build.</exception>
    public static SharedKnowledgeDocuments Open(string connectionString) => new(PostgresEngine.Open(connectionString), ownsEngine: true);

    /// <summary>The server and database (never a password).</summary>
    public string Location => engine.Location;

    /// <summary>The hash a document is stored with: SHA-256 of its bytes followed by its sidecar's, hex (as the index's manifest hashes a file).</summary>
    public static string HashOf(ReadOnlySpan<byte> content, ReadOnlySpan<byte> sidecar)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(content);
        sha.AppendData(sidecar);
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>Every document, by name (ordinal).</summary>
    /// <exception cref="StoreException">The database could not be read.</exception>
    public IReadOnlyList<SharedDocument> List() => Run(connection =>
    {
        using var command = new NpgsqlCommand("SELECT name, hash, added_at FROM knowledge_documents ORDER BY name COLLATE \"C\"", connection);
        using var reader = command.ExecuteReader();
        var documents = new List<SharedDocument>();
        while (reader.Read())
        {
            documents.Add(new SharedDocument(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return documents;
    });

    /// <summary>A document's bytes and sidecar (null when it has none), or null when there is no such document.</summary>
    /// <exception cref="StoreException">The database could not be read.</exception>
    public (byte[] Content, byte[]? Sidecar)? Read(string name) => Run<(byte[], byte[]?)?>(connection =>
    {
        using var command = new NpgsqlCommand("SELECT content, sidecar FROM knowledge_documents WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetFieldValue<byte[]>(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1)) : null;
    });

    /// <summary>
    /// Stores a document under <paramref name="name"/>, replacing one of that name; true when it was new or changed (then
    /// every host is told, in the same transaction), false when the same content was already there (nothing written).
    /// </summary>
    /// <exception cref="StoreException">The database could not be written.</exception>
    public bool Put(string name, byte[] content, byte[]? sidecar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        var hash = HashOf(content, sidecar);
        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var upsert = new NpgsqlCommand("""
                INSERT INTO knowledge_documents (name, hash, content, sidecar, added_at) VALUES (@name, @hash, @content, @sidecar, now())
                ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, content = excluded.content, sidecar = excluded.sidecar, added_at = excluded.added_at
                WHERE knowledge_documents.hash <> excluded.hash
                """, connection, transaction);
            upsert.Parameters.AddWithValue("name", name);
            upsert.Parameters.AddWithValue("hash", hash);
            upsert.Parameters.AddWithValue("content", NpgsqlDbType.Bytea, content);
            upsert.Parameters.AddWithValue("sidecar", NpgsqlDbType.Bytea, (object?)sidecar ?? DBNull.Value);
            var changed = upsert.ExecuteNonQuery() > 0;
            if (changed)
            {
                using var notify = new NpgsqlCommand($"SELECT pg_notify('{Channel}', @name)", connection, transaction);
                notify.Parameters.AddWithValue("name", name);
                notify.ExecuteNonQuery();
            }

            transaction.Commit();
            return changed;
        });
    }

    /// <summary>
    /// Calls <paramref name="changed"/> once listening has started, after every notice of a changed document, and once
    /// after every reconnect (notices sent while no connection listened are lost, so the caller compares everything
    /// again). A lost connection is retried every second. <paramref name="changed"/> runs on the listener and must only
    /// signal (not index, not throw). Dispose to stop.
    /// </summary>
    public IDisposable Watch(Action changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return new Watcher(engine, changed);
    }

    public void Dispose()
    {
        if (ownsEngine)
        {
            engine.Dispose();
        }
    }

    private T Run<T>(Func<NpgsqlConnection, T> action)
    {
        try
        {
            using var connection = engine.OpenConnection();
            return action(connection);
        }
        catch (Exception failed) when (failed is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw new StoreException($"无法读写数据库 {engine.Location} 中的知识文档：{failed.Message}", failed);
        }
    }

    private sealed class Watcher : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task loop;

        public Watcher(PostgresEngine engine, Action changed) => loop = Task.Run(() => LoopAsync(engine, changed, stop.Token));

        public void Dispose()
        {
            stop.Cancel();
            try
            {
                loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // Stopping: whatever the loop ended with does not matter any more.
            }

            stop.Dispose();
        }

        private static async Task LoopAsync(PostgresEngine engine, Action changed, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await using var connection = engine.OpenConnection();
                    connection.Notification += (_, _) => changed();
                    await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                    }

                    changed();
                    while (true)
                    {
                        await connection.WaitAsync(stop).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A lost server or connection: listen again after a pause; the caller's full check covers the gap.
                catch (Exception)
#pragma warning restore CA1031
                {
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
    }
}
