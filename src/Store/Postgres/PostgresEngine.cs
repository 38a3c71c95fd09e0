using System.Diagnostics;
using InstructorBot.Store.Documents;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Storage;
using LiteDB;
using Npgsql;

namespace InstructorBot.Store.Postgres;

/// <summary>
/// The server engine, through Npgsql (no ORM). The schema is created and migrated at open (<see cref="PostgresSchema"/>);
/// the writer thread keeps one connection and runs each group in one transaction, durable once committed; reads take
/// pooled connections of their own and never wait for the writer.
/// </summary>
internal sealed class PostgresEngine : IStoreEngine
{
    private readonly NpgsqlDataSource source;
    private readonly NpgsqlConnectionStringBuilder settings;

    private PostgresEngine(NpgsqlDataSource source, NpgsqlConnectionStringBuilder settings)
    {
        this.source = source;
        this.settings = settings;
        Location = $"postgres://{settings.Host}:{settings.Port}/{settings.Database}";
        Documents = PostgresDocuments.Reading(source);
        Knowledge = new SharedKnowledgeDocuments(this, ownsEngine: false);
    }

    /// <summary>The added knowledge documents every host shares (on this engine's connections).</summary>
    public SharedKnowledgeDocuments Knowledge { get; }

    public string Location { get; }

    public ILiteDatabase Lite => throw new StoreException(
        "PostgreSQL 存储没有 LiteDB 数据库：宿主数据请用 store.Documents / WriteDocumentsAsync（见 docs/store.md）" +
        "（no LiteDB database on the postgres engine: use the document API）");

    public IDocumentReader Documents { get; }

    /// <summary>The scripts applied by this open (empty when the schema was up to date), for tests and logs.</summary>
    public IReadOnlyList<string> AppliedMigrations { get; private set; } = [];

    /// <exception cref="StoreException">Bad connection string, unreachable server, or a schema newer than this build.</exception>
    public static PostgresEngine Open(string connectionString)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException bad)
        {
            throw new StoreException($"PostgreSQL 连接字符串无效：{bad.Message}", bad);
        }

        var source = NpgsqlDataSource.Create(settings);
        var engine = new PostgresEngine(source, settings);
        try
        {
            engine.AppliedMigrations = PostgresSchema.Migrate(source);
            return engine;
        }
        catch (Exception failed) when (failed is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            source.Dispose();
            throw new StoreException($"无法连接或初始化 PostgreSQL 数据库 {engine.Location}：{failed.Message}", failed);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>This engine's name in its change notices (<see cref="PostgresChanges"/>).</summary>
    private readonly string origin = Guid.NewGuid().ToString("N");

    public IWriteSession OpenWriteSession() => new Session(source, origin);

    public IDisposable? WatchChanges(Action<StoreChanges> changed, out Action start)
    {
        var listener = PostgresChanges.Listen(source, origin, changed);
        start = listener.Run;
        return listener;
    }

    public IReadOnlyList<Organization> LoadOrganizations(IReadOnlyCollection<int> ids)
    {
        using var connection = source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT id, body FROM organizations WHERE id = ANY(@ids) ORDER BY id", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return ReadOrganizations(command);
    }

    public Task<IAsyncDisposable?> HoldAsync(string key, CancellationToken cancellationToken) => PostgresHold.TakeAsync(source, key, cancellationToken);

    public IReadOnlyList<Organization> LoadOrganizations()
    {
        using var connection = source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT id, body FROM organizations ORDER BY id", connection);
        return ReadOrganizations(command);
    }

    public IReadOnlyList<User> LoadUsers()
    {
        using var connection = source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT body FROM users", connection);
        using var reader = command.ExecuteReader();
        var users = new List<User>();
        while (reader.Read())
        {
            users.Add(StoreJson.Read<User>(reader.GetString(0)));
        }

        return users.OrderBy(u => u.Id, StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<RecordRequest> RecordsBetween(string kind, DateOnly from, DateOnly to, Jurisdiction within)
    {
        using var connection = source.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT r.id, r.body FROM records r JOIN organizations o ON o.id = r.organization_id
            WHERE r.kind = @kind AND r.date BETWEEN @from AND @to
              AND (@district::text IS NULL OR o.district = @district)
              AND (@street::text IS NULL OR o.street = @street)
              AND (@community::text IS NULL OR o.community = @community)
            ORDER BY r.date, r.id
            """, connection);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("district", (object?)within.District ?? DBNull.Value);
        command.Parameters.AddWithValue("street", (object?)within.Street ?? DBNull.Value);
        command.Parameters.AddWithValue("community", (object?)within.Community ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var records = new List<RecordRequest>();
        while (reader.Read())
        {
            records.Add(StoreJson.ReadRecord(kind, reader.GetInt32(0), reader.GetString(1)));
        }

        return records;
    }

    public IReadOnlyList<RecordRequest> RecordsBy(string userId)
    {
        using var connection = source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT kind, id, body FROM records WHERE reported_by = @user", connection);
        command.Parameters.AddWithValue("user", userId);
        using var reader = command.ExecuteReader();
        var records = new List<RecordRequest>();
        while (reader.Read())
        {
            records.Add(StoreJson.ReadRecord(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
        }

        // As LiteDB gives them: collection by collection in the kinds' order, then by id.
        var order = Collections.Records.Keys.Select((kind, i) => (kind, i)).ToDictionary(p => p.kind, p => p.i, StringComparer.Ordinal);
        return records.OrderBy(r => order[r.Kind]).ThenBy(r => r.Id).ToArray();
    }

    public RecordRequest? FindRecord(RecordRef reference)
    {
        using var connection = source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT body FROM records WHERE kind = @kind AND id = @id", connection);
        command.Parameters.AddWithValue("kind", reference.Kind);
        command.Parameters.AddWithValue("id", reference.Id);
        return command.ExecuteScalar() is string body && Collections.Records.ContainsKey(reference.Kind)
            ? StoreJson.ReadRecord(reference.Kind, reference.Id, body)
            : null;
    }

    public IReadOnlyList<AuditEntry> AuditOf(string actor, int limit)
    {
        using var connection = source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT id, body FROM audit WHERE actor = @actor ORDER BY id DESC LIMIT @limit", connection);
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("limit", limit);
        return ReadAudit(command);
    }

    /// <summary>
    /// <c>pg_dump</c> in custom format (restore with <c>pg_restore</c>): a consistent snapshot of the database, taken while
    /// the bot runs. Uses the <c>pg_dump</c> on the PATH, else the newest under /usr/lib/postgresql (Debian).
    /// </summary>
    public void Backup(string destination)
    {
        var dump = FindPgDump() ?? throw new StoreException("找不到 pg_dump：请安装 PostgreSQL 客户端（Debian：postgresql-client）");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
        var temporary = destination + ".partial";
        var start = new ProcessStartInfo(dump)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--format=custom", "--no-owner", "--file=" + temporary })
        {
            start.ArgumentList.Add(argument);
        }

        // Through the environment, so the password never shows in a process list.
        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = settings.Database;
        start.Environment["PGUSER"] = settings.Username;
        if (settings.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new StoreException("无法启动 pg_dump");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            File.Delete(temporary);
            throw new StoreException($"pg_dump 备份失败：{errors.GetAwaiter().GetResult().Trim()}");
        }

        File.Move(temporary, destination, overwrite: true);
    }

    /// <summary>A connection of the engine's pool, for <c>migrate</c>'s copy and checks.</summary>
    internal NpgsqlConnection OpenConnection() => source.OpenConnection();

    public void Dispose() => source.Dispose();

    internal static IReadOnlyList<Organization> ReadOrganizations(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var organizations = new List<Organization>();
        while (reader.Read())
        {
            organizations.Add(StoreJson.Read<Organization>(reader.GetString(1)) with { Id = reader.GetInt32(0) });
        }

        return organizations;
    }

    internal static IReadOnlyList<AuditEntry> ReadAudit(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(StoreJson.Read<AuditEntry>(reader.GetString(1)) with { Id = reader.GetInt32(0) });
        }

        return entries;
    }

    private static string? FindPgDump()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "pg_dump"))
            .FirstOrDefault(File.Exists);
        if (onPath is not null && !onPath.StartsWith("/usr/bin/", StringComparison.Ordinal))
        {
            return onPath;
        }

        // Debian's /usr/bin/pg_dump is a wrapper that wants a cluster configuration; the versioned binary does not.
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(folder => System.IO.Path.Combine(folder, "bin", "pg_dump"))
                .Where(File.Exists)
                .OrderByDescending(path => int.TryParse(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(path))), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? onPath;
    }

    /// <summary>The writer thread's connection; reopened when a group finds it broken.</summary>
    private sealed class Session(NpgsqlDataSource source, string origin) : IWriteSession
    {
        private NpgsqlConnection? connection;
        private NpgsqlTransaction? transaction;

        public IStoreTransaction Begin()
        {
            if (connection is not { State: System.Data.ConnectionState.Open })
            {
                connection?.Dispose();
                connection = source.OpenConnection();
            }

            transaction = connection.BeginTransaction();
            return new PostgresTransaction(connection, transaction, origin);
        }

        public void CommitDurably()
        {
            transaction!.Commit();
            transaction.Dispose();
            transaction = null;
        }

        public void Rollback()
        {
            try
            {
                transaction?.Rollback();
            }
            finally
            {
                transaction?.Dispose();
                transaction = null;
            }
        }

        public void Dispose()
        {
            transaction?.Dispose();
            connection?.Dispose();
        }
    }
}
