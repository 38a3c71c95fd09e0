using System.ComponentModel;
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
public sealed class ProgressPlugin(InstructorStore store, DownloadFiles downloads, CoverageCalculator calculator, LedgerExporter exporter)
{
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
        return new OrganizationCard(organization, lastVisit, turn.Today);
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
        exporter.Export(calculator.Compute(name, organizations), organizations, path);
        const string contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var url = downloads.Register(path, fileName, contentType, turn.Sender.Id, turn.Channel);
        return new ExportedLedger(name, organizations.Count, new ReplyAttachment(fileName, url, contentType));
    }

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

        static DateOnly? Day(string? iso) =>
            DateOnly.TryParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>The scope's display name and jurisdiction, or a refusal when unknown or outside the sender's own.</summary>
    private (string Name, Jurisdiction? Jurisdiction, string? Refusal) Resolve(User sender, string? scope)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            return (sender.Jurisdiction.Name ?? "全部", sender.Jurisdiction, null);
        }

        if (store.FindScope(scope.Trim()) is not { } match)
        {
            return (scope, null, $"没有找到辖区“{scope}”。请写区、街道或社区的名称，例如“坂田街道”。");
        }

        // The right to read the scope is checked before the call, by PermissionFilter.
        return (match.Name, match.Jurisdiction, null);
    }
}
