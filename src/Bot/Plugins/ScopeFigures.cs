using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Plugins;

/// <summary>Coverage figures of a scope (as <c>report</c> computes them), or why they may not be shown.</summary>
public sealed record ScopeFigures(string Scope, CoverageReport? Report, string? Refusal = null);
