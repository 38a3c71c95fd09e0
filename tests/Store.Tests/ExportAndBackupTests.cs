using ClosedXML.Excel;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Export;
using InstructorBot.Store.Figures;

namespace InstructorBot.Store.Tests;

public sealed class ExportAndBackupTests
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_exported_workbook_reads_back_with_every_unit_the_figures_and_a_frozen_fitted_header(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var scope = test.Store.FindScope("坂田街道")!;
        var organizations = test.Store.OrganizationsIn(scope.Jurisdiction);
        var report = new CoverageCalculator().Compute(scope.Name, organizations);
        var file = Path.Combine(test.Folder, "out", "坂田街道.xlsx");

        new LedgerExporter().Export(report, organizations, file);

        using var workbook = new XLWorkbook(file);
        var ledger = workbook.Worksheet("台账");
        var headers = ledger.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        foreach (var header in new[]
                 {
                     "序号", "单位名称", "统一社会信用代码", "单位类型", "所在社区", "职工人数", "党员人数", "党组织状态", "党组织类型",
                     "党组织书记", "党组织成立日期", "党建指导员", "经营状态", "经营运行情况", "职工队伍情况", "党员队伍情况",
                     "出资人（负责人）情况", "未建党组织原因",
                 })
        {
            Assert.Contains(header, headers);
        }

        Assert.Equal(11, ledger.RowsUsed().Count() - 1);
        Assert.Equal(1, ledger.SheetView.SplitRow);
        int Col(string header) => headers.IndexOf(header) + 1;
        var first = ledger.Row(2);
        Assert.Equal("深圳市云启科技有限公司", first.Cell(Col("单位名称")).GetString());
        Assert.Equal("914403075713012299", first.Cell(Col("统一社会信用代码")).GetString());
        Assert.Equal(180, first.Cell(Col("职工人数")).GetDouble());
        Assert.Equal("未建", first.Cell(Col("党组织状态")).GetString());
        Assert.Equal("党员6名", first.Cell(Col("党员队伍情况")).GetString());
        var xingchen = ledger.RowsUsed().Single(r => r.Cell(Col("单位名称")).GetString() == "深圳市星辰半导体有限公司");
        Assert.Equal("党总支", xingchen.Cell(Col("党组织类型")).GetString());
        var longestName = organizations.Max(o => LedgerExporter.DisplayWidth(o.Name));
        Assert.True(ledger.Column(Col("单位名称")).Width >= longestName, $"width {ledger.Column(Col("单位名称")).Width} < {longestName}");
        Assert.True(ledger.Column(Col("序号")).Width < 10);

        var summary = workbook.Worksheet("汇总");
        var text = string.Join('\n', summary.RowsUsed().Select(r => string.Join('|', r.CellsUsed().Select(c => c.GetString()))));
        Assert.Contains("党建基数|10", text, StringComparison.Ordinal);
        Assert.Contains("覆盖率 20.0%（2/10）", text, StringComparison.Ordinal);
        Assert.Contains("工作覆盖率 60.0%（6/10）", text, StringComparison.Ordinal);
        Assert.Contains("应建未建单位|3|广东正衡律师事务所、深圳市云启科技有限公司、深圳市优品连锁超市有限公司", text, StringComparison.Ordinal);
        Assert.Equal(1, summary.SheetView.SplitRow);
    }

    [Fact]
    public async Task A_process_holding_the_database_answers_a_backup_request_with_a_consistent_copy()
    {
        using var test = await TestStore.WithFixtureAsync();
        test.Store.ServeBackupRequests(TimeSpan.FromMilliseconds(50));
        Assert.Throws<StoreException>(() => InstructorStore.Open(test.DatabasePath));
        var yunqi = test.Store.FindOrganizationByName("深圳市云启科技有限公司")!;
        var writes = Enumerable.Range(0, 50).Select(_ => test.Store.RecordAsync(
            "u_zhang", new MemberDiscovery { OrganizationId = yunqi.Id, Date = new DateOnly(2026, 11, 17), Count = 1 })).ToArray();
        var copy = Path.Combine(test.Folder, "copy.db");

        await BackupRequest.RequestAsync(test.DatabasePath, copy, TimeSpan.FromSeconds(30));
        await Task.WhenAll(writes);

        using var restored = InstructorStore.Open(copy);
        Assert.Equal(32, restored.Organizations().Count);
        var members = restored.FindOrganization(yunqi.Id)!.PartyMembers;
        var discoveries = restored.MemberDiscoveries(Jurisdiction.Everywhere, DateOnly.MinValue, DateOnly.MaxValue).Count;
        Assert.Equal(6 + discoveries, members); // each copied discovery comes with its effect: no write was mid-flight
        Assert.Empty(Directory.EnumerateFiles(test.Folder, "*.request"));
    }
}
