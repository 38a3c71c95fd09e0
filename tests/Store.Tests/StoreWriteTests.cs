using LiteDB;
using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Tests;

public sealed class StoreWriteTests
{
    private static readonly DateOnly Today = new(2026, 11, 17);

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_single_formation_marks_the_organisation_covered_and_survives_a_reopen(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var yunqi = test.Store.FindOrganizationByName("深圳市云启科技有限公司")!;
        Assert.False(yunqi.PartyOrganization.IsFormed);

        await test.Store.RecordAsync("u_zhang", new Formation
        {
            OrganizationId = yunqi.Id, Date = Today, Method = FormationMethod.Single, Level = PartyOrganizationLevel.Branch,
            Members = 6, Secretary = "周海涛",
        });

        foreach (var store in new[] { test.Store, test.Reopen() })
        {
            var after = store.FindOrganization(yunqi.Id)!;
            Assert.Equal(PartyOrganizationKind.Single, after.PartyOrganization.Kind);
            Assert.Equal(PartyOrganizationLevel.Branch, after.PartyOrganization.Level);
            Assert.Equal("周海涛", after.PartyOrganization.Secretary);
            Assert.Equal(Today, after.PartyOrganization.FormedOn);
        }
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_visit_moves_the_organisations_version_but_not_the_names_version_and_a_rename_moves_both(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var yunqi = test.Store.FindOrganizationByName("深圳市云启科技有限公司")!;
        var (version, names) = (test.Store.OrganizationsVersion, test.Store.OrganizationNamesVersion);

        await test.Store.RecordAsync("u_zhang", new Visit { OrganizationId = yunqi.Id, Date = Today });
        await test.Store.RecordAsync("u_zhang", new MemberDiscovery { OrganizationId = yunqi.Id, Date = Today, Count = 2 });

        Assert.True(test.Store.OrganizationsVersion > version);
        Assert.Equal(names, test.Store.OrganizationNamesVersion);
        Assert.Equal(yunqi.PartyMembers + 2, test.Store.FindOrganizationByName("深圳市云启科技有限公司")!.PartyMembers);
        Assert.Equal(yunqi.PartyMembers + 2, test.Store.FindOrganizationByCreditCode(yunqi.CreditCode!)!.PartyMembers);
        Assert.Equal(yunqi.PartyMembers + 2, test.Store.Organizations().Single(o => o.Id == yunqi.Id).PartyMembers);
        Assert.Equal(test.Store.Organizations().Select(o => o.Id).Order(), test.Store.Organizations().Select(o => o.Id));

        var ledger = File.ReadAllText(TestStore.Data("ledger.csv")).Replace("深圳市云启科技有限公司", "深圳市云启智能科技有限公司", StringComparison.Ordinal);
        var report = await test.Store.ImportLedgerAsync(test.WriteFile("renamed.csv", ledger));

        Assert.Equal(1, report.Updated);
        Assert.True(test.Store.OrganizationNamesVersion > names);
        Assert.Equal("深圳市云启智能科技有限公司", test.Store.FindOrganization(yunqi.Id)!.Name);
        Assert.Equal(yunqi.Id, test.Store.FindOrganizationByName("深圳市云启智能科技有限公司")!.Id);
        Assert.Null(test.Store.FindOrganizationByName("深圳市云启科技有限公司"));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_joint_formation_marks_every_unit_it_covers(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var shunda = test.Store.FindOrganizationByName("深圳市顺达快递服务有限公司")!;
        var jiahe = test.Store.FindOrganizationByName("深圳市佳和餐饮管理有限公司")!;
        var chengxin = test.Store.FindOrganizationByName("深圳市诚信会计师事务所")!;
        var version = test.Store.OrganizationsVersion;

        var receipt = await test.Store.RecordAsync("u_liu", new Formation
        {
            OrganizationId = shunda.Id, Date = Today, Method = FormationMethod.Joint, JointMode = JointMode.Regional,
            UnitIds = [jiahe.Id, chengxin.Id],
        });

        var formation = Assert.IsType<Formation>(Assert.Single(receipt.Records));
        Assert.Equal([shunda.Id, jiahe.Id, chengxin.Id], formation.UnitIds);
        Assert.Equal(["深圳市顺达快递服务有限公司", "深圳市佳和餐饮管理有限公司", "深圳市诚信会计师事务所"], formation.UnitNames);
        foreach (var id in formation.UnitIds)
        {
            var unit = test.Store.FindOrganization(id)!;
            Assert.Equal(PartyOrganizationKind.Joint, unit.PartyOrganization.Kind);
            Assert.Equal(JointMode.Regional, unit.PartyOrganization.JointMode);
            Assert.Equal(formation.Id, unit.PartyOrganization.JointFormationId);
        }

        Assert.True(test.Store.OrganizationsVersion > version);
        Assert.Single(test.Store.Formations(new Jurisdiction("龙岗区", "布吉街道"), Today, Today));
        Assert.Empty(test.Store.Formations(new Jurisdiction("龙岗区", "坂田街道"), Today, Today));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_member_discovery_raises_the_member_count_and_is_audited_with_before_and_after(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var shunda = test.Store.FindOrganizationByName("深圳市顺达快递服务有限公司")!;
        Assert.Equal(2, shunda.PartyMembers);

        var receipt = await test.Store.RecordAsync("u_liu", new MemberDiscovery
        {
            OrganizationId = shunda.Id, Date = Today, Count = 2, Categories = new MemberCategories { Pocket = 1, Flowing = 1 },
        });

        Assert.Equal(4, test.Store.FindOrganization(shunda.Id)!.PartyMembers);
        var audit = test.Store.AuditOf("u_liu")[0];
        Assert.Equal(receipt.AuditId, audit.Id);
        Assert.Equal(2, Assert.Single(audit.Before).PartyMembers);
        Assert.Equal(4, Assert.Single(audit.After).PartyMembers);
        var stored = Assert.IsType<MemberDiscovery>(Assert.Single(test.Reopen().RecordsBy("u_liu")));
        Assert.Equal(1, stored.Categories.Pocket);
        Assert.Equal("u_liu", stored.ReportedBy);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Work_coverage_sets_the_instructor_or_adds_a_mass_organisation_and_updates_replace_given_fields(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var lanhai = test.Store.FindOrganizationByName("深圳市蓝海跨境电子商务有限公司")!;
        Assert.Null(lanhai.Instructor);

        await test.Store.RecordAsync("u_zhang", [
            new WorkCoverage { OrganizationId = lanhai.Id, Date = Today, Measure = WorkCoverageMeasure.Instructor, Person = "李明" },
            new WorkCoverage { OrganizationId = lanhai.Id, Date = Today, Measure = WorkCoverageMeasure.TradeUnion },
            new OrganizationUpdate { OrganizationId = lanhai.Id, Date = Today, Employees = 75, Status = OperatingStatus.Normal },
        ]);

        var after = test.Store.FindOrganization(lanhai.Id)!;
        Assert.Equal("李明", after.Instructor);
        Assert.Equal([MassOrganizationKind.TradeUnion], after.MassOrganizations);
        Assert.Equal(75, after.Employees);
        Assert.Equal(0, after.PartyMembers);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Undo_takes_back_the_last_write_and_restores_the_organisation(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var qinghe = test.Store.FindOrganizationByName("深圳市青禾文化传媒有限公司")!;
        await test.Store.RecordAsync("u_zhang", new Visit { OrganizationId = qinghe.Id, Date = Today });
        await test.Store.RecordAsync("u_zhang", [
            new MemberDiscovery { OrganizationId = qinghe.Id, Date = Today, Count = 3 },
            new Formation { OrganizationId = qinghe.Id, Date = Today, Method = FormationMethod.Single },
        ]);
        Assert.Equal(4, test.Store.FindOrganization(qinghe.Id)!.PartyMembers);

        var undo = await test.Store.UndoLastAsync("u_zhang");

        Assert.NotNull(undo);
        Assert.Equal(2, undo.Removed.Count);
        var restored = test.Reopen().FindOrganization(qinghe.Id)!;
        Assert.Equal(1, restored.PartyMembers);
        Assert.False(restored.PartyOrganization.IsFormed);
        Assert.IsType<Visit>(Assert.Single(test.Store.RecordsBy("u_zhang")));

        Assert.NotNull(await test.Store.UndoLastAsync("u_zhang"));
        Assert.Empty(test.Store.RecordsBy("u_zhang"));
        Assert.Null(await test.Store.UndoLastAsync("u_zhang"));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_write_about_an_unknown_organisation_fails_alone_and_leaves_the_others_of_its_group_written(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var ids = test.Store.Organizations().Select(o => o.Id).ToArray();
        var writes = ids.Select(id => test.Store.RecordAsync("u_zhang", new Visit { OrganizationId = id, Date = Today }))
            .Append(test.Store.RecordAsync("u_zhang", new MemberDiscovery { OrganizationId = 99999, Date = Today, Count = 1 }))
            .ToArray();

        var failure = await Assert.ThrowsAsync<StoreException>(() => writes[^1]);
        Assert.Contains("找不到单位", failure.Message, StringComparison.Ordinal);
        await Task.WhenAll(writes[..^1]);
        Assert.Equal(ids.Length, test.Reopen().Visits(Jurisdiction.Everywhere, Today, Today).Count);
        Assert.Empty(test.Store.MemberDiscoveries(Jurisdiction.Everywhere, Today, Today));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Many_concurrent_writers_are_all_durable(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var ids = test.Store.Organizations().Select(o => o.Id).ToArray();
        var tasks = Enumerable.Range(0, 400).Select(i => Task.Run(() => test.Store.RecordAsync(
            $"u{i % 7}", new MemberDiscovery { OrganizationId = ids[i % ids.Length], Date = Today, Count = 1 }))).ToArray();
        var receipts = await Task.WhenAll(tasks);

        Assert.Equal(400, receipts.Select(r => r.Records[0].Id).Distinct().Count());
        var reopened = test.Reopen();
        Assert.Equal(400, reopened.MemberDiscoveries(Jurisdiction.Everywhere, Today, Today).Count);
        var fixtureMembers = 6 + 12 + 2 + 1 + 0 + 4 + 2 + 8 + 0 + 63 + 3 + 1 + 2 + 5 + 0 + 0 + 0 + 1 + 0 + 1 + 1 + 9 + 4 + 3 + 1 + 2 + 1 + 5 + 11 + 5 + 0 + 0;
        Assert.Equal(fixtureMembers + 400, reopened.Organizations().Sum(o => o.PartyMembers));
    }

    [Fact]
    public void A_second_open_of_the_same_file_is_refused_with_a_chinese_message()
    {
        using var test = TestStore.Empty();
        var refused = Assert.Throws<StoreException>(() => InstructorStore.Open(test.DatabasePath));
        Assert.Contains("数据库正被另一个进程使用", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generic_writes_and_reads_reach_a_feature_collection_and_backup_copies_a_consistent_file()
    {
        using var test = await TestStore.WithFixtureAsync();
        await test.Store.WriteAsync(db => db.GetCollection<ProcessedMessage>("processed")
            .Insert(new ProcessedMessage { Id = "wecom:1", At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123) }));
        Assert.Equal(1, test.Store.Read(db => db.GetCollection<ProcessedMessage>("processed").Count()));

        var copy = System.IO.Path.Combine(test.Folder, "backup", "copy.db");
        await test.Store.BackupAsync(copy);
        using var restored = InstructorStore.Open(copy);
        Assert.Equal(32, restored.Organizations().Count);
        Assert.Equal(8, restored.Users().Count);
        Assert.Equal(1_700_000_000_123, restored.Read(db => db.GetCollection<ProcessedMessage>("processed").FindById("wecom:1").At.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void Ensure_collection_creates_an_empty_indexed_collection_that_survives_a_reopen_and_is_idempotent()
    {
        using var test = TestStore.Empty();

        test.Store.EnsureCollection("feature_plain");
        test.Store.EnsureCollection("feature_indexed", c => c.EnsureIndex("UserId"));
        test.Store.EnsureCollection("feature_indexed", c => c.EnsureIndex("UserId"));

        var reopened = test.Reopen();
        Assert.True(reopened.Read(db => db.CollectionExists("feature_plain")));
        Assert.Equal(0, reopened.Read(db => db.GetCollection("feature_plain").Count()));
        var indexes = reopened.Read(db => db.GetCollection("$indexes").Find("collection = 'feature_indexed'").Select(i => i["name"].AsString).ToList());
        Assert.Contains("UserId", indexes);
    }

    [Fact]
    public async Task Readers_of_an_ensured_collection_race_its_first_writes_without_breaking_the_engine()
    {
        using var test = TestStore.Empty();
        test.Store.EnsureCollection("feature_race");
        var done = false;
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Factory.StartNew(
            () =>
            {
                var reads = 0;
                do
                {
                    test.Store.Read(db => db.GetCollection<ProcessedMessage>("feature_race").FindById("wecom:0"));
                    reads++;
                }
                while (!Volatile.Read(ref done));

                return reads;
            },
            TaskCreationOptions.LongRunning)).ToArray();

        for (var i = 0; i < 200; i++)
        {
            var id = $"wecom:{i}";
            await test.Store.WriteAsync(db => db.GetCollection<ProcessedMessage>("feature_race").Insert(new ProcessedMessage { Id = id }));
        }

        Volatile.Write(ref done, true);
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));
        Assert.Equal(200, test.Store.Read(db => db.GetCollection("feature_race").Count()));
        Assert.Equal(0, test.Store.Read(db => db.GetCollection("feature_race").Count(Query.EQ("_id", "__created__"))));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Saving_a_user_binds_a_channel_identity(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var zhang = test.Store.FindUser("u_zhang")!;
        await test.Store.SaveUserAsync(zhang with { ChannelIdentities = [new ChannelIdentity("wecom", "ZhangWei")] });
        Assert.Equal("u_zhang", test.Reopen().FindUserByChannel("wecom", "ZhangWei")?.Id);
        Assert.Equal(new Jurisdiction("龙岗区", "坂田街道"), test.Store.FindUser("u_zhang")!.Jurisdiction);
    }
}
