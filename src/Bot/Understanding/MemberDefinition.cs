namespace InstructorBot.Bot.Understanding;

/// <summary>
/// One member category said by its definition, not its term: the parts of the definition (each a word class), said in
/// order within a short stretch. 口袋党员 (DOMAIN.md Terms: "transfer papers sit in a pocket") is the papers word and a place
/// held by the member (组织关系 + 揣在自己兜里); 流动党员 ("away from where the relation is held") is the papers word and a
/// place elsewhere (关系 + 在湖北老家). Data in <c>member_definitions</c> of vocabulary.json, each with its source line.
/// </summary>
public sealed record MemberDefinition
{
    /// <summary>pocket, flowing, hidden, probationary, hired.</summary>
    public string Category { get; init; } = "";

    /// <summary>The passage the definition is taken from (DOMAIN.md's Terms row, a campaign document).</summary>
    public string Source { get; init; } = "";

    /// <summary>The definition's parts in the order said; each part is a word class, one of whose words must be said.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Parts { get; init; } = [];

    /// <summary>Words that look like a part but say something else (没转正 is not 没转: a probation, not papers).</summary>
    public IReadOnlyList<string> Except { get; init; } = [];

    /// <summary>Words right before the first part that make it another word (没关系 is no papers word).</summary>
    public IReadOnlyList<string> NotAfter { get; init; } = [];

    /// <summary>How many characters the parts may spread over, from the first part's start.</summary>
    public int Window { get; init; } = 16;
}
