using System.Globalization;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Coordination;

/// <summary>Computes what a proactive message says, from the store and the calendar (the text is in <c>Replies/NoticeReplies</c>).</summary>
public sealed class NoticeComposer(InstructorStore store, CampaignCalendar calendar, NoticeLog log)
{
    /// <summary>The ISO week of a day, "2026-W49": the period of a weekly reminder.</summary>
    public static string WeekOf(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}");

    public static string DayPeriod(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DigestContent Digest(User coordinator, DateOnly reportingDay, ReportingRule rule, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        var jurisdiction = coordinator.Jurisdiction;
        var report = new CoverageCalculator().Compute(jurisdiction.Name ?? "全部", store.OrganizationsIn(jurisdiction));
        var previous = log.LastSentBefore(coordinator.Id, NoticeKinds.Digest, DayPeriod(reportingDay))?.Figures;

        // Since the last digest; the first one looks back to the reporting day before it.
        var since = previous is not null
            ? DateOnly.ParseExact(previous.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : calendar.PreviousReportingDay(reportingDay) ?? reportingDay.AddDays(-15);
        var struckOff = new List<StruckOffUnit>();
        foreach (var formation in store.Formations(jurisdiction, since.AddDays(1), today))
        {
            var units = formation.UnitIds.Count > 0 ? formation.UnitIds : [formation.OrganizationId];
            foreach (var unit in units)
            {
                if (store.FindOrganization(unit) is { } organization && jurisdiction.Contains(organization) && CoverageRules.IsCovered(organization))
                {
                    struckOff.Add(new StruckOffUnit(organization.Name, formation.Date, formation.Method));
                }
            }
        }

        var overdue = store.FormationPlans(jurisdiction)
            .Select(p => (Plan: p.Value, Unit: store.FindOrganization(p.Key)))
            .Where(p => p.Unit is not null && FormationPlanStatuses.Of(p.Plan, p.Unit, today) == FormationPlanStatus.Overdue)
            .Select(p => new OverduePlan(p.Unit!.Name, p.Plan))
            .OrderBy(p => p.Plan.Due).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return new DigestContent(
            report.Scope, today, rule, report, previous, since,
            [.. struckOff.DistinctBy(s => s.Name).OrderBy(s => s.Date).ThenBy(s => s.Name, StringComparer.Ordinal)],
            calendar.NextDeadline(today),
            overdue);
    }

    public static DigestFigures FiguresOf(CoverageReport report, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new DigestFigures(report.Base, report.Covered, report.Single, report.WorkCovered, report.UnformedRequired.Count, DayPeriod(asOf));
    }

    /// <summary>
    /// The instructor's units not yet covered and not visited in the last <paramref name="notVisitedDays"/> days, and the
    /// 应建未建 units with the formation deadline; null when there is nothing to remind of.
    /// </summary>
    public VisitReminderContent? VisitReminder(User instructor, DateOnly today, int notVisitedDays)
    {
        ArgumentNullException.ThrowIfNull(instructor);
        var jurisdiction = instructor.Jurisdiction;
        var units = store.OrganizationsIn(jurisdiction).Where(o => CoverageRules.InBase(o) && !CoverageRules.IsCovered(o)).ToList();
        var lastVisits = store.Visits(jurisdiction, today.AddYears(-1), today)
            .GroupBy(v => v.OrganizationId).ToDictionary(g => g.Key, g => g.Max(v => v.Date));
        var threshold = today.AddDays(-notVisitedDays);
        var waiting = units
            .Select(o => new WaitingUnit(o.Name, lastVisits.TryGetValue(o.Id, out var last) ? last : null))
            .Where(w => w.LastVisit is not { } last || last <= threshold)
            .OrderBy(w => w.LastVisit ?? DateOnly.MinValue).ThenBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
        var report = new CoverageCalculator().Compute(jurisdiction.Name ?? "全部", store.OrganizationsIn(jurisdiction));
        if (waiting.Count == 0 && report.UnformedRequired.Count == 0)
        {
            return null;
        }

        var formation = calendar.PhasesNamedIn("组建").Where(p => p.End >= today).MinBy(p => p.End)
            ?? calendar.PhasesNamedIn("组建").MaxBy(p => p.End);
        return new VisitReminderContent(jurisdiction.Name ?? "全部", today, notVisitedDays, waiting, report.UnformedRequired, formation);
    }
}
