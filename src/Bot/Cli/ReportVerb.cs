using InstructorBot.Bot.Charts;
using InstructorBot.Bot.Coordination;
using InstructorBot.Store;
using InstructorBot.Store.Export;
using InstructorBot.Store.Postgres;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Cli;

/// <summary>
/// <c>report --scope NAME [--json]</c>: the coverage figures of DOMAIN.md §Figures for a 区, 街道 or 社区;
/// <c>report --scope NAME --month YYYY-MM --out FILE.xlsx</c>: the month's progress report (CLI.md additions).
/// </summary>
public sealed class ReportVerb : ICliVerb
{
    public string Name => "report";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.Args.Option("--scope") ?? context.Args.Positionals.FirstOrDefault()
                    ?? throw new CliException("缺少参数 --scope（区、街道或社区的名称）", "missing option --scope");
        var month = context.Args.Option("--month") is { } monthText
            ? MonthlyReportExporter.Month.Parse(monthText)
              ?? throw new CliException($"月份格式不对：{monthText}（应为 YYYY-MM，例如 2026-11）", $"bad --month {monthText}: expected YYYY-MM")
            : null;
        var outFile = month is null ? null : context.Args.Option("--out") ?? throw new CliException("缺少参数 --out（月度报表的 .xlsx 文件）", "missing option --out");
        if (month is null && context.Engine == StoreEngineKind.Postgres)
        {
            await PrintAsync(context, FromSql(context, scope));
            return 0;
        }

        using var lease = await StoreOpener.OpenForReadingAsync(context, cancellationToken);
        var match = StoreOpener.Scope(lease.Store, scope);
        if (month is not null)
        {
            var total = new MonthlyReport(lease.Store, new CoverageCalculator(), new CoverageChart(new CoverageCalculator())).Write(match, month, outFile!);
            await context.Output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{match.Name} {month} 进度报表已写入 {outFile}：组织覆盖 {total.Start.Covered} → {total.End.Covered}（党建基数 {total.End.Base}），本月组建 {total.Formations} 个，走访 {total.VisitedUnits} 家 {total.Visits} 次"));
            return 0;
        }

        await PrintAsync(context, new CoverageCalculator().Compute(match.Name, lease.Store.OrganizationsIn(match.Jurisdiction)));
        return 0;
    }

    /// <summary>On PostgreSQL the figures are computed by the server (no ledger loaded into this process): the same report.</summary>
    private static CoverageReport FromSql(CliContext context, string scope)
    {
        try
        {
            using var figures = PostgresFigures.Open(context.ConnectionString);
            var match = figures.FindScope(scope)
                        ?? throw new CliException($"未知的辖区：{scope}（台账中没有这个区、街道或社区）", $"unknown scope {scope}");
            return figures.Coverage(match.Name, match.Jurisdiction);
        }
        catch (StoreException failed)
        {
            throw new CliException($"无法打开 PostgreSQL 数据库：{failed.Message}", "cannot open the PostgreSQL database");
        }
    }

    private static async Task PrintAsync(CliContext context, CoverageReport report)
    {
        if (context.Args.Flag("--json"))
        {
            context.WriteJson(report);
        }
        else
        {
            await context.Output.WriteLineAsync(CoverageText.Describe(report));
        }
    }
}
