namespace InstructorBot.Knowledge.Formation;

/// <summary>
/// Where a rule comes from: a distinctive part of the document's title, the document's own words, and optionally the rule
/// as that document states it (<see cref="Text"/>), for a deployment whose first indexed source is this one.
/// </summary>
public sealed record RuleSource(string Document, string Quote, string? Text = null);
