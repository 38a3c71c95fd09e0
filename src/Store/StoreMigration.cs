using System.Text.Json;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Postgres;
using InstructorBot.Store.Storage;
using Npgsql;
using NpgsqlTypes;

namespace InstructorBot.Store;

/// <summary>
/// <c>migrate --from FILE.db --to CONNECTION_STRING</c>: copies the store's own data (ledger, users and their channel
/// bindings, every record with its id, the audit trail) from a LiteDB file into an empty PostgreSQL database in one
/// transaction, sets the id sequences past what was copied (and past every id an undo took back), then opens the copy as
/// the bot would and checks it: the count of each collection and the figures of every district and street, both sides.
/// </summary>
public static class StoreMigration
{
    private static readonly JsonSerializerOptions Compare = new() { WriteIndented = false };

    /// <summary>The record kinds as the report names them.</summary>
    private static readonly IReadOnlyDictionary<string, string> KindNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Visit.KindName] = "走访",
        [MemberDiscovery.KindName] = "发现党员",
        [Formation.KindName] = "组建",
        [WorkCoverage.KindName] = "工作覆盖",
        [OrganizationUpdate.KindName] = "单位信息更新",
        [Pairing.KindName] = "结对帮扶",
        [FormationPlan.KindName] = "一企一策",
    };

    /// <exception cref="StoreException">The file is missing or held by a running bot, the target is not empty or unreachable, or the check found a difference (message in Chinese).</exception>
    public static Task<MigrationReport> CopyAsync(string liteDbPath, string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(liteDbPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (!File.Exists(liteDbPath))
        {
            throw new StoreException($"找不到数据库文件：{Path.GetFullPath(liteDbPath)}");
        }

        return Task.Run(() => Copy(liteDbPath, connectionString, ct), ct);
    }

    private static MigrationReport Copy(string liteDbPath, string connectionString, CancellationToken ct)
    {
        using var source = InstructorStore.Open(liteDbPath);
        var lite = (LiteDbEngine)source.EngineBehind;
        var organizations = source.Organizations();
        var users = source.Users();
        var records = Collections.Records.ToDictionary(
            entry => entry.Key,
            entry => lite.Documents(entry.Value.Collection).Select(doc => (RecordRequest)lite.Mapper.ToObject(entry.Value.Type, doc)).ToList(),
            StringComparer.Ordinal);
        var audit = lite.Documents(Collections.Audit).Select(doc => lite.Mapper.ToObject<AuditEntry>(doc)).ToList();
        var floors = Collections.Records.ToDictionary(entry => entry.Key, entry => lite.RetiredFloor(entry.Value.Collection), StringComparer.Ordinal);
        ct.ThrowIfCancellationRequested();

        using (var target = PostgresEngine.Open(connectionString))
        using (var connection = target.OpenConnection())
        using (var transaction = connection.BeginTransaction())
        {
            if (Scalar(connection, "SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM users) + (SELECT count(*) FROM records) + (SELECT count(*) FROM audit)") > 0)
            {
                throw new StoreException($"目标数据库 {target.Location} 已有数据：迁移只写入空的数据库（the target database is not empty）");
            }

            CopyOrganizations(connection, organizations);
            CopyUsers(connection, transaction, users);
            CopyRecords(connection, records.Values.SelectMany(r => r));
            CopyAudit(connection, audit);

            // Past what was copied, so the next organisation, audit entry or record of a kind gets a new id; record ids also
            // past every id an undo took back on LiteDB (never reused).
            Execute(connection, "SELECT setval(pg_get_serial_sequence('organizations', 'id'), GREATEST((SELECT max(id) FROM organizations), 0) + 1, false)");
            Execute(connection, "SELECT setval(pg_get_serial_sequence('audit', 'id'), GREATEST((SELECT max(id) FROM audit), 0) + 1, false)");
            foreach (var (kind, list) in records)
            {
                var next = Math.Max(list.Count == 0 ? 0 : list.Max(r => r.Id), floors[kind]) + 1;
                Execute(connection, $"SELECT setval('{PostgresRows.SequenceOf(kind)}', {next}, false)");
            }

            transaction.Commit();
        }

        ct.ThrowIfCancellationRequested();
        return Verify(source, records, audit.Count, connectionString);
    }

    private static MigrationReport Verify(InstructorStore source, Dictionary<string, List<RecordRequest>> records, int auditCount, string connectionString)
    {
        using var copy = InstructorStore.Open(new StoreOptions { Engine = StoreEngineKind.Postgres, ConnectionString = connectionString });
        var engine = (PostgresEngine)copy.EngineBehind;
        var problems = new List<string>();
        var counts = new List<(string, int)>();

        using (var connection = engine.OpenConnection())
        {
            void Check(string name, int expected, long actual)
            {
                counts.Add((name, expected));
                if (expected != actual)
                {
                    problems.Add($"{name}：原库 {expected}，新库 {actual}");
                }
            }

            Check("单位", source.Organizations().Count, Scalar(connection, "SELECT count(*) FROM organizations"));
            Check("用户", source.Users().Count, Scalar(connection, "SELECT count(*) FROM users"));
            Check("渠道绑定", source.Users().Sum(u => u.ChannelIdentities.Distinct().Count()), Scalar(connection, "SELECT count(*) FROM user_channels"));
            foreach (var (kind, list) in records)
            {
                Check(KindNames.GetValueOrDefault(kind, kind), list.Count, Scalar(connection, $"SELECT count(*) FROM records WHERE kind = '{kind}'"));
            }

            Check("审计", auditCount, Scalar(connection, "SELECT count(*) FROM audit"));
        }

        var before = source.Organizations();
        var after = copy.Organizations();
        if (before.Count == after.Count && before.Zip(after).Any(pair => pair.First.Id != pair.Second.Id
                || !OrganizationEquality.Same(pair.First, pair.Second) || pair.First.UpdatedAt != pair.Second.UpdatedAt))
        {
            problems.Add("单位内容不一致");
        }

        var districts = before.Select(o => o.District).Distinct(StringComparer.Ordinal).ToArray();
        var streets = before.Select(o => (o.District, o.Street)).Distinct().ToArray();
        var scopes = districts.Select(d => new Jurisdiction(d))
            .Concat(streets.Select(s => new Jurisdiction(s.District, s.Street)))
            .Append(Jurisdiction.Everywhere);
        foreach (var scope in scopes)
        {
            var expected = JsonSerializer.Serialize(source.Coverage(scope), Compare);
            var actual = JsonSerializer.Serialize(copy.Coverage(scope), Compare);
            if (expected != actual)
            {
                problems.Add($"{scope.Name ?? "全部"}的覆盖数据不一致");
            }
        }

        if (problems.Count > 0)
        {
            throw new StoreException("迁移后校验不一致，请勿切换到新库：" + string.Join("；", problems));
        }

        return new MigrationReport(counts, streets.Length, districts.Length);
    }

    private static void CopyOrganizations(NpgsqlConnection connection, IEnumerable<Organization> organizations)
    {
        using var writer = connection.BeginBinaryImport($"COPY organizations (id, {PostgresRows.OrganizationColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var o in organizations)
        {
            PostgresRows.Organization(writer, o);
        }

        writer.Complete();
    }

    private static void CopyUsers(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<User> users)
    {
        var rows = new PostgresTransaction(connection, transaction, origin: "migrate");
        foreach (var user in users)
        {
            rows.UpsertUser(user);
        }
    }

    private static void CopyRecords(NpgsqlConnection connection, IEnumerable<RecordRequest> records)
    {
        using var writer = connection.BeginBinaryImport($"COPY records ({PostgresRows.RecordColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var r in records)
        {
            writer.StartRow();
            writer.Write(r.Kind, NpgsqlDbType.Text);
            writer.Write(r.Id, NpgsqlDbType.Integer);
            writer.Write(r.OrganizationId, NpgsqlDbType.Integer);
            writer.Write(r.Date, NpgsqlDbType.Date);
            writer.Write(r.ReportedBy, NpgsqlDbType.Text);
            writer.Write(r.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            writer.Write(StoreJson.WriteRecord(r with { Id = 0 }), NpgsqlDbType.Jsonb);
        }

        writer.Complete();
    }

    private static void CopyAudit(NpgsqlConnection connection, IEnumerable<AuditEntry> entries)
    {
        using var writer = connection.BeginBinaryImport($"COPY audit (id, {PostgresRows.AuditColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var e in entries)
        {
            writer.StartRow();
            writer.Write(e.Id, NpgsqlDbType.Integer);
            writer.Write(e.Actor, NpgsqlDbType.Text);
            writer.Write(e.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            writer.Write(e.Action, NpgsqlDbType.Text);
            if (e.UndoneBy is { } undoneBy)
            {
                writer.Write(undoneBy, NpgsqlDbType.Integer);
            }
            else
            {
                writer.WriteNull();
            }

            writer.Write(StoreJson.Write(e with { Id = 0 }), NpgsqlDbType.Jsonb);
        }

        writer.Complete();
    }

    private static void WriteText(NpgsqlBinaryImporter writer, string? text)
    {
        if (text is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(text, NpgsqlDbType.Text);
        }
    }

    private static long Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
