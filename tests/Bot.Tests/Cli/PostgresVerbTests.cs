using System.Diagnostics;
using ClosedXML.Excel;
using InstructorBot.Bot.Cli;
using InstructorBot.Store.Tests;

namespace InstructorBot.Bot.Tests.Cli;

/// <summary>
/// Issue 16: the data verbs (import --ledger/--users, report, export, backup) on <c>Store:Engine=postgres</c> against a
/// throwaway database of the test run's PostgreSQL cluster (tests/Store.Tests/PostgresCluster.cs, linked), printing
/// exactly what they print on LiteDB for the same data (CLI.md), run side by side on a LiteDB file.
/// </summary>
public sealed class PostgresVerbTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "instructorbot-pgverbs-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly string connectionString = PostgresCluster.Instance.CreateDatabase();

    private string LiteDb => Path.Combine(folder, "bot.db");

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public void Dispose()
    {
        PostgresCluster.Instance.DropDatabase(connectionString);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString().Trim(), stderr.ToString().Trim());
    }

    /// <summary>The verb on PostgreSQL (through --Store:*=, as the environment would set them) and on a LiteDB file.</summary>
    private async Task<((int Code, string Out, string Error) Postgres, (int Code, string Out, string Error) LiteDb)> BothAsync(params string[] args) =>
        (await RunAsync([.. args, "--Store:Engine=postgres", $"--Store:ConnectionString={connectionString}"]),
         await RunAsync([.. args, "--db", LiteDb]));

    [Fact]
    public async Task Import_report_and_export_print_on_postgres_what_they_print_on_litedb()
    {
        var ledger = await BothAsync("import", "--ledger", Data("ledger.csv"));
        Assert.Equal((0, "台账导入完成（ledger.csv）：新增 32、更新 0、未变 0"), (ledger.Postgres.Code, ledger.Postgres.Out));
        Assert.Equal(ledger.LiteDb, ledger.Postgres);
        var users = await BothAsync("import", "--users", Data("users.csv"));
        Assert.Equal(0, users.Postgres.Code);
        Assert.Equal(users.LiteDb, users.Postgres);

        // Importing again changes nothing, on either.
        var again = await BothAsync("import", "--ledger", Data("ledger.csv"));
        Assert.Equal("台账导入完成（ledger.csv）：新增 0、更新 0、未变 32", again.Postgres.Out);
        Assert.Equal(again.LiteDb, again.Postgres);

        // A bad file is refused whole with the same reasons.
        var bad = Path.Combine(folder, "bad.csv");
        var lines = await File.ReadAllLinesAsync(Data("ledger.csv"));
        lines[1] = lines[1].Replace(",180,", ",200多,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(bad, lines);
        var refused = await BothAsync("import", "--ledger", bad);
        Assert.NotEqual(0, refused.Postgres.Code);
        Assert.Contains("未导入任何数据", refused.Postgres.Error, StringComparison.Ordinal);
        Assert.Contains("第2行 职工人数", refused.Postgres.Error, StringComparison.Ordinal);
        Assert.Equal(refused.LiteDb, refused.Postgres);

        // CLI.md §report, exactly, for the example scope; the same object or text for every other form of scope.
        var example = await BothAsync("report", "--scope", "坂田街道", "--json");
        Assert.Equal(
            """{"scope":"坂田街道","base":10,"covered":2,"single":2,"joint":0,"functional":0,"work_covered":6,"coverage_rate":0.2,"single_rate":0.2,"work_coverage_rate":0.6,"unformed_required":["广东正衡律师事务所","深圳市云启科技有限公司","深圳市优品连锁超市有限公司"],"members_required":["深圳市蓝海跨境电子商务有限公司"]}""",
            example.Postgres.Out);
        Assert.Equal(example.LiteDb, example.Postgres);
        foreach (var scope in new[] { "龙岗区", "坂田", "龙岗区/坂田街道", "五和社区" })
        {
            Assert.Equal(await RunAsync("report", "--scope", scope, "--json", "--db", LiteDb),
                await RunAsync("report", "--scope", scope, "--json", "--Store:Engine=postgres", $"--Store:ConnectionString={connectionString}"));
            var text = await BothAsync("report", "--scope", scope);
            Assert.Equal(text.LiteDb, text.Postgres);
        }

        var unknown = await BothAsync("report", "--scope", "南山区", "--json");
        Assert.Equal((2, "", "错误：未知的辖区：南山区（台账中没有这个区、街道或社区）（unknown scope 南山区）"), unknown.Postgres);
        Assert.Equal(unknown.LiteDb, unknown.Postgres);

        var fromPostgres = Path.Combine(folder, "pg.xlsx");
        var fromLiteDb = Path.Combine(folder, "lite.xlsx");
        Assert.Equal(0, (await RunAsync("export", "--scope", "坂田街道", "--out", fromPostgres, "--Store:Engine=postgres", $"--Store:ConnectionString={connectionString}")).Code);
        Assert.Equal(0, (await RunAsync("export", "--scope", "坂田街道", "--out", fromLiteDb, "--db", LiteDb)).Code);
        Assert.Equal(Cells(fromLiteDb), Cells(fromPostgres));
        Assert.Contains("深圳市云启科技有限公司", Cells(fromPostgres), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_report_on_postgres_is_the_litedb_one()
    {
        Assert.Equal(0, (await BothAsync("import", "--ledger", Data("ledger.csv"))).Postgres.Code);
        var fromPostgres = Path.Combine(folder, "pg-month.xlsx");
        var fromLiteDb = Path.Combine(folder, "lite-month.xlsx");
        var postgres = await RunAsync("report", "--scope", "龙岗区", "--month", "2026-11", "--out", fromPostgres, "--Store:Engine=postgres", $"--Store:ConnectionString={connectionString}");
        var lite = await RunAsync("report", "--scope", "龙岗区", "--month", "2026-11", "--out", fromLiteDb, "--db", LiteDb);
        Assert.Equal(0, postgres.Code);
        Assert.Equal(lite.Out.Replace(fromLiteDb, "FILE", StringComparison.Ordinal), postgres.Out.Replace(fromPostgres, "FILE", StringComparison.Ordinal));
        Assert.Equal(Cells(fromLiteDb), Cells(fromPostgres));
    }

    [Fact]
    public async Task Backup_on_postgres_is_a_pg_dump_archive()
    {
        Assert.Equal(0, (await RunAsync("import", "--ledger", Data("ledger.csv"), "--Store:Engine=postgres", $"--Store:ConnectionString={connectionString}")).Code);
        var archive = Path.Combine(folder, "backup", "bot.dump");
        var backup = await RunAsync("backup", "--out", archive, "--Store:Engine=postgres", $"--Store:ConnectionString={connectionString}");
        Assert.Equal(0, backup.Code);
        Assert.StartsWith($"已备份到 {archive}", backup.Out, StringComparison.Ordinal);
        var header = new byte[5];
        await using (var file = File.OpenRead(archive))
        {
            await file.ReadExactlyAsync(header);
        }

        Assert.Equal("PGDMP"u8.ToArray(), header);
    }

    /// <summary>The settings from the environment (Store__Engine, Store__ConnectionString), in a process of its own.</summary>
    [Fact]
    public async Task The_environment_selects_postgres_for_a_published_run()
    {
        Assert.Equal(0, (await RunAsync("import", "--ledger", Data("ledger.csv"), "--Store:Engine=postgres", $"--Store:ConnectionString={connectionString}")).Code);
        var start = new ProcessStartInfo("dotnet", [BotAssembly(), "report", "--scope", "坂田街道", "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["Store__Engine"] = "postgres";
        start.Environment["Store__ConnectionString"] = connectionString;
        start.Environment["Store__Path"] = Path.Combine(folder, "never.db");
        using var verb = Process.Start(start)!;
        var output = verb.StandardOutput.ReadToEndAsync();
        var error = await verb.StandardError.ReadToEndAsync();
        await verb.WaitForExitAsync();
        Assert.True(verb.ExitCode == 0, error);
        Assert.StartsWith("""{"scope":"坂田街道","base":10,"covered":2,""", await output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "never.db")));

        start.Environment["Store__ConnectionString"] = "";
        using var missing = Process.Start(start)!;
        _ = missing.StandardOutput.ReadToEndAsync();
        var reason = await missing.StandardError.ReadToEndAsync();
        await missing.WaitForExitAsync();
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("Store__ConnectionString", reason, StringComparison.Ordinal);
    }

    /// <summary>The bot's own build (src/Bot/bin/…, which has its runtime configuration) of the configuration the tests run.</summary>
    private static string BotAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "InstructorBot.dll");
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "InstructorBot.runtimeconfig.json")))
        {
            return beside;
        }

        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "src", "Bot", "bin", output.Parent.Name, output.Name, "InstructorBot.dll");
    }

    /// <summary>Every cell of every sheet as text, sheet by sheet.</summary>
    private static string Cells(string file)
    {
        using var workbook = new XLWorkbook(file);
        return string.Join('\n', workbook.Worksheets.SelectMany(sheet =>
            sheet.RangeUsed()!.Rows().Select(row => sheet.Name + ":" + string.Join('|', row.Cells().Select(c => c.GetFormattedString())))));
    }
}
