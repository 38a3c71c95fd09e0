namespace InstructorBot.Knowledge.Formation;

/// <summary>One formation rule of DOMAIN.md as data: its id, its Chinese statement and its sources.</summary>
public sealed record FormationRule(string Id, string Text, IReadOnlyList<RuleSource> Sources);
