using System.Diagnostics;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Postgres;
using Npgsql;

namespace InstructorBot.Store.Tests;

/// <summary>What only the PostgreSQL engine has: its schema migrations, its columns, pg_dump backups (the host's documents: DocumentTests).</summary>
public sealed class PostgresEngineTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public async Task Two_stores_opening_a_new_database_together_apply_each_migration_once()
    {
        var connection = PostgresCluster.Instance.CreateDatabase();
        try
        {
            var options = new StoreOptions { Engine = StoreEngineKind.Postgres, ConnectionString = connection };
            var engines = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresEngine.Open(connection))));
            var applied = engines.Select(e => e.AppliedMigrations.Count).ToArray();
            foreach (var engine in engines)
            {
                engine.Dispose();
            }

            // One open applied every script; the others waited on the advisory lock and found nothing left to do.
            var scripts = PostgresSchema.Scripts();
            Assert.Equal([scripts.Count, 0, 0, 0], applied.OrderDescending());
            Assert.Equal(scripts.Count, Scalar(connection, "SELECT count(*) FROM schema_version"));
            Assert.Equal(scripts.Max(s => s.Version), Scalar(connection, "SELECT max(version) FROM schema_version"));
            using var store = InstructorStore.Open(options);
            Assert.Empty(store.Organizations());
        }
        finally
        {
            PostgresCluster.Instance.DropDatabase(connection);
        }
    }

    [Fact]
    public async Task The_queried_columns_follow_the_body_on_every_write()
    {
        using var test = await TestStore.WithFixtureAsync(StoreEngineKind.Postgres);
        var yunqi = test.Store.FindOrganizationByName("深圳市云启科技有限公司")!;
        await test.Store.RecordAsync("u_zhang", new Formation { OrganizationId = yunqi.Id, Date = Today, Method = FormationMethod.Single });
        var zhang = test.Store.FindUser("u_zhang")!;
        await test.Store.SaveUserAsync(zhang with { ChannelIdentities = [new ChannelIdentity("wecom", "ZhangWei"), new ChannelIdentity("web", "zw")] });

        var cs = test.ConnectionString!;
        Assert.Equal(1, Scalar(cs, $"SELECT count(*) FROM organizations WHERE id = {yunqi.Id} AND formed AND (body -> 'PartyOrganization' ->> 'Kind') = 'Single'"));
        Assert.Equal(
            test.Store.OrganizationsIn(new Jurisdiction("龙岗区", "坂田街道")).Count,
            Scalar(cs, "SELECT count(*) FROM organizations WHERE district = '龙岗区' AND street = '坂田街道'"));
        Assert.Equal(1, Scalar(cs, "SELECT count(*) FROM records WHERE kind = 'formation' AND reported_by = 'u_zhang' AND date = '2026-12-05'"));
        Assert.Equal(2, Scalar(cs, "SELECT count(*) FROM user_channels WHERE user_id = 'u_zhang'"));
        Assert.Equal(1, Scalar(cs, "SELECT count(*) FROM users WHERE id = 'u_zhang' AND street = '坂田街道'"));

        // The channel bindings are replaced, not added to, when the user is saved again.
        await test.Store.SaveUserAsync(test.Store.FindUser("u_zhang")! with { ChannelIdentities = [new ChannelIdentity("wecom", "ZhangWei")] });
        Assert.Equal(1, Scalar(cs, "SELECT count(*) FROM user_channels WHERE user_id = 'u_zhang'"));
        Assert.Equal("u_zhang", test.Reopen().FindUserByChannel("wecom", "ZhangWei")?.Id);
        Assert.Null(test.Store.FindUserByChannel("web", "zw"));
    }

    [Fact]
    public void Bad_engine_settings_are_refused_in_chinese()
    {
        Assert.Contains("未知的存储引擎", Assert.Throws<StoreException>(() => StoreOptions.ParseEngine("mysql")).Message, StringComparison.Ordinal);
        Assert.Equal(StoreEngineKind.Postgres, StoreOptions.ParseEngine(" PostgreSQL "));
        Assert.Equal(StoreEngineKind.LiteDb, StoreOptions.ParseEngine(null));
        var missing = Assert.Throws<StoreException>(() => InstructorStore.Open(new StoreOptions { Engine = StoreEngineKind.Postgres }));
        Assert.Contains("Store:ConnectionString", missing.Message, StringComparison.Ordinal);
        var unreachable = Assert.Throws<StoreException>(() => InstructorStore.Open(new StoreOptions
        {
            Engine = StoreEngineKind.Postgres,
            ConnectionString = $"Host=127.0.0.1;Port={PostgresCluster.Instance.Port};Username=postgres;Database=no_such_database;Timeout=5",
        }));
        Assert.Contains("无法连接", unreachable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_is_a_pg_dump_archive_that_restores_into_a_store_with_the_same_data()
    {
        using var test = await TestStore.WithFixtureAsync(StoreEngineKind.Postgres);
        var yunqi = test.Store.FindOrganizationByName("深圳市云启科技有限公司")!;
        await test.Store.RecordAsync("u_zhang", new MemberDiscovery { OrganizationId = yunqi.Id, Date = Today, Count = 3 });
        var archive = Path.Combine(test.Folder, "backup", "store.dump");
        await test.Store.BackupAsync(archive);
        Assert.True(new FileInfo(archive).Length > 0);

        var restored = PostgresCluster.Instance.CreateDatabase();
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(restored);
            var restore = Process.Start(new ProcessStartInfo(Path.Combine(PostgresCluster.BinariesFolder, "pg_restore"))
            {
                ArgumentList = { "--no-owner", "-h", "127.0.0.1", "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", builder.Database!, archive },
                RedirectStandardError = true,
            })!;
            var errors = await restore.StandardError.ReadToEndAsync();
            await restore.WaitForExitAsync();
            Assert.True(restore.ExitCode == 0, errors);

            using var copy = InstructorStore.Open(new StoreOptions { Engine = StoreEngineKind.Postgres, ConnectionString = restored });
            Assert.Equal(32, copy.Organizations().Count);
            Assert.Equal(yunqi.PartyMembers + 3, copy.FindOrganization(yunqi.Id)!.PartyMembers);
            Assert.Equal(3, Assert.IsType<MemberDiscovery>(Assert.Single(copy.RecordsBy("u_zhang"))).Count);
        }
        finally
        {
            PostgresCluster.Instance.DropDatabase(restored);
        }
    }

    internal static long Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
