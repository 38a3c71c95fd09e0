using ClosedXML.Excel;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Export;
using InstructorBot.Store.Figures;

namespace InstructorBot.Store.Tests;

/// <summary>一企一策 in the store (the latest plan of a unit is its plan; undone with the write) and in the 台账 export's column group.</summary>
public sealed class FormationPlanExportTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "instructorbot-tests", Guid.NewGuid().ToString("N"));
    private readonly InstructorStore store;

    public FormationPlanExportTests()
    {
        Directory.CreateDirectory(folder);
        store = InstructorStore.Open(Path.Combine(folder, "bot.db"));
        store.ImportLedgerAsync(Path.Combine(AppContext.BaseDirectory, "data", "ledger.csv")).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private Organization Unit(string name) => store.FindOrganizationByName(name)!;

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_units_latest_plan_is_its_plan_and_an_undo_takes_it_back(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var yunqi = test.Store.FindOrganizationByName("深圳市云启科技有限公司")!.Id;
        await test.Store.RecordAsync("u_zhang", new FormationPlan { OrganizationId = yunqi, Date = new DateOnly(2026, 11, 1), Measures = "单独组建", Due = new DateOnly(2026, 12, 31) });
        await test.Store.RecordAsync("u_zhang", new FormationPlan { OrganizationId = yunqi, Date = new DateOnly(2026, 11, 2), Measures = "联合组建", Person = "张伟" });

        Assert.Equal("联合组建", test.Store.FormationPlans(new Jurisdiction("龙岗区")).Single().Value.Measures);
        Assert.Empty(test.Store.FormationPlans(new Jurisdiction("龙华区")));

        await test.Store.UndoLastAsync("u_zhang");
        Assert.Equal("单独组建", test.Store.FormationPlans(new Jurisdiction("龙岗区"))[yunqi].Measures);

        var reopened = test.Reopen();
        var plan = reopened.FormationPlans(new Jurisdiction("龙岗区"))[yunqi];
        Assert.Equal(("单独组建", (DateOnly?)new DateOnly(2026, 12, 31), (string?)null), (plan.Measures, plan.Due, plan.Person));
    }

    [Fact]
    public async Task The_ledger_export_ends_with_the_plan_column_group_and_each_plans_status_on_the_day()
    {
        var today = new DateOnly(2026, 11, 18);
        await store.RecordAsync("u_zhang", new FormationPlan { OrganizationId = Unit("深圳市云启科技有限公司").Id, Date = today, Measures = "发展1名党员后单独组建", Due = new DateOnly(2026, 12, 31), Person = "张伟" });
        await store.RecordAsync("u_zhang", new FormationPlan { OrganizationId = Unit("深圳市优品连锁超市有限公司").Id, Date = today, Measures = "联合组建", Due = new DateOnly(2026, 11, 10) });
        var bantian = new Jurisdiction("龙岗区", "坂田街道");
        var organizations = store.OrganizationsIn(bantian);
        var file = Path.Combine(folder, "台账.xlsx");

        new LedgerExporter().Export(new CoverageCalculator().Compute("坂田街道", organizations), organizations, file, store.FormationPlans(bantian), today);

        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheet("台账");
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(LedgerExporter.PlanHeaders, headers.TakeLast(4));
        var first = headers.Count - 3;
        Assert.True(sheet.Column(first).OutlineLevel > 0, "the plan columns are grouped");
        string[] Row(string name)
        {
            var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == name);
            return [.. Enumerable.Range(first, 4).Select(c => row.Cell(c).GetString())];
        }

        Assert.Equal(["发展1名党员后单独组建", "2026-12-31", "张伟", "按期推进"], Row("深圳市云启科技有限公司"));
        Assert.Equal(["联合组建", "2026-11-10", "", "逾期"], Row("深圳市优品连锁超市有限公司"));
        Assert.Equal(["", "", "", "未制定"], Row("广东正衡律师事务所")); // 应建未建 (3 members), no plan
        Assert.Equal(["", "", "", ""], Row("深圳市华鼎精密制造有限公司")); // covered, nothing to plan
    }
}
