namespace InstructorBot.Knowledge.Formation;

/// <summary>Where a rule comes from: a distinctive part of the document's title and the document's own words.</summary>
public sealed record RuleSource(string Document, string Quote);
