using System.ComponentModel;
using System.Globalization;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Coordination;
using InstructorBot.Bot.Replies;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Export;
using InstructorBot.Store.Figures;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Plugins;

/// <summary>
/// The campaign calendar (deadlines, reporting days), the sender's proactive-message setting, the 一企一策 lists and the
/// monthly progress report. Reads only inside the sender's jurisdiction: <see cref="PermissionFilter"/> checks <c>scope</c>.
/// </summary>
public sealed class CoordinationPlugin(
    CampaignCalendar calendar, ReminderPreferences preferences, InstructorStore store, DownloadFiles downloads, MonthlyReport monthlyReport)
{
    public const string Name = "coordination";

    [KernelFunction("formation_plans"), Description("一企一策 of a scope's units that must form: every plan, the units without one, or the plans past their deadline.")]
    public PlanList FormationPlans(
        KernelArguments arguments,
        [Description("plans (all), plans_missing or plans_overdue.")] ProgressMetric which,
        [Description("A district, street or community name (the sender's own when omitted).")] string? scope = null)
    {
        var turn = TurnContext.From(arguments);
        var (name, jurisdiction, refusal) = Resolve(turn.Sender, scope);
        if (jurisdiction is null)
        {
            return new PlanList(name, which, turn.Today, [], 0, 0, refusal);
        }

        var organizations = store.OrganizationsIn(jurisdiction);
        var plans = store.FormationPlans(jurisdiction);
        var byId = organizations.ToDictionary(o => o.Id);
        var unformed = organizations.Where(o => CoverageRules.MustFormButHasNot(o)).ToList();
        var rows = which switch
        {
            ProgressMetric.PlansMissing => unformed.Where(o => !plans.ContainsKey(o.Id)).Select(o => new PlanRow(o.Name, null, null)),
            _ => plans.Values
                .Where(p => byId.ContainsKey(p.OrganizationId))
                .Select(p => new PlanRow(byId[p.OrganizationId].Name, p, FormationPlanStatuses.Of(p, byId[p.OrganizationId], turn.Today)))
                .Where(r => which != ProgressMetric.PlansOverdue || r.Status == FormationPlanStatus.Overdue),
        };
        var ordered = rows.OrderBy(r => r.Plan?.Due ?? DateOnly.MaxValue).ThenBy(r => r.Organization, StringComparer.Ordinal).ToList();
        return new PlanList(name, which, turn.Today, ordered, unformed.Count, unformed.Count(o => plans.ContainsKey(o.Id)));
    }

    [KernelFunction("monthly_report"), Description("The month's progress report of a scope (figures per street or community, changes in the month, formations and visits) as an Excel workbook to download.")]
    public MonthlyReportFile MonthlyReportOf(
        KernelArguments arguments,
        [Description("The month, yyyy-MM.")] string month,
        [Description("A district, street or community name (the sender's own when omitted).")] string? scope = null)
    {
        var turn = TurnContext.From(arguments);
        var (name, jurisdiction, refusal) = Resolve(turn.Sender, scope);
        if (jurisdiction is null)
        {
            return new MonthlyReportFile(name, null, null, null, refusal);
        }

        if (MonthlyReportExporter.Month.Parse(month) is not { } asked || asked.First > turn.Today)
        {
            return new MonthlyReportFile(name, null, null, null, $"{month} 还没有开始，无法生成进度报表。");
        }

        // A user's own jurisdiction may be 全部 (an admin): the report then covers each district of the ledger.
        var match = store.FindScope(name) ?? new ScopeMatch(name, jurisdiction.Community is not null ? ScopeLevel.Community : jurisdiction.Street is not null ? ScopeLevel.Street : ScopeLevel.District, jurisdiction);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"进度报表-{name}-{asked.Year}{asked.Number:D2}.xlsx");
        var path = downloads.NewFile(".xlsx");
        var total = monthlyReport.Write(match, asked, path);
        const string contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var url = downloads.Register(path, fileName, contentType, turn.Sender.Id, turn.Channel);
        return new MonthlyReportFile(name, asked, total, new ReplyAttachment(fileName, url, contentType));
    }

    private (string Name, Jurisdiction? Jurisdiction, string? Refusal) Resolve(User sender, string? scope) =>
        PluginScopes.Resolve(store, sender, scope);

    [KernelFunction("campaign_deadline"), Description("Days left to a deadline of the campaign calendar (组建截止…), with the document it comes from.")]
    public string Deadline(
        KernelArguments arguments,
        [Description("The question as asked; a phase it names (组建, 排查, 验收) is the one answered.")] string question)
    {
        var turn = TurnContext.From(arguments);
        return CalendarReplies.Deadline(calendar, calendar.PhasesNamedIn(question ?? ""), question ?? "", turn.Today);
    }

    [KernelFunction("reporting_day"), Description("The next reporting day of the campaign calendar (报送日), with the document it comes from.")]
    public string ReportingDay(KernelArguments arguments) => CalendarReplies.NextReporting(calendar, TurnContext.From(arguments).Today);

    [KernelFunction("set_reminders"), Description("Turns the sender's proactive messages (digests, weekly reminders) off or on.")]
    public async Task<string> SetRemindersAsync(
        KernelArguments arguments,
        [Description("False to stop them (不要提醒), true to resume (恢复提醒).")] bool enabled,
        CancellationToken cancellationToken = default)
    {
        var turn = TurnContext.From(arguments);
        var changed = await preferences.SetAsync(turn.Sender.Id, enabled, cancellationToken);
        return (enabled, changed) switch
        {
            (false, true) => "好的，已停止向您发送主动提醒（报送日汇总、每周走访提醒）。需要时发送“恢复提醒”。",
            (false, false) => "主动提醒已经是关闭的。需要时发送“恢复提醒”。",
            (true, true) => "已恢复主动提醒：报送日汇总、每周走访提醒会照常发给您。不需要时发送“不要提醒”。",
            _ => "主动提醒本来就是开启的。不需要时发送“不要提醒”。",
        };
    }
}
