namespace InstructorBot.Knowledge.Documents;

/// <summary>One section of a document: its heading path ("二、重点任务 / （二）集中推进组建") and its own text.</summary>
public sealed record Passage(
    string Section,
    string Text,
    int Level,
    IReadOnlyList<string> ChildHeadings);
