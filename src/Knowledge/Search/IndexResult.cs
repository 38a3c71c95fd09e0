namespace InstructorBot.Knowledge.Search;

/// <summary>The outcome of indexing one file, with the title found and the number of passages.</summary>
public sealed record IndexResult(string Path, IndexOutcome Outcome, string? Title, int Passages);
