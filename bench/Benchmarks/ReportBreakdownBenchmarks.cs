using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Export;
using InstructorBot.Store.Figures;
using InstructorBot.Store.Import;

namespace InstructorBot.Benchmarks;

/// <summary>
/// <c>report</c> with a breakdown by street over one district of 100,000 organisations (50 streets × 20 communities), from
/// the store as the host holds it (issue 14: target ≤ 50 ms): the ranked table of 各街道对比, and the monthly report's
/// table (coverage at the month's start and end per street, from <see cref="CoverageHistory"/>, with the month's
/// formations and visits).
/// dotnet run -c Release --project bench/Benchmarks -- --filter '*ReportBreakdownBenchmarks*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class ReportBreakdownBenchmarks
{
    private const int Rows = 100_000;
    private const string District = "压测区";
    private static readonly MonthlyReportExporter.Month November = new(2026, 11);
    private string folder = "";
    private InstructorStore? store;
    private ScopeMatch scope = null!;
    private IReadOnlyList<Formation> formations = [];
    private IReadOnlyList<Visit> visits = [];

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("instructorbot-bench-").FullName;
        var ledger = Path.Combine(folder, "ledger-district-100k.csv");
        File.WriteAllText(ledger, GenerateLedger(Rows), new UTF8Encoding(false));
        store = InstructorStore.Open(Path.Combine(folder, "report.db"));
        var report = store.ImportLedgerAsync(ledger).GetAwaiter().GetResult();
        if (!report.Succeeded || report.Added != Rows)
        {
            throw new InvalidOperationException(report.Describe());
        }

        scope = store.FindScope(District) ?? throw new InvalidOperationException("scope");

        // A month's records as the report reads them: 2,000 formations and 20,000 visits on days of November.
        var random = new Random(20261205);
        formations = [.. Enumerable.Range(1, 2_000).Select(i => new Formation
        {
            Id = i, OrganizationId = random.Next(1, Rows + 1), Date = November.First.AddDays(random.Next(30)), Method = FormationMethod.Single,
        })];
        visits = [.. Enumerable.Range(1, 20_000).Select(i => new Visit
        {
            Id = i, OrganizationId = random.Next(1, Rows + 1), Date = November.First.AddDays(random.Next(30)), ReportedBy = "u" + (i % 200),
        })];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        store?.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>各街道覆盖率对比: the district's units, grouped by street, each street's figures, ranked.</summary>
    [Benchmark]
    public IReadOnlyList<CoverageReport> BreakdownByStreet() =>
        new CoverageBreakdown(new CoverageCalculator()).Compute(store!.OrganizationsIn(scope.Jurisdiction), BreakdownLevel.Street);

    /// <summary>report --month: per street, coverage at the month's start and end, formations, units visited and visits.</summary>
    [Benchmark]
    public IReadOnlyList<MonthlyReportExporter.Row> MonthlyReportTable() =>
        new MonthlyReportExporter(new CoverageCalculator()).Rows(scope, store!.OrganizationsIn(scope.Jurisdiction), November, formations, visits);

    private static string GenerateLedger(int rows)
    {
        var random = new Random(20261205);
        string[] statuses = ["未建", "未建", "未建", "单独组建", "联合组建", "功能型"];
        string[] industries = ["互联网", "制造业", "快递物流", "餐饮", "民办学校", "律师事务所", "行业协会"];
        var text = new StringBuilder(rows * 160);
        text.Append("序号,单位名称,统一社会信用代码,单位类型,行业类别,所在区,所在街道,所在社区,园区楼宇,职工人数,党员人数,党组织状态,党组织类型,党建指导员,出资人（负责人）,经营状态\n");
        for (var i = 1; i <= rows; i++)
        {
            var street = i % 50;
            var community = (i / 50) % 20;
            var body = string.Create(CultureInfo.InvariantCulture, $"91440300{i:D9}");
            var code = body + CreditCode.CheckCharacter(body);
            var status = statuses[random.Next(statuses.Length)];
            text.Append(CultureInfo.InvariantCulture,
                $"{i},压测单位{i}有限公司,{code},{(i % 7 == 0 ? "社会组织" : "非公企业")},{industries[i % industries.Length]},{District},{District}{street}街道,{District}{street}街道{community}社区,,{random.Next(0, 600)},{random.Next(0, 12)},{status},{(status == "未建" ? "" : "党支部")},{(i % 3 == 0 ? "" : "指导员" + (i % 50))},出资人{i},{(i % 40 == 0 ? "空壳" : "正常")}\n");
        }

        return text.ToString();
    }
}
