using InstructorBot.Store.Documents;
using Npgsql;
using NpgsqlTypes;

namespace InstructorBot.Store.Postgres;

/// <summary>
/// The host's documents in the <c>documents</c> table (migration 0003): one row per document, the whole of it as jsonb.
/// Reads outside a write take a pooled connection of their own; inside the writer's transaction everything runs on its
/// connection, so a handled turn, its records and its audit entry commit together.
/// </summary>
internal sealed class PostgresDocuments : IDocumentWriter
{
    private readonly NpgsqlDataSource? source;
    private readonly NpgsqlConnection? connection;
    private readonly NpgsqlTransaction? transaction;

    private PostgresDocuments(NpgsqlDataSource? source, NpgsqlConnection? connection, NpgsqlTransaction? transaction)
    {
        this.source = source;
        this.connection = connection;
        this.transaction = transaction;
    }

    /// <summary>Reads on pooled connections (the engine's <see cref="IDocumentReader"/>; its writes are never reached).</summary>
    public static IDocumentReader Reading(NpgsqlDataSource source) => new PostgresDocuments(source, null, null);

    public static IDocumentWriter Writing(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        new PostgresDocuments(null, connection, transaction);

    public T? Find<T>(string collection, DocumentId id)
        where T : class =>
        Run("SELECT body FROM documents WHERE collection = @collection AND id = @id", collection, command =>
        {
            command.Parameters.AddWithValue("id", id.ToString());
            return command.ExecuteScalar() is string body ? DocumentJson.Read<T>(body) : null;
        });

    public IReadOnlyList<T> All<T>(string collection)
        where T : class =>
        Run("SELECT body FROM documents WHERE collection = @collection ORDER BY id", collection, ReadAll<T>);

    public IReadOnlyList<T> Where<T>(string collection, string field, string value)
        where T : class =>
        Run($"SELECT body FROM documents WHERE collection = @collection AND (body ->> '{DocumentFields.Checked(field)}') = @value ORDER BY id", collection, command =>
        {
            command.Parameters.AddWithValue("value", value);
            return ReadAll<T>(command);
        });

    public IReadOnlyList<T> Latest<T>(string collection, IReadOnlyList<(string Field, string Value)> partition, string timeField, long? beforeMs, int limit)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(partition);
        var time = $"((body ->> '{DocumentFields.Checked(timeField)}')::bigint)";
        var conditions = string.Concat(partition.Select((p, i) => $" AND (body ->> '{DocumentFields.Checked(p.Field)}') = @p{i}"));
        var sql = $"SELECT body FROM documents WHERE collection = @collection{conditions} AND {time} < @before ORDER BY {time} DESC LIMIT @limit";
        return Run(sql, collection, command =>
        {
            for (var i = 0; i < partition.Count; i++)
            {
                command.Parameters.AddWithValue("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), partition[i].Value);
            }

            command.Parameters.AddWithValue("before", beforeMs ?? long.MaxValue);
            command.Parameters.AddWithValue("limit", limit);
            return ReadAll<T>(command);
        });
    }

    public int Count(string collection) =>
        Run("SELECT count(*) FROM documents WHERE collection = @collection", collection, command => (int)(long)command.ExecuteScalar()!);

    public void Upsert<T>(string collection, DocumentId id, T document)
        where T : class =>
        Run("""
            INSERT INTO documents (collection, id, body) VALUES (@collection, @id, @body)
            ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body
            """, collection, command =>
        {
            command.Parameters.AddWithValue("id", id.ToString());
            command.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, DocumentJson.Write(document));
            return command.ExecuteNonQuery();
        });

    public bool TryInsert<T>(string collection, DocumentId id, T document)
        where T : class =>
        Run("INSERT INTO documents (collection, id, body) VALUES (@collection, @id, @body) ON CONFLICT DO NOTHING", collection, command =>
        {
            command.Parameters.AddWithValue("id", id.ToString());
            command.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, DocumentJson.Write(document));
            return command.ExecuteNonQuery() == 1;
        });

    public T? InsertWithNewId<T>(string collection, Func<int, T> withId)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(withId);
        var id = Run("SELECT nextval('document_ids')::integer", collection, command => (int)command.ExecuteScalar()!);
        var document = withId(id);
        return TryInsert(collection, id, document) ? document : null;
    }

    public bool Delete(string collection, DocumentId id) =>
        Run("DELETE FROM documents WHERE collection = @collection AND id = @id", collection, command =>
        {
            command.Parameters.AddWithValue("id", id.ToString());
            return command.ExecuteNonQuery() > 0;
        });

    public int DeleteOlderThan(string collection, string timeField, long beforeMs, int max)
    {
        var time = $"((body ->> '{DocumentFields.Checked(timeField)}')::bigint)";
        return Run($"""
            DELETE FROM documents WHERE collection = @collection AND id IN (
                SELECT id FROM documents WHERE collection = @collection AND {time} < @before ORDER BY {time} LIMIT @max)
            """, collection, command =>
        {
            command.Parameters.AddWithValue("before", beforeMs);
            command.Parameters.AddWithValue("max", max);
            return command.ExecuteNonQuery();
        });
    }

    public void LockUntilCommit(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Run("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", "", command =>
        {
            command.Parameters.AddWithValue("key", key);
            return command.ExecuteNonQuery();
        });
    }

    private static List<T> ReadAll<T>(NpgsqlCommand command)
        where T : class
    {
        using var reader = command.ExecuteReader();
        var documents = new List<T>();
        while (reader.Read())
        {
            documents.Add(DocumentJson.Read<T>(reader.GetString(0)));
        }

        return documents;
    }

    private TResult Run<TResult>(string sql, string collection, Func<NpgsqlCommand, TResult> run)
    {
        if (connection is not null)
        {
            using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("collection", collection);
            return run(command);
        }

        // A reader (Reading): only its IDocumentReader side is handed out, so this is always a query.
        using var pooled = source!.OpenConnection();
        using var query = new NpgsqlCommand(sql, pooled);
        query.Parameters.AddWithValue("collection", collection);
        return run(query);
    }
}
