namespace InstructorBot.Knowledge.Answering;

/// <summary>Where an answer comes from: the document's title, the heading path, and the document's own words.</summary>
public sealed record Citation(string Document, string Section, string Quote);
