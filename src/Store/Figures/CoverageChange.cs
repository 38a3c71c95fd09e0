namespace InstructorBot.Store.Figures;

/// <summary>
/// A scope's coverage at a window's start (the end of the day before it) and end: 覆盖率这个月提高了多少. Rate changes are in
/// percentage points of the plain ratios.
/// </summary>
public sealed record CoverageChange(CoveragePoint Start, CoveragePoint End)
{
    public int CoveredChange => End.Figures.Covered - Start.Figures.Covered;

    public double CoverageRateChange => End.Figures.CoverageRate - Start.Figures.CoverageRate;

    public double SingleRateChange => End.Figures.SingleRate - Start.Figures.SingleRate;
}
