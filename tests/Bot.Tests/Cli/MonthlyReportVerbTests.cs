using ClosedXML.Excel;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Cli;

/// <summary>
/// <c>report --scope NAME --month YYYY-MM --out FILE.xlsx</c> (CLI.md additions) over a real LiteDB file: the workbook's
/// figures against the fixture ledger's hand counts (龙岗区 8 of 26 covered) and the records the test wrote.
/// </summary>
public sealed class MonthlyReportVerbTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "instructorbot-tests", Guid.NewGuid().ToString("N"));

    public MonthlyReportVerbTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Db => Path.Combine(folder, "bot.db");

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--db", Db], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_month_s_report_shows_coverage_at_its_start_and_end_and_its_formations_and_visits()
    {
        Assert.Equal(0, (await RunAsync("import", "--ledger", BotHost.DataFile("ledger.csv"))).Code);
        Assert.Equal(0, (await RunAsync("import", "--users", BotHost.DataFile("users.csv"))).Code);
        using (var store = InstructorStore.Open(Db))
        {
            var yunqi = store.FindOrganizationByName("深圳市云启科技有限公司")!.Id;
            var qinghe = store.FindOrganizationByName("深圳市青禾文化传媒有限公司")!.Id;
            await store.RecordAsync("u_zhang", new Formation { OrganizationId = yunqi, Date = new DateOnly(2026, 11, 10), Method = FormationMethod.Single, UnitIds = [yunqi] });
            await store.RecordAsync("u_zhang", new Visit { OrganizationId = yunqi, Date = new DateOnly(2026, 11, 3) });
            await store.RecordAsync("u_zhang", new Visit { OrganizationId = yunqi, Date = new DateOnly(2026, 11, 9) });
            await store.RecordAsync("u_zhang", new Visit { OrganizationId = qinghe, Date = new DateOnly(2026, 11, 20) });
            await store.RecordAsync("u_zhang", new Visit { OrganizationId = qinghe, Date = new DateOnly(2026, 12, 1) }); // next month
            // A formation in December is after the month: November's end must not count it.
            var lanhai = store.FindOrganizationByName("深圳市蓝海跨境电子商务有限公司")!.Id;
            await store.RecordAsync("u_zhang", new Formation { OrganizationId = lanhai, Date = new DateOnly(2026, 12, 2), Method = FormationMethod.Single, UnitIds = [lanhai] });
        }

        var file = Path.Combine(folder, "11月.xlsx");
        var (code, output, error) = await RunAsync("report", "--scope", "龙岗区", "--month", "2026-11", "--out", file);

        Assert.True(code == 0, error);
        Assert.Contains("组织覆盖 8 → 9", output, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheet("月度进度");
        var rows = sheet.RowsUsed().Skip(1).Where(r => r.Cell(2).DataType == XLDataType.Number).ToList();
        var total = rows.Single(r => r.Cell(1).GetString() == "合计");
        Assert.Equal([26, 8, 9, 1], Enumerable.Range(2, 4).Select(c => (int)total.Cell(c).GetDouble()));
        Assert.Equal((1, 2, 3), ((int)total.Cell(10).GetDouble(), (int)total.Cell(11).GetDouble(), (int)total.Cell(12).GetDouble()));
        var bantian = rows.Single(r => r.Cell(1).GetString() == "坂田街道");
        Assert.Equal((10, 2, 3), ((int)bantian.Cell(2).GetDouble(), (int)bantian.Cell(3).GetDouble(), (int)bantian.Cell(4).GetDouble()));
        Assert.Equal(4, rows.Count(r => r.Cell(1).GetString().EndsWith("街道", StringComparison.Ordinal)));
        Assert.Equal(1 + 3, workbook.Worksheet("本月走访").RowsUsed().Count()); // the header and November's 3 visits
        Assert.Equal(1 + 1, workbook.Worksheet("本月组建").RowsUsed().Count());

        // Sheet 图表: the month's three charts, each a PNG that decodes, under its title.
        var charts = workbook.Worksheet("图表");
        Assert.Equal(3, charts.Pictures.Count);
        foreach (var picture in charts.Pictures)
        {
            using var image = SkiaSharp.SKBitmap.Decode(picture.ImageStream.ToArray());
            Assert.Equal((800, 500), (image.Width, image.Height));
        }

        Assert.Equal(
            ["龙岗区 各街道党的组织覆盖率（截至11月30日）", "龙岗区 党的组织覆盖率趋势（11月1日至11月30日）", "龙岗区 每周走访情况（11月1日至11月30日）"],
            charts.CellsUsed().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("11月")]
    public async Task A_month_that_is_not_one_fails_with_a_chinese_reason(string month)
    {
        var (code, _, error) = await RunAsync("report", "--scope", "龙岗区", "--month", month, "--out", Path.Combine(folder, "x.xlsx"));

        Assert.NotEqual(0, code);
        Assert.Contains("月份格式不对", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_llm_engine_is_refused_clearly_and_rules_is_the_default()
    {
        var (code, _, error) = await RunAsync("understand", "--engine", "llm", "--user", "u_zhang", "--now", "2026-11-18T10:00:00+08:00", "你好");

        Assert.NotEqual(0, code);
        Assert.Contains("--engine llm", error, StringComparison.Ordinal);
    }
}
