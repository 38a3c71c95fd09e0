using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Figures;

/// <summary>
/// A scope's figures per street, community, industry or instructor (各街道对比): one <see cref="CoverageReport"/> per group,
/// ranked by coverage rate, then by base (a larger base first at the same rate), then by name. Groups whose base is empty
/// are kept (they show 0/0), so the table lists every street of the scope.
/// </summary>
public sealed class CoverageBreakdown(CoverageCalculator calculator)
{
    /// <summary>The label of organisations the ledger leaves without the grouping field.</summary>
    public const string Unstated = "未填写";

    public IReadOnlyList<CoverageReport> Compute(IReadOnlyList<Organization> organizations, BreakdownLevel level)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        return [.. organizations
            .GroupBy(o => KeyOf(o, level), StringComparer.Ordinal)
            .Select(g => calculator.Compute(g.Key, [.. g]))
            .OrderByDescending(r => r.CoverageRate)
            .ThenByDescending(r => r.Base)
            .ThenBy(r => r.Scope, StringComparer.Ordinal)];
    }

    private static string KeyOf(Organization organization, BreakdownLevel level)
    {
        var key = level switch
        {
            BreakdownLevel.Street => organization.Street,
            BreakdownLevel.Community => organization.Community,
            BreakdownLevel.Industry => organization.Industry,
            BreakdownLevel.Instructor => organization.Instructor,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
        };
        return string.IsNullOrWhiteSpace(key) ? Unstated : key.Trim();
    }
}
