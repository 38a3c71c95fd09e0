using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Tests;

/// <summary>
/// Issue 10, item 8: record ids are never reused. An undo deleted the newest visit, LiteDB's auto-id restarted from the
/// largest id left when the file was opened again, and two audit entries named <c>visit:1</c> for different records.
/// </summary>
public sealed class RecordIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_record_written_after_an_undo_and_a_restart_gets_a_new_id_and_the_audit_trail_names_each_record_once(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var qinghe = test.Store.FindOrganizationByName("深圳市青禾文化传媒有限公司")!;

        var first = await test.Store.RecordAsync("u_zhang", new Visit { OrganizationId = qinghe.Id, Date = Today });
        await test.Store.UndoLastAsync("u_zhang");
        var second = await test.Reopen().RecordAsync("u_zhang", new Visit { OrganizationId = qinghe.Id, Date = Today });
        await test.Store.UndoLastAsync("u_zhang");
        var third = await test.Reopen().RecordAsync("u_zhang", new Visit { OrganizationId = qinghe.Id, Date = Today });
        var fourth = await test.Store.RecordAsync("u_zhang", new Visit { OrganizationId = qinghe.Id, Date = Today });

        var ids = new[] { first, second, third, fourth }.Select(r => Assert.Single(r.Records).Id).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(4, ids.Distinct().Count());
        var recorded = test.Store.AuditOf("u_zhang").Where(e => e.Action == "record").SelectMany(e => e.Records).ToList();
        Assert.Equal(recorded.Count, recorded.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Ids_of_each_kind_keep_rising_within_one_process_after_undos(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var qinghe = test.Store.FindOrganizationByName("深圳市青禾文化传媒有限公司")!;
        var seen = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var receipt = await test.Store.RecordAsync("u_zhang", new MemberDiscovery { OrganizationId = qinghe.Id, Date = Today, Count = 1 });
            seen.Add(Assert.Single(receipt.Records).Id);
            await test.Store.UndoLastAsync("u_zhang");
        }

        Assert.Equal(3, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);
    }
}
