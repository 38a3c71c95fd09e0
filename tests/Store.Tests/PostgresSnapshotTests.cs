using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Tests;

/// <summary>
/// Issue 16: two stores (two hosts) on one PostgreSQL database keep their in-memory snapshots of organisations and users
/// fresh without a restart (<c>NOTIFY instructorbot_changes</c> sent by the committing write, <c>Postgres/PostgresChanges</c>).
/// </summary>
public sealed class PostgresSnapshotTests
{
    private static readonly DateOnly Today = new(2026, 11, 17);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_import_on_one_store_is_seen_by_another_store_on_the_same_database_without_reopening()
    {
        using var test = TestStore.Empty(StoreEngineKind.Postgres);
        using var other = InstructorStore.Open(test.Options);
        Assert.Empty(other.Organizations());
        var namesBefore = other.OrganizationNamesVersion;

        Assert.True((await test.Store.ImportLedgerAsync(TestStore.Data("ledger.csv"))).Succeeded);
        Assert.True((await test.Store.ImportUsersAsync(TestStore.Data("users.csv"))).Succeeded);

        await WaitUntilAsync(() => other.Organizations().Count == test.Store.Organizations().Count && other.FindUser("u_zhang") is not null);
        Assert.Equal(32, other.Organizations().Count);
        Assert.NotNull(other.FindOrganizationByName("深圳市云启科技有限公司"));
        Assert.NotEqual(namesBefore, other.OrganizationNamesVersion);
        Assert.Equal(test.Store.Coverage("坂田街道"), other.Coverage("坂田街道"), CoverageComparer.Instance);
    }

    [Fact]
    public async Task A_record_on_one_store_changes_the_figures_the_other_store_reports()
    {
        using var test = await TestStore.WithFixtureAsync(StoreEngineKind.Postgres);
        using var other = InstructorStore.Open(test.Options);
        var yunqi = other.FindOrganizationByName("深圳市云启科技有限公司")!;
        var before = other.Coverage("坂田街道")!;

        await test.Store.RecordAsync("u_zhang", new Formation
        {
            OrganizationId = yunqi.Id, Date = Today, Method = FormationMethod.Single, Level = PartyOrganizationLevel.Branch,
            Members = 6, Secretary = "周海涛",
        });

        await WaitUntilAsync(() => other.FindOrganization(yunqi.Id)!.PartyOrganization.IsFormed);
        var after = other.Coverage("坂田街道")!;
        Assert.Equal(before.Covered + 1, after.Covered);
        Assert.Equal(test.Store.Coverage("坂田街道"), after, CoverageComparer.Instance);
    }

    [Fact]
    public async Task Interleaved_writes_of_one_unit_from_two_stores_leave_both_snapshots_equal_to_the_database()
    {
        using var test = await TestStore.WithFixtureAsync(StoreEngineKind.Postgres);
        using var other = InstructorStore.Open(test.Options);
        var yunqi = test.Store.FindOrganizationByName("深圳市云启科技有限公司")!;

        await Task.WhenAll(new[] { test.Store, other }.Select(store => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await store.RecordAsync("u_zhang", new MemberDiscovery { OrganizationId = yunqi.Id, Date = Today, Count = 1 });
            }
        })));

        using var fresh = InstructorStore.Open(test.Options);
        var stored = fresh.FindOrganization(yunqi.Id)!;
        Assert.Equal(yunqi.PartyMembers + 20, stored.PartyMembers);
        await WaitUntilAsync(() => test.Store.FindOrganization(yunqi.Id)!.PartyMembers == stored.PartyMembers
            && other.FindOrganization(yunqi.Id)!.PartyMembers == stored.PartyMembers);
    }

    [Fact]
    public async Task A_user_imported_on_one_store_can_be_found_on_the_other()
    {
        using var test = await TestStore.WithFixtureAsync(StoreEngineKind.Postgres);
        using var other = InstructorStore.Open(test.Options);
        Assert.Null(other.FindUser("u_newcomer"));
        var users = File.ReadAllText(TestStore.Data("users.csv")).TrimEnd() + "\nu_newcomer,陈新,指导员,龙岗区/坂田街道\n";

        Assert.True((await test.Store.ImportUsersAsync(test.WriteFile("users-more.csv", users))).Succeeded);

        await WaitUntilAsync(() => other.FindUser("u_newcomer") is not null);
        Assert.Equal("陈新", other.FindUser("u_newcomer")!.Name);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the other store did not see the change in time");
            await Task.Delay(50);
        }
    }

    /// <summary>Compares two reports by their figures (the lists by content).</summary>
    private sealed class CoverageComparer : IEqualityComparer<Figures.CoverageReport?>
    {
        public static CoverageComparer Instance { get; } = new();

        public bool Equals(Figures.CoverageReport? x, Figures.CoverageReport? y) =>
            x is not null && y is not null && x with { UnformedRequired = [], MembersRequired = [] } == y with { UnformedRequired = [], MembersRequired = [] }
            && x.UnformedRequired.SequenceEqual(y.UnformedRequired) && x.MembersRequired.SequenceEqual(y.MembersRequired);

        public int GetHashCode(Figures.CoverageReport? obj) => obj?.Scope.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
