namespace InstructorBot.Knowledge.Search;

/// <summary>A passage found by a search, with what is needed to quote and cite it.</summary>
public sealed record PassageHit(
    string DocumentTitle,
    string Section,
    string Text,
    IReadOnlyList<string> ChildHeadings,
    float Score);
