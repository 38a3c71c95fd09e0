namespace InstructorBot.Knowledge.Search;

/// <summary>A passage found by a search, with what is needed to quote and cite it; <c>Origin</c>: issuing body and 文号.</summary>
public sealed record PassageHit(
    string DocumentTitle,
    string Origin,
    string Section,
    string Text,
    IReadOnlyList<string> ChildHeadings,
    float Score);
