using InstructorBot.Bot.Charts;
using InstructorBot.Bot.Coordination;
using InstructorBot.Store.Export;
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
        using var lease = await StoreOpener.OpenForReadingAsync(context, cancellationToken);
        var match = StoreOpener.Scope(lease.Store, scope);
        if (month is not null)
        {
            var total = new MonthlyReport(lease.Store, new CoverageCalculator(), new CoverageChart(new CoverageCalculator())).Write(match, month, outFile!);
            await context.Output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{match.Name} {month} 进度报表已写入 {outFile}：组织覆盖 {total.Start.Covered} → {total.End.Covered}（党建基数 {total.End.Base}），本月组建 {total.Formations} 个，走访 {total.VisitedUnits} 家 {total.Visits} 次"));
            return 0;
        }

        var report = new CoverageCalculator().Compute(match.Name, lease.Store.OrganizationsIn(match.Jurisdiction));
        if (context.Args.Flag("--json"))
        {
            context.WriteJson(report);
        }
        else
        {
            await context.Output.WriteLineAsync(CoverageText.Describe(report));
        }

        return 0;
    }
}
