namespace InstructorBot.Knowledge;

/// <summary>How a <see cref="KnowledgeBase"/> reads and answers.</summary>
public sealed record KnowledgeOptions
{
    /// <summary>
    /// Whether passages get the questions of the shipped question bank (Resources/asked/*.tsv, <see cref="Search.QuestionBank"/>).
    /// On by default; off only to measure what the bank adds (docs/knowledge.md, round 8). An index written with the other
    /// setting is rebuilt from its files.
    /// </summary>
    public bool UseQuestionBank { get; init; } = true;

    /// <summary>The question bank to use instead of the shipped one when <see cref="UseQuestionBank"/> (for measuring: a bank with a document's lines withheld).</summary>
    public Search.QuestionBank? QuestionBank { get; init; }
}
