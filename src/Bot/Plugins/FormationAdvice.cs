namespace InstructorBot.Bot.Plugins;

/// <summary>
/// The formation method that fits a unit (single / joint / functional / work_coverage), the level, the joint modes,
/// and the reasons with their sources; <c>Method</c> null when the facts do not say how many members it has.
/// </summary>
public sealed record FormationAdvice(string? Method, string? Level, IReadOnlyList<string> JointModes, IReadOnlyList<string> Reasons, string Summary, string? Refusal = null);
