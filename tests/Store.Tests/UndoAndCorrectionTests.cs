using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Tests;

/// <summary>Undo of an older write by its audit id and corrections (undo + amended records in one transaction), on a real LiteDB file.</summary>
public sealed class UndoAndCorrectionTests
{
    private const int Qinghe = 4; // 深圳市青禾文化传媒有限公司, 1 party member in the fixture

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Undoing_an_older_write_removes_its_records_and_reverts_only_its_own_member_difference(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var first = await test.Store.RecordAsync("u_zhang", new MemberDiscovery { OrganizationId = Qinghe, Date = new DateOnly(2026, 11, 20), Count = 2 });
        await test.Store.RecordAsync("u_zhang", new MemberDiscovery { OrganizationId = Qinghe, Date = new DateOnly(2026, 11, 21), Count = 1 });

        var undone = await test.Store.UndoAsync("u_zhang", first.AuditId);

        Assert.NotNull(undone);
        Assert.Equal(1, Assert.Single(test.Store.RecordsBy("u_zhang").OfType<MemberDiscovery>()).Count);
        Assert.Equal(1 + 1, test.Store.FindOrganization(Qinghe)!.PartyMembers);
        Assert.Null(await test.Store.UndoAsync("u_zhang", first.AuditId));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Nobody_undoes_another_user_s_write_by_its_id(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var write = await test.Store.RecordAsync("u_zhang", new Visit { OrganizationId = Qinghe, Date = new DateOnly(2026, 11, 20) });

        Assert.Null(await test.Store.UndoAsync("u_liu", write.AuditId));
        Assert.Single(test.Store.RecordsBy("u_zhang"));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_correction_replaces_the_records_and_their_effect_and_names_the_entry_it_corrects_after_a_reopen(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var write = await test.Store.RecordAsync("u_zhang", new MemberDiscovery { OrganizationId = Qinghe, Date = new DateOnly(2026, 11, 20), Count = 2 });

        var corrected = await test.Store.CorrectAsync(
            "u_zhang", write.AuditId, [new MemberDiscovery { OrganizationId = Qinghe, Date = new DateOnly(2026, 11, 20), Count = 4 }]);
        var store = test.Reopen();

        Assert.NotNull(corrected);
        Assert.Equal(4, Assert.Single(store.RecordsBy("u_zhang").OfType<MemberDiscovery>()).Count);
        Assert.Equal(1 + 4, store.FindOrganization(Qinghe)!.PartyMembers);
        var audit = store.AuditOf("u_zhang");
        Assert.Equal(write.AuditId, audit.Single(e => e.Id == corrected!.Recorded.AuditId).Corrects);
        Assert.NotNull(audit.Single(e => e.Id == write.AuditId).UndoneBy);
        Assert.Equal(4, ((MemberDiscovery)Assert.Single(store.FindRecords(audit.Single(e => e.Id == corrected!.Recorded.AuditId).Records))).Count);
    }
}
