namespace InstructorBot.Store.Figures;

/// <summary>
/// The figures of DOMAIN.md §Figures for one scope; property order is the JSON key order of CLI.md §report.
/// Rates are plain ratios (covered / base), 0 when the base is empty.
/// </summary>
public sealed record CoverageReport(
    string Scope,
    int Base,
    int Covered,
    int Single,
    int Joint,
    int Functional,
    int WorkCovered,
    double CoverageRate,
    double SingleRate,
    double WorkCoverageRate,
    IReadOnlyList<string> UnformedRequired,
    IReadOnlyList<string> MembersRequired);
