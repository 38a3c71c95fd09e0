using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using InstructorBot.Store;
using InstructorBot.Store.Figures;
using InstructorBot.Store.Import;

namespace InstructorBot.Benchmarks;

/// <summary>
/// The store over a generated ledger of 100,000 organisations (10 districts × 10 streets × 10 communities):
/// the coverage report of one district (target ≤ 200 ms) and the import of the 100,000-row CSV (target ≤ 30 s).
/// dotnet run -c Release --project bench/Benchmarks -- --filter '*StoreBenchmarks*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private const int Rows = 100_000;
    private string folder = "";
    private string ledger = "";
    private InstructorStore? reportStore;
    private InstructorStore? importStore;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("instructorbot-bench-").FullName;
        ledger = Path.Combine(folder, "ledger-100k.csv");
        File.WriteAllText(ledger, GenerateLedger(Rows), new UTF8Encoding(false));
        reportStore = InstructorStore.Open(Path.Combine(folder, "report.db"));
        var report = reportStore.ImportLedgerAsync(ledger).GetAwaiter().GetResult();
        if (!report.Succeeded || report.Added != Rows)
        {
            throw new InvalidOperationException(report.Describe());
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        reportStore?.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [IterationSetup(Target = nameof(ImportLedger100k))]
    public void FreshDatabase() => importStore = InstructorStore.Open(Path.Combine(folder, $"import-{Guid.NewGuid():N}.db"));

    [IterationCleanup(Target = nameof(ImportLedger100k))]
    public void DropDatabase()
    {
        var path = importStore!.Path;
        importStore.Dispose();
        foreach (var file in Directory.EnumerateFiles(folder, Path.GetFileNameWithoutExtension(path) + "*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>report --scope 区3: resolve the scope, select its 10,000 units, compute every figure.</summary>
    [Benchmark]
    public CoverageReport ReportForADistrict()
    {
        var scope = reportStore!.FindScope("测试3区") ?? throw new InvalidOperationException("scope");
        return new CoverageCalculator().Compute(scope.Name, reportStore.OrganizationsIn(scope.Jurisdiction));
    }

    /// <summary>import --ledger of 100,000 rows into an empty database: read, validate every row, write durably.</summary>
    [Benchmark]
    public ImportReport ImportLedger100k() => importStore!.ImportLedgerAsync(ledger).GetAwaiter().GetResult();

    internal static string GenerateLedger(int rows)
    {
        var random = new Random(20261123);
        string[] statuses = ["未建", "未建", "未建", "单独组建", "联合组建", "功能型"];
        string[] industries = ["互联网", "制造业", "快递物流", "餐饮", "民办学校", "律师事务所", "行业协会"];
        var text = new StringBuilder(rows * 160);
        text.Append("序号,单位名称,统一社会信用代码,单位类型,行业类别,所在区,所在街道,所在社区,园区楼宇,职工人数,党员人数,党组织状态,党组织类型,党建指导员,出资人（负责人）,经营状态\n");
        for (var i = 1; i <= rows; i++)
        {
            var district = i % 10;
            var street = (i / 10) % 10;
            var community = (i / 100) % 10;
            var body = string.Create(CultureInfo.InvariantCulture, $"91440300{i:D9}");
            var code = body + CreditCode.CheckCharacter(body);
            var status = statuses[random.Next(statuses.Length)];
            var social = i % 7 == 0;
            text.Append(CultureInfo.InvariantCulture,
                $"{i},压测单位{i}有限公司,{code},{(social ? "社会组织" : "非公企业")},{industries[i % industries.Length]},测试{district}区,测试{district}区{street}街道,测试{district}区{street}街道{community}社区,,{random.Next(0, 600)},{random.Next(0, 12)},{status},{(status == "未建" ? "" : "党支部")},{(i % 3 == 0 ? "" : "指导员" + (i % 50))},出资人{i},{(i % 40 == 0 ? "空壳" : "正常")}\n");
        }

        return text.ToString();
    }
}
