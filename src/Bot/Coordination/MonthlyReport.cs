using InstructorBot.Bot.Charts;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Export;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Coordination;

/// <summary>
/// The month's progress report of a scope as a workbook, with its three charts: one writer for the <c>report --month</c>
/// verb and for "导出11月进度报表" in chat. The figures are the exporter's; a month not over yet is reported to its last day.
/// </summary>
public sealed class MonthlyReport(InstructorStore store, CoverageCalculator calculator, CoverageChart charts)
{
    /// <summary>Writes the report of <paramref name="scope"/> for <paramref name="month"/> to <paramref name="outFile"/>; returns its 合计 row.</summary>
    public MonthlyReportExporter.Row Write(ScopeMatch scope, MonthlyReportExporter.Month month, string outFile)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(month);
        var organizations = store.OrganizationsIn(scope.Jurisdiction);
        var formations = store.Formations(scope.Jurisdiction, month.First, month.Last);
        var visits = store.Visits(scope.Jurisdiction, month.First, month.Last);
        var exporter = new MonthlyReportExporter(calculator);

        // The month's charts: coverage per street (or community) at its end, coverage day by day, visits per week.
        var level = scope.Level == ScopeLevel.District ? BreakdownLevel.Street : BreakdownLevel.Community;
        MonthlyReportExporter.Picture[] pictures =
        [
            .. ((ChartImage[])[
                charts.CoverageByStreet(scope.Name, organizations, level, month.Last),
                charts.CoverageTrend(scope.Name, organizations, month.First, month.Last),
                charts.VisitsPerWeek(scope.Name, visits, month.First, month.Last),
            ]).Select(c => new MonthlyReportExporter.Picture(c.Title, c.Png)),
        ];
        exporter.Export(scope, organizations, month, formations, visits, id => store.FindUser(id)?.Name ?? id, outFile, pictures);
        return exporter.Rows(scope, organizations, month, formations, visits)[^1];
    }
}
