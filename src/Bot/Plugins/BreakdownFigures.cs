using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Plugins;

/// <summary>A scope's coverage figures per street, community, industry or instructor (ranked), or why they may not be shown.</summary>
public sealed record BreakdownFigures(string Scope, BreakdownLevel By, IReadOnlyList<CoverageReport> Rows, string? Refusal = null);
