using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Figures;

/// <summary>Visits per week (每周走访情况): weeks start on Monday, as 本周/上周 do; every week of the window is listed, empty ones too.</summary>
public static class WeeklyVisits
{
    public static IReadOnlyList<WeekVisits> Compute(IEnumerable<Visit> visits, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(visits);
        if (to < from)
        {
            return [];
        }

        var inWindow = visits.Where(v => v.Date >= from && v.Date <= to).ToList();
        var weeks = new List<WeekVisits>();
        for (var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7)); monday <= to; monday = monday.AddDays(7))
        {
            var first = monday < from ? from : monday;
            var last = monday.AddDays(6) > to ? to : monday.AddDays(6);
            var week = inWindow.Where(v => v.Date >= first && v.Date <= last).ToList();
            weeks.Add(new WeekVisits(first, last, week.Select(v => v.OrganizationId).Distinct().Count(), week.Count));
        }

        return weeks;
    }
}
