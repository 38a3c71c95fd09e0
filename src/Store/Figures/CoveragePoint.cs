namespace InstructorBot.Store.Figures;

/// <summary>A scope's coverage figures as they stood at the end of <paramref name="Day"/>.</summary>
public sealed record CoveragePoint(DateOnly Day, CoverageReport Figures);
