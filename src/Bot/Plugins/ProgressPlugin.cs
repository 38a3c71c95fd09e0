using System.ComponentModel;
using System.Globalization;
using InstructorBot.Bot.Charts;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Export;
using InstructorBot.Store.Figures;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Plugins;

/// <summary>
/// Reading functions for progress: figures, 应建未建 lists, recent records, an organisation's card, exports. Only inside the
/// sender's jurisdiction: <see cref="PermissionFilter"/> checks <c>organizationId</c> and <c>scope</c> before any of them runs.
/// </summary>
public sealed class ProgressPlugin(
    InstructorStore store, DownloadFiles downloads, CoverageCalculator calculator, LedgerExporter exporter, CoverageChart charts, ChartFiles chartFiles,
    IConfiguration configuration)
{
    /// <summary>A trend without a window starts at the campaign (configuration <c>Campaign:Start</c>), else this many days back.</summary>
    public const int DefaultTrendDays = 90;

    /// <summary>Visits per week without a window: the last eight weeks, from a Monday.</summary>
    public const int DefaultWeeks = 8;

    public const string Name = "progress";

    [KernelFunction("coverage_report"), Description("Coverage figures of a district, street or community (the sender's own when omitted).")]
    public ScopeFigures CoverageReport(
        KernelArguments arguments,
        [Description("A district, street or community name, e.g. 坂田街道.")] string? scope = null)
    {
        var turn = TurnContext.From(arguments);
        return Resolve(turn.Sender, scope) switch
        {
            (var name, null, var refusal) => new ScopeFigures(name, null, refusal),
            var (name, jurisdiction, _) => new ScopeFigures(name, calculator.Compute(name, store.OrganizationsIn(jurisdiction!))),
        };
    }

    [KernelFunction("unformed_list"), Description("应建未建: units that must form a party organisation and have not, and enterprises that must have members.")]
    public ScopeFigures UnformedList(
        KernelArguments arguments,
        [Description("A district, street or community name (the sender's own when omitted).")] string? scope = null) =>
        CoverageReport(arguments, scope);

    [KernelFunction("formations"), Description("Party organisations formed in a scope within a window (the last 30 days when none is given).")]
    public RecordList Formations(
        KernelArguments arguments,
        [Description("A district, street or community name (the sender's own when omitted).")] string? scope = null,
        [Description("First day, ISO yyyy-MM-dd.")] string? from = null,
        [Description("Last day, ISO yyyy-MM-dd.")] string? to = null,
        [Description("Only records reported by this person (a user's name).")] string? person = null) =>
        List(arguments, scope, from, to, person, (jurisdiction, first, last) => store.Formations(jurisdiction, first, last));

    [KernelFunction("visits"), Description("Visits in a scope within a window (the last 30 days when none is given).")]
    public RecordList Visits(
        KernelArguments arguments,
        [Description("A district, street or community name (the sender's own when omitted).")] string? scope = null,
        [Description("First day, ISO yyyy-MM-dd.")] string? from = null,
        [Description("Last day, ISO yyyy-MM-dd.")] string? to = null,
        [Description("Only records reported by this person (a user's name).")] string? person = null) =>
        List(arguments, scope, from, to, person, (jurisdiction, first, last) => store.Visits(jurisdiction, first, last));

    [KernelFunction("coverage_breakdown"), Description("Coverage figures of a scope per street, community, industry or instructor, ranked by coverage rate.")]
    public BreakdownFigures CoverageBreakdownOf(
        KernelArguments arguments,
        [Description("street, community, industry or instructor.")] BreakdownLevel by,
        [Description("A district, street or community name (the sender's own when omitted).")] string? scope = null)
    {
        var turn = TurnContext.From(arguments);
        var (name, jurisdiction, refusal) = Resolve(turn.Sender, scope);
        return jurisdiction is null
            ? new BreakdownFigures(name, by, [], refusal)
            : new BreakdownFigures(name, by, new CoverageBreakdown(calculator).Compute(store.OrganizationsIn(jurisdiction), by));
    }

    [KernelFunction("organization_card"), Description("One organisation's ledger facts and when it was last visited.")]
    public OrganizationCard OrganizationCardOf(
        KernelArguments arguments,
        [Description("Ledger id of the organisation.")] int organizationId)
    {
        var turn = TurnContext.From(arguments);
        if (store.FindOrganization(organizationId) is not { } organization)
        {
            return new OrganizationCard(null, null, turn.Today, $"台账中没有编号为 {organizationId} 的单位。");
        }

        var place = new Jurisdiction(organization.District, organization.Street, organization.Community);
        var lastVisit = store.Visits(place, DateOnly.MinValue, turn.Today)
            .Where(v => v.OrganizationId == organization.Id)
            .Select(v => (DateOnly?)v.Date)
            .Max();
        return new OrganizationCard(organization, lastVisit, turn.Today, Plan: store.FormationPlans(place).GetValueOrDefault(organization.Id));
    }

    [KernelFunction("export_ledger"), Description("The ledger of a scope as an Excel workbook to download.")]
    public ExportedLedger ExportLedger(
        KernelArguments arguments,
        [Description("A district, street or community name (the sender's own when omitted).")] string? scope = null)
    {
        var turn = TurnContext.From(arguments);
        var (name, jurisdiction, refusal) = Resolve(turn.Sender, scope);
        if (jurisdiction is null)
        {
            return new ExportedLedger(name, 0, null, refusal);
        }

        var organizations = store.OrganizationsIn(jurisdiction);
        var fileName = $"台账-{name}-{turn.Today:yyyyMMdd}.xlsx";
        var path = downloads.NewFile(".xlsx");
        exporter.Export(calculator.Compute(name, organizations), organizations, path, store.FormationPlans(jurisdiction), turn.Today);
        const string contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var url = downloads.Register(path, fileName, contentType, turn.Sender.Id, turn.Channel);
        return new ExportedLedger(name, organizations.Count, new ReplyAttachment(fileName, url, contentType));
    }

    [KernelFunction("chart"), Description("A chart of a scope as a PNG image: coverage by street or community (bars), coverage over a window (line), or visits per week (bars).")]
    public ProgressChart Chart(
        KernelArguments arguments,
        [Description("coverage_by_street, coverage_trend or visits_per_week.")] ChartKind chart,
        [Description("A district, street or community name (the sender's own when omitted).")] string? scope = null,
        [Description("First day, ISO yyyy-MM-dd.")] string? from = null,
        [Description("Last day, ISO yyyy-MM-dd.")] string? to = null,
        [Description("For bars: street, community, industry or instructor (the level below the scope when omitted).")] BreakdownLevel? by = null)
    {
        var turn = TurnContext.From(arguments);
        var (name, jurisdiction, refusal) = Resolve(turn.Sender, scope);
        if (jurisdiction is null)
        {
            return new ProgressChart(name, chart, null, "", "", refusal);
        }

        var last = Day(to) is { } end && end < turn.Today ? end : turn.Today;
        var organizations = store.OrganizationsIn(jurisdiction);
        ChartImage image;
        string summary;
        switch (chart)
        {
            case ChartKind.CoverageTrend:
            {
                var first = Day(from) ?? (configuration.GetValue<DateOnly?>("Campaign:Start") is { } start && start < last ? start : last.AddDays(-DefaultTrendDays + 1));
                var points = new CoverageTrend(calculator).Over(name, organizations, first, last);
                image = charts.CoverageTrend(name, points);
                summary = points.Count == 0 ? "所问的时间段没有日子。" : CoverageText.Change(new CoverageChange(points[0], points[^1]));
                break;
            }

            case ChartKind.VisitsPerWeek:
            {
                var first = Day(from) ?? Monday(last).AddDays(-7 * (DefaultWeeks - 1));
                var visits = store.Visits(jurisdiction, first, last);
                var weeks = WeeklyVisits.Compute(visits, first, last);
                image = charts.VisitsPerWeek(name, weeks);
                summary = string.Create(CultureInfo.InvariantCulture,
                    $"{first.Month}月{first.Day}日至{last.Month}月{last.Day}日共走访 {visits.Select(v => v.OrganizationId).Distinct().Count()} 家单位（{visits.Count} 次），{weeks.Count} 周中最多一周 {weeks.Select(w => w.Units).DefaultIfEmpty().Max()} 家。");
                break;
            }

            default:
            {
                var level = by ?? (store.FindScope(name)?.Level == ScopeLevel.District ? BreakdownLevel.Street : BreakdownLevel.Community);
                var rows = new CoverageBreakdown(calculator).Compute(CoverageHistory.AsOf(organizations, last), level);
                image = charts.CoverageByStreet(name, rows, level, last);
                summary = rows.Count == 0 ? "辖区内没有单位。" : string.Create(CultureInfo.InvariantCulture,
                    $"最高 {rows[0].Scope} {CoverageText.Percent(rows[0].CoverageRate)}（{rows[0].Covered}/{rows[0].Base}），最低 {rows[^1].Scope} {CoverageText.Percent(rows[^1].CoverageRate)}（{rows[^1].Covered}/{rows[^1].Base}）。");
                break;
            }
        }

        return new ProgressChart(name, chart, chartFiles.Attach(image, turn.Sender.Id, turn.Channel), image.Title, summary);
    }

    [KernelFunction("coverage_change"), Description("How a scope's coverage figures changed within a window (this month when none is given): the figures at its start and end.")]
    public CoverageChangeFigures CoverageChangeOf(
        KernelArguments arguments,
        [Description("A district, street or community name (the sender's own when omitted).")] string? scope = null,
        [Description("First day, ISO yyyy-MM-dd.")] string? from = null,
        [Description("Last day, ISO yyyy-MM-dd.")] string? to = null)
    {
        var turn = TurnContext.From(arguments);
        var (name, jurisdiction, refusal) = Resolve(turn.Sender, scope);
        var last = Day(to) is { } end && end < turn.Today ? end : turn.Today;
        var first = Day(from) ?? new DateOnly(last.Year, last.Month, 1);
        if (jurisdiction is null || first > last)
        {
            return new CoverageChangeFigures(name, null, refusal ?? "所问的时间段没有日子。");
        }

        return new CoverageChangeFigures(name, new CoverageTrend(calculator).Change(name, store.OrganizationsIn(jurisdiction), first, last));
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly? Day(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Without a window, the last 30 days. A window that ends after today ends today.</summary>
    public const int DefaultDays = 30;

    private RecordList List(KernelArguments arguments, string? scope, string? fromDay, string? toDay, string? person,
        Func<Jurisdiction, DateOnly, DateOnly, IEnumerable<RecordRequest>> read)
    {
        var turn = TurnContext.From(arguments);
        var to = Day(toDay) is { } last && last < turn.Today ? last : turn.Today;
        var from = Day(fromDay) ?? to.AddDays(-DefaultDays + 1);
        var (name, jurisdiction, refusal) = Resolve(turn.Sender, scope);
        if (jurisdiction is null || from > to)
        {
            return new RecordList(name, from, to, [], refusal ?? "所问的时间段没有日子。");
        }

        var reporters = person is { Length: > 0 } ? store.Users().Where(u => u.Name == person).Select(u => u.Id).ToHashSet(StringComparer.Ordinal) : null;
        if (reporters is { Count: 0 })
        {
            return new RecordList(name, from, to, [], $"没有找到用户“{person}”。");
        }

        return new RecordList(name, from, to, [.. read(jurisdiction, from, to)
            .Where(r => reporters is null || reporters.Contains(r.ReportedBy))
            .OrderByDescending(r => r.Date)], Person: person);
    }

    private (string Name, Jurisdiction? Jurisdiction, string? Refusal) Resolve(User sender, string? scope) =>
        PluginScopes.Resolve(store, sender, scope);
}
