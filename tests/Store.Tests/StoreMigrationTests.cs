using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Tests;

/// <summary><c>migrate --from FILE.db --to CONNECTION_STRING</c>: a LiteDB store copied into PostgreSQL and checked.</summary>
public sealed class StoreMigrationTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public async Task A_litedb_store_with_records_undos_and_bindings_moves_to_postgres_whole_and_ids_go_on_past_the_undone_ones()
    {
        string file;
        WriteReceipt undone;
        AuditEntry[] auditBefore;
        RecordRequest[] recordsBefore;
        using var source = await TestStore.WithFixtureAsync(StoreEngineKind.LiteDb);
        var store = source.Store;
        var yunqi = store.FindOrganizationByName("深圳市云启科技有限公司")!;
        var huading = store.FindOrganizationByName("深圳市华鼎精密制造有限公司")!;
        await store.RecordAsync("u_zhang", new Formation
        {
            OrganizationId = yunqi.Id, Date = Today, Method = FormationMethod.Joint, JointMode = JointMode.Regional, UnitIds = [yunqi.Id, huading.Id],
        });
        await store.RecordAsync("u_zhang", [new Visit { OrganizationId = yunqi.Id, Date = Today, Note = "走访" }, new MemberDiscovery { OrganizationId = yunqi.Id, Date = Today, Count = 2, Categories = new() { Pocket = 2 } }]);
        await store.RecordAsync("u_zhang", new WorkCoverage { OrganizationId = huading.Id, Date = Today, Measure = WorkCoverageMeasure.TradeUnion });
        undone = await store.RecordAsync("u_zhang", new Visit { OrganizationId = huading.Id, Date = Today });
        await store.UndoLastAsync("u_zhang");
        await store.SaveUserAsync(store.FindUser("u_zhang")! with { ChannelIdentities = [new ChannelIdentity("wecom", "ZhangWei")] });
        auditBefore = store.AuditOf("u_zhang").ToArray();
        recordsBefore = store.RecordsBy("u_zhang").ToArray();
        var coverageBefore = store.Coverage("坂田街道");
        file = source.DatabasePath;
        source.Store.Dispose();

        var target = PostgresCluster.Instance.CreateDatabase();
        try
        {
            var report = await StoreMigration.CopyAsync(file, target);
            Assert.Contains(("单位", 32), report.Counts);
            Assert.Contains(("用户", 8), report.Counts);
            Assert.Contains(("渠道绑定", 1), report.Counts);
            Assert.Contains(("走访", 1), report.Counts);
            Assert.Contains(("组建", 1), report.Counts);
            Assert.True(report.StreetsCompared >= 5, report.Describe());
            Assert.StartsWith("迁移完成并已校验：单位 32、用户 8", report.Describe(), StringComparison.Ordinal);

            using var copy = InstructorStore.Open(new StoreOptions { Engine = StoreEngineKind.Postgres, ConnectionString = target });
            Assert.Equal(Describe(recordsBefore), Describe(copy.RecordsBy("u_zhang")));
            Assert.Equal(auditBefore.Select(e => (e.Id, e.Action, e.UndoneBy, e.Undoes, e.Records.Count, e.At)),
                copy.AuditOf("u_zhang").Select(e => (e.Id, e.Action, e.UndoneBy, e.Undoes, e.Records.Count, e.At)));
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(coverageBefore), System.Text.Json.JsonSerializer.Serialize(copy.Coverage("坂田街道")));
            Assert.Equal("u_zhang", copy.FindUserByChannel("wecom", "ZhangWei")?.Id);
            Assert.Equal([MassOrganizationKind.TradeUnion], copy.FindOrganization(huading.Id)!.MassOrganizations);

            // The visit taken back on LiteDB had its id retired there: the next visit on PostgreSQL goes past it, and undo still works.
            var next = await copy.RecordAsync("u_zhang", new Visit { OrganizationId = yunqi.Id, Date = Today });
            Assert.True(Assert.Single(next.Records).Id > Assert.Single(undone.Records).Id);
            Assert.True(next.AuditId > auditBefore.Max(e => e.Id));
            var undo = await copy.UndoLastAsync("u_zhang");
            Assert.Equal(next.AuditId, undo!.UndoneAuditId);
            var secondUndo = await copy.UndoLastAsync("u_zhang");
            Assert.Equal(WorkCoverageMeasure.TradeUnion, Assert.IsType<WorkCoverage>(Assert.Single(secondUndo!.Removed)).Measure);
            Assert.Empty(copy.FindOrganization(huading.Id)!.MassOrganizations);
        }
        finally
        {
            PostgresCluster.Instance.DropDatabase(target);
        }
    }

    [Fact]
    public async Task A_target_that_already_holds_data_or_a_missing_file_is_refused_in_chinese_and_nothing_is_written()
    {
        using var target = await TestStore.WithFixtureAsync(StoreEngineKind.Postgres);
        using var source = await TestStore.WithFixtureAsync(StoreEngineKind.LiteDb);
        var file = source.DatabasePath;
        source.Store.Dispose();

        var refused = await Assert.ThrowsAsync<StoreException>(() => StoreMigration.CopyAsync(file, target.ConnectionString!));
        Assert.Contains("已有数据", refused.Message, StringComparison.Ordinal);
        Assert.Equal(32, PostgresEngineTests.Scalar(target.ConnectionString!, "SELECT count(*) FROM organizations"));
        Assert.Equal(8, PostgresEngineTests.Scalar(target.ConnectionString!, "SELECT count(*) FROM users"));

        var missing = await Assert.ThrowsAsync<StoreException>(() => StoreMigration.CopyAsync(Path.Combine(source.Folder, "none.db"), target.ConnectionString!));
        Assert.Contains("找不到数据库文件", missing.Message, StringComparison.Ordinal);
    }

    private static string[] Describe(IEnumerable<RecordRequest> records) =>
        records.Select(r => $"{r.Kind}:{r.Id}:{r.OrganizationId}:{r.Date}:{r.ReportedBy}:{r.RecordedAt.ToUnixTimeMilliseconds()}:{System.Text.Json.JsonSerializer.Serialize(r, r.GetType())}").ToArray();
}
