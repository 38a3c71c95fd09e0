using System.Globalization;
using System.Reflection;
using Npgsql;

namespace InstructorBot.Store.Postgres;

/// <summary>
/// Creates and migrates the schema at start: the SQL scripts embedded under <c>Postgres/Migrations</c>
/// (<c>NNNN_name.sql</c>), each applied once in its own transaction and recorded in <c>schema_version</c>. An advisory
/// lock makes hosts that start together take turns, so the second one finds the scripts already applied.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key ("IBOT" as an integer): any fixed number the database's other users do not take.</summary>
    private const long LockKey = 0x49424F54;

    private const string ResourcePrefix = "postgres-migrations/";

    /// <summary>The scripts this build carries, by version.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name =>
            {
                var file = name[ResourcePrefix.Length..];
                var version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return (version, file, reader.ReadToEnd());
            })
            .OrderBy(script => script.version)
            .ToArray();
    }

    /// <summary>Applies the scripts the database lacks; returns the names of those it applied (none when up to date).</summary>
    public static IReadOnlyList<string> Migrate(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        Execute(connection, null, $"SELECT pg_advisory_lock({LockKey})");
        try
        {
            Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """);
            var applied = new HashSet<int>();
            using (var query = new NpgsqlCommand("SELECT version FROM schema_version", connection))
            using (var reader = query.ExecuteReader())
            {
                while (reader.Read())
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var scripts = Scripts();
            var newer = applied.Where(v => scripts.All(s => s.Version != v)).ToArray();
            if (newer.Length > 0)
            {
                throw new StoreException(
                    $"数据库的结构版本（{string.Join(',', newer)}）比本程序新，请升级程序（the database schema is newer than this build）");
            }

            var done = new List<string>();
            foreach (var (version, name, sql) in scripts.Where(s => !applied.Contains(s.Version)))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, sql);
                using (var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES (@version, @name)", connection, transaction))
                {
                    record.Parameters.AddWithValue("version", version);
                    record.Parameters.AddWithValue("name", name);
                    record.ExecuteNonQuery();
                }

                transaction.Commit();
                done.Add(name);
            }

            return done;
        }
        finally
        {
            Execute(connection, null, $"SELECT pg_advisory_unlock({LockKey})");
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
