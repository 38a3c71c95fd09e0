using InstructorBot.Store.Documents;
using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Tests;

/// <summary>A host document as the features keep them: a record with a text id, an enum, a list, nullable numbers.</summary>
public sealed record TestDocument
{
    public string Id { get; init; } = "";

    public string Channel { get; init; } = "";

    public string UserId { get; init; } = "";

    public string? Key { get; init; }

    public long AtMs { get; init; }

    public long? UsedAtMs { get; init; }

    public DayOfWeek Day { get; init; }

    public IReadOnlyList<int> Numbers { get; init; } = [];

    public bool IsLate => AtMs > 1000;
}

/// <summary>A document the store numbers (as notices and one-time codes are).</summary>
public sealed record NumberedDocument
{
    public int Id { get; init; }

    public string Key { get; init; } = "";
}

/// <summary>
/// The host's documents (issue 16, second phase) on both engines: the same calls, the same answers, written in the
/// store's transaction so a document and the records of the same write are durable together or not at all.
/// </summary>
public sealed class DocumentTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_document_is_stored_whole_found_by_id_replaced_and_deleted(StoreEngineKind engine)
    {
        using var test = TestStore.Empty(engine);
        var first = new TestDocument { Id = "wecom:1", Channel = "wecom", UserId = "u_zhang", AtMs = 5, Day = DayOfWeek.Friday, Numbers = [3, 1, 2] };
        await test.Store.WriteDocumentsAsync(d => { d.Upsert("feature", first.Id, first); return true; });

        var found = test.Store.Documents.Find<TestDocument>("feature", "wecom:1");
        Assert.Equal(first with { Numbers = found!.Numbers }, found);
        Assert.Equal([3, 1, 2], found.Numbers);
        Assert.Null(test.Store.Documents.Find<TestDocument>("feature", "wecom:2"));
        Assert.Null(test.Store.Documents.Find<TestDocument>("other", "wecom:1"));

        await test.Store.WriteDocumentsAsync(d => { d.Upsert("feature", first.Id, first with { UsedAtMs = 9 }); return true; });
        Assert.Equal(9, test.Reopen().Documents.Find<TestDocument>("feature", "wecom:1")!.UsedAtMs);
        Assert.Equal(1, test.Store.Documents.Count("feature"));

        Assert.True(await test.Store.WriteDocumentsAsync(d => d.Delete("feature", "wecom:1")));
        Assert.False(await test.Store.WriteDocumentsAsync(d => d.Delete("feature", "wecom:1")));
        Assert.Equal(0, test.Store.Documents.Count("feature"));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Insert_if_absent_keeps_the_first_document_and_says_the_second_was_not_written(StoreEngineKind engine)
    {
        using var test = TestStore.Empty(engine);
        var first = new TestDocument { Id = "dingtalk:7", Key = "first" };
        Assert.True(await test.Store.WriteDocumentsAsync(d => d.TryInsert("feature", first.Id, first)));
        Assert.False(await test.Store.WriteDocumentsAsync(d => d.TryInsert("feature", first.Id, first with { Key = "second" })));
        Assert.Equal("first", test.Store.Documents.Find<TestDocument>("feature", "dingtalk:7")!.Key);

        // The same id in another collection is another document.
        Assert.True(await test.Store.WriteDocumentsAsync(d => d.TryInsert("feature_b", first.Id, first)));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_document_written_with_a_record_commits_with_it_or_not_at_all(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var yunqi = test.Store.FindOrganizationByName("深圳市云启科技有限公司")!;
        var receipt = await test.Store.RecordAsync(
            "u_zhang", [new Visit { OrganizationId = yunqi.Id, Date = Today }], (d, r) => d.TryInsert("turns", "web:1", new TestDocument { Id = "web:1", Key = r.Records[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(receipt.Records[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), test.Store.Documents.Find<TestDocument>("turns", "web:1")!.Key);

        // The second write's document is refused inside the transaction: its records, effects and audit go with it.
        var members = test.Store.FindOrganization(yunqi.Id)!.PartyMembers;
        await Assert.ThrowsAsync<InvalidOperationException>(() => test.Store.RecordAsync(
            "u_zhang", [new MemberDiscovery { OrganizationId = yunqi.Id, Date = Today, Count = 2 }], (d, _) =>
            {
                if (!d.TryInsert("turns", "web:1", new TestDocument { Id = "web:1", Key = "again" }))
                {
                    throw new InvalidOperationException("handled before");
                }
            }));
        Assert.Single(test.Store.RecordsBy("u_zhang"));
        Assert.Equal(members, test.Reopen().FindOrganization(yunqi.Id)!.PartyMembers);
        Assert.Equal(receipt.Records[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), test.Store.Documents.Find<TestDocument>("turns", "web:1")!.Key);
        Assert.Equal(1, test.Store.Documents.Count("turns"));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_latest_of_a_partition_are_read_newest_first_exactly_before_a_time(StoreEngineKind engine)
    {
        using var test = TestStore.Empty(engine);
        test.Store.EnsureCollection("history", c => c.EnsureIndex("History", LiteDbDocuments.LatestKey(["Channel", "UserId"], "AtMs")));
        await test.Store.WriteDocumentsAsync(d =>
        {
            for (var i = 1; i <= 6; i++)
            {
                d.Upsert("history", $"web:{i}", new TestDocument { Id = $"web:{i}", Channel = "web", UserId = "u_zhang", AtMs = i * 1000L });
            }

            // Other users, channels and a user id differing only in case are other partitions.
            d.Upsert("history", "web:x", new TestDocument { Id = "web:x", Channel = "web", UserId = "U_ZHANG", AtMs = 5500 });
            d.Upsert("history", "wecom:y", new TestDocument { Id = "wecom:y", Channel = "wecom", UserId = "u_zhang", AtMs = 5600 });
            d.Upsert("history", "web:z", new TestDocument { Id = "web:z", Channel = "web", UserId = "u_liu", AtMs = 5700 });
            return true;
        });

        (string, string)[] zhang = [("Channel", "web"), ("UserId", "u_zhang")];
        Assert.Equal(["web:6", "web:5", "web:4"], test.Store.Documents.Latest<TestDocument>("history", zhang, "AtMs", null, 3).Select(d => d.Id));
        Assert.Equal(["web:4", "web:3"], test.Store.Documents.Latest<TestDocument>("history", zhang, "AtMs", 5000, 2).Select(d => d.Id));
        Assert.Equal(["web:x"], test.Store.Documents.Latest<TestDocument>("history", [("Channel", "web"), ("UserId", "U_ZHANG")], "AtMs", null, 10).Select(d => d.Id));
        Assert.Empty(test.Store.Documents.Latest<TestDocument>("history", zhang, "AtMs", 1000, 10));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Old_documents_are_deleted_oldest_first_in_batches(StoreEngineKind engine)
    {
        using var test = TestStore.Empty(engine);
        await test.Store.WriteDocumentsAsync(d =>
        {
            foreach (var at in new long[] { 50, 10, 40, 20, 30, 60 })
            {
                d.Upsert("sweep", "m" + at, new TestDocument { Id = "m" + at, AtMs = at });
            }

            return true;
        });

        Assert.Equal(2, await test.Store.WriteDocumentsAsync(d => d.DeleteOlderThan("sweep", "AtMs", 45, 2)));
        Assert.Equal(["m30", "m40", "m50", "m60"], test.Store.Documents.All<TestDocument>("sweep").Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, await test.Store.WriteDocumentsAsync(d => d.DeleteOlderThan("sweep", "AtMs", 45, 10)));
        Assert.Equal(0, await test.Store.WriteDocumentsAsync(d => d.DeleteOlderThan("sweep", "AtMs", 45, 10)));
        Assert.Equal(2, test.Store.Documents.Count("sweep"));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Numbered_documents_get_numbers_never_given_twice_and_are_found_by_field(StoreEngineKind engine)
    {
        using var test = TestStore.Empty(engine);
        var a = await test.Store.WriteDocumentsAsync(d => d.InsertWithNewId("numbered", id => new NumberedDocument { Id = id, Key = "a|digest" }));
        var b = await test.Store.WriteDocumentsAsync(d => d.InsertWithNewId("numbered", id => new NumberedDocument { Id = id, Key = "b|digest" }));
        Assert.True(a!.Id > 0);
        Assert.True(b!.Id > a.Id);
        Assert.Equal(b, test.Store.Documents.Find<NumberedDocument>("numbered", b.Id));
        Assert.Equal([a], test.Store.Documents.Where<NumberedDocument>("numbered", "Key", "a|digest"));
        Assert.Empty(test.Store.Documents.Where<NumberedDocument>("numbered", "Key", "c|digest"));

        await test.Store.WriteDocumentsAsync(d => d.Delete("numbered", b.Id));
        var c = await test.Store.WriteDocumentsAsync(d => d.InsertWithNewId("numbered", id => new NumberedDocument { Id = id, Key = "c|digest" }));
        Assert.NotEqual(a.Id, c!.Id);
        Assert.Equal(2, test.Store.Documents.All<NumberedDocument>("numbered").Count);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Clearing_the_store_empties_the_documents_too(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        test.Store.EnsureCollection("workspace");
        await test.Store.WriteDocumentsAsync(d => { d.Upsert("workspace", "demo", new TestDocument { Id = "demo", Key = "Active" }); return true; });
        await test.Store.ClearAsync();
        Assert.Null(test.Store.Documents.Find<TestDocument>("workspace", "demo"));
        Assert.Empty(test.Store.Organizations());
    }

    [Fact]
    public async Task On_postgres_the_LiteDB_only_calls_say_so_and_collections_need_no_creating()
    {
        using var test = await TestStore.WithFixtureAsync(StoreEngineKind.Postgres);
        var read = Assert.Throws<StoreException>(() => test.Store.Read(db => db.CollectionExists("turns")));
        Assert.Contains("Documents", read.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StoreException>(() => test.Store.WriteAsync(db => db.CollectionExists("turns")));

        // Every collection is a part of the one documents table: creating one does nothing and needs nothing.
        test.Store.EnsureCollection("turns", c => c.EnsureIndex("AtMs", "$.AtMs"));
        Assert.Equal(0, test.Store.Documents.Count("turns"));
        Assert.Equal(0, PostgresEngineTests.Scalar(test.ConnectionString!, "SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task Two_stores_on_one_postgres_database_write_a_contested_key_once()
    {
        using var test = await TestStore.WithFixtureAsync(StoreEngineKind.Postgres);
        using var second = InstructorStore.Open(test.Options);
        var yunqi = test.Store.FindOrganizationByName("深圳市云启科技有限公司")!;

        // A retry storm: each message id sent to both stores at once, each store writing its record and the handled
        // mark in one transaction and giving up (rolling back) when the mark is taken.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(i => new[] { test.Store, second }.Select(store => Task.Run(async () =>
        {
            try
            {
                await store.RecordAsync("u_zhang", [new Visit { OrganizationId = yunqi.Id, Date = Today }], (d, _) =>
                {
                    if (!d.TryInsert("turns", $"wecom:{i}", new TestDocument { Id = $"wecom:{i}" }))
                    {
                        throw new InvalidOperationException("handled by the other store");
                    }
                });
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }))));

        Assert.Equal(20, outcomes.Count(written => written));
        Assert.Equal(20, test.Store.RecordsBy("u_zhang").Count);
        Assert.Equal(20, second.Documents.Count("turns"));

        // Numbered documents under a unique key (notices: documents_notice_key): one of two concurrent claims gets it.
        var claims = await Task.WhenAll(new[] { test.Store, second }.Select(store => Task.Run(() =>
            store.WriteDocumentsAsync(d => d.InsertWithNewId("notices", id => new NumberedDocument { Id = id, Key = "u_zhang|digest|2026-12-07" })))));
        Assert.Single(claims, c => c is not null);
        Assert.Equal(1, test.Store.Documents.Count("notices"));
    }

    [Fact]
    public async Task A_key_held_by_one_store_makes_a_second_store_on_the_database_wait_until_it_is_let_go()
    {
        using var test = TestStore.Empty(StoreEngineKind.Postgres);
        using var second = InstructorStore.Open(test.Options);
        var held = await test.Store.HoldAsync("sender\nwecom\nZhangWei");
        Assert.NotNull(held);

        var waiting = second.HoldAsync("sender\nwecom\nZhangWei");
        var other = await second.HoldAsync("sender\nwecom\nLiuYang");
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(taken);
        await taken.DisposeAsync();
        await other!.DisposeAsync();

        // A wait given up is no hold: the key is free for the next one.
        var blocker = await test.Store.HoldAsync("k");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.HoldAsync("k", cancel.Token));
        await blocker!.DisposeAsync();
        await (await second.HoldAsync("k").WaitAsync(TimeSpan.FromSeconds(30)))!.DisposeAsync();
    }

    [Fact]
    public async Task A_hold_whose_connection_was_killed_lets_go_without_an_error_and_frees_its_key()
    {
        using var test = TestStore.Empty(StoreEngineKind.Postgres);
        using var second = InstructorStore.Open(test.Options);
        var held = await test.Store.HoldAsync("sender\nwecom\nZhangWei");
        Assert.NotNull(held);
        var waiting = second.HoldAsync("sender\nwecom\nZhangWei");
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        // The holder's backend dies (an administrator, a failover): the key is free at once, and letting go of the dead
        // hold does not throw into the turn that held it.
        Assert.Equal(1, PostgresEngineTests.Scalar(test.ConnectionString!, """
            SELECT count(pg_terminate_backend(pid)) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND classid = 1229082451
            """));
        var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(taken);
        await held.DisposeAsync();
        await taken.DisposeAsync();
        await (await test.Store.HoldAsync("sender\nwecom\nZhangWei").WaitAsync(TimeSpan.FromSeconds(30)))!.DisposeAsync();
    }

    [Fact]
    public async Task On_litedb_nothing_is_held_the_process_owns_the_file()
    {
        using var test = TestStore.Empty(StoreEngineKind.LiteDb);
        Assert.Null(await test.Store.HoldAsync("sender\nwecom\nZhangWei"));
    }
}
