using System.Globalization;

namespace InstructorBot.Bot.Coordination;

/// <summary>
/// The campaign calendar with its dates resolved to days: phases (each ending in a deadline) and reporting days. Built from
/// <see cref="CampaignCalendarOptions"/>; every answer carries the document and the passage its date comes from.
/// </summary>
public sealed class CampaignCalendar
{
    public CampaignCalendar(CampaignCalendarOptions options, int year)
    {
        ArgumentNullException.ThrowIfNull(options);
        Document = options.Document;
        var phases = new List<DatedPhase>();
        DateOnly? previousEnd = null;
        foreach (var phase in options.Phases)
        {
            var end = ParseDay(phase.End, year) ?? throw new FormatException($"Campaign:Calendar phase '{phase.Name}': End '{phase.End}' is not MM-dd or yyyy-MM-dd.");
            var start = phase.Start is { Length: > 0 } s
                ? ParseDay(s, year) ?? throw new FormatException($"Campaign:Calendar phase '{phase.Name}': Start '{s}' is not MM-dd or yyyy-MM-dd.")
                : previousEnd?.AddDays(1);
            phases.Add(new DatedPhase(phase.Name, start, end, [.. phase.Keywords], phase.Source));
            previousEnd = end;
        }

        Phases = phases;
        Reporting = [.. options.Reporting];
    }

    /// <summary>The document the calendar comes from (without 《》).</summary>
    public string Document { get; }

    public IReadOnlyList<DatedPhase> Phases { get; }

    public IReadOnlyList<ReportingRule> Reporting { get; }

    /// <summary>"MM-dd" in <paramref name="year"/>, or a full "yyyy-MM-dd"; null when neither.</summary>
    public static DateOnly? ParseDay(string text, int year)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            return full;
        }

        return DateOnly.TryParseExact($"{year:D4}-{trimmed}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>The phases a question names by one of their keywords (the longest keyword found wins), in calendar order.</summary>
    public IReadOnlyList<DatedPhase> PhasesNamedIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = Phases.Select(p => (Phase: p, Length: p.Keywords.Where(k => k.Length > 0 && text.Contains(k, StringComparison.Ordinal)).Select(k => k.Length).DefaultIfEmpty(0).Max()))
            .Where(x => x.Length > 0).ToList();
        if (found.Count == 0)
        {
            return [];
        }

        var longest = found.Max(x => x.Length);
        return [.. found.Where(x => x.Length == longest).Select(x => x.Phase)];
    }

    /// <summary>The keyword of <paramref name="phase"/> the text uses (for the reply's wording), else null.</summary>
    public static string? KeywordIn(DatedPhase phase, string text)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return phase.Keywords.Where(k => k.Length > 0 && text.Contains(k, StringComparison.Ordinal)).OrderByDescending(k => k.Length).FirstOrDefault();
    }

    /// <summary>The first deadline on or after <paramref name="today"/>; null when every phase has ended.</summary>
    public DatedPhase? NextDeadline(DateOnly today) => Phases.Where(p => p.End >= today).OrderBy(p => p.End).FirstOrDefault();

    /// <summary>The phase <paramref name="today"/> falls in (the one that started last), or null.</summary>
    public DatedPhase? CurrentPhase(DateOnly today) =>
        Phases.Where(p => p.Start is { } start && start <= today && today <= p.End).OrderByDescending(p => p.Start).FirstOrDefault();

    /// <summary>The rule that makes <paramref name="day"/> a reporting day, or null.</summary>
    public ReportingRule? ReportingRuleOn(DateOnly day) =>
        Reporting.FirstOrDefault(rule => (rule.Months.Count == 0 || rule.Months.Contains(day.Month)) && rule.Days.Any(d => DayIn(day.Year, day.Month, d) == day));

    /// <summary>The first reporting day on or after <paramref name="today"/> (within two years), or null when the calendar has none.</summary>
    public ReportingDate? NextReportingDay(DateOnly today)
    {
        for (var month = new DateOnly(today.Year, today.Month, 1); month < today.AddYears(2); month = month.AddMonths(1))
        {
            var best = Reporting
                .Where(rule => rule.Months.Count == 0 || rule.Months.Contains(month.Month))
                .SelectMany(rule => rule.Days.Select(d => new ReportingDate(DayIn(month.Year, month.Month, d), rule)))
                .Where(r => r.Date >= today)
                .OrderBy(r => r.Date)
                .FirstOrDefault();
            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>The last reporting day before <paramref name="today"/> (within two years), or null.</summary>
    public DateOnly? PreviousReportingDay(DateOnly today)
    {
        for (var day = today.AddDays(-1); day > today.AddYears(-2); day = day.AddDays(-1))
        {
            if (ReportingRuleOn(day) is not null)
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>Day <paramref name="day"/> of the month, the month's last day when it is shorter ("每月31日" in February).</summary>
    private static DateOnly DayIn(int year, int month, int day) => new(year, month, Math.Clamp(day, 1, DateTime.DaysInMonth(year, month)));
}

/// <summary>A phase with its days: <see cref="End"/> is its deadline.</summary>
public sealed record DatedPhase(string Name, DateOnly? Start, DateOnly End, IReadOnlyList<string> Keywords, string Source);

/// <summary>A reporting day and the rule it comes from.</summary>
public sealed record ReportingDate(DateOnly Date, ReportingRule Rule);
