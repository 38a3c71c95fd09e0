using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Plugins;

/// <summary>A scope's coverage at a window's start and end (覆盖率这个月提高了多少), or why it may not be shown.</summary>
public sealed record CoverageChangeFigures(string Scope, CoverageChange? Change, string? Refusal = null);
