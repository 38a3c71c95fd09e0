using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Figures;

/// <summary>
/// A scope's coverage over a window (覆盖率趋势, 覆盖率这个月提高了多少), each point computed from
/// <see cref="CoverageHistory"/>: the ledger as it stood at the end of that day.
/// </summary>
public sealed class CoverageTrend(CoverageCalculator calculator)
{
    /// <summary>A line over the window has at most this many points (a long campaign is sampled, its last day always kept).</summary>
    public const int MaxPoints = 60;

    /// <summary>The figures at the end of <paramref name="day"/>.</summary>
    public CoveragePoint At(string scopeName, IReadOnlyList<Organization> organizations, DateOnly day) =>
        new(day, calculator.Compute(scopeName, CoverageHistory.AsOf(organizations, day)));

    /// <summary>
    /// The figures at the end of the day before <paramref name="from"/> (the window's start) and at the end of
    /// <paramref name="to"/>: what changed within the window.
    /// </summary>
    public CoverageChange Change(string scopeName, IReadOnlyList<Organization> organizations, DateOnly from, DateOnly to) =>
        new(At(scopeName, organizations, from.AddDays(-1)), At(scopeName, organizations, to));

    /// <summary>Points from <paramref name="from"/> to <paramref name="to"/> (inclusive): every day, or evenly spaced days when more than <see cref="MaxPoints"/>.</summary>
    public IReadOnlyList<CoveragePoint> Over(string scopeName, IReadOnlyList<Organization> organizations, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        if (to < from)
        {
            return [];
        }

        var days = to.DayNumber - from.DayNumber + 1;
        var step = (days + MaxPoints - 1) / MaxPoints;
        var points = new List<CoveragePoint>();
        for (var day = from; day <= to; day = day.AddDays(step))
        {
            points.Add(At(scopeName, organizations, day));
        }

        if (points[^1].Day != to)
        {
            points.Add(At(scopeName, organizations, to));
        }

        return points;
    }
}
