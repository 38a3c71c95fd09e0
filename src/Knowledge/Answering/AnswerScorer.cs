namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// One confidence for an answer from its features: how much of what the question asks the answering sentence covers
/// (weighted, through the thesaurus), and whether the word the question turns on, the manner it asks about, a word it
/// negates and its subject are there. Hand weights: each missing feature scales the coverage down instead of vetoing
/// it; the threshold below which the answer is "no answer" is chosen on held-out own questions
/// (tests/Knowledge.Tests/HeldOutFoldTests.cs, docs/knowledge.md).
/// </summary>
public static class AnswerScorer
{
    /// <summary>Factor when the word the question turns on (its predicate) is in neither the sentence nor its headings.</summary>
    public const double PredicateMissing = 0.5;

    /// <summary>Factor when a how-question's manner (the word right before 怎么) is one the documents never use.</summary>
    public const double ModifierMissing = 0.5;

    /// <summary>Factor when the question negates with 非 a word the documents never negate and the sentence lacks it.</summary>
    public const double NegationMissing = 0.5;

    /// <summary>Factor when less than half of a one-clause question's subject is in the sentence and its headings.</summary>
    public const double SubjectMissing = 0.5;

    public static double Confidence(double coverage, bool predicateMissing, bool modifierMissing, bool negationMissing, bool subjectMissing) =>
        coverage
        * (predicateMissing ? PredicateMissing : 1)
        * (modifierMissing ? ModifierMissing : 1)
        * (negationMissing ? NegationMissing : 1)
        * (subjectMissing ? SubjectMissing : 1);
}
