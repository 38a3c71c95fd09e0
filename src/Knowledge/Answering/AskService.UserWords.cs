using InstructorBot.Knowledge.Formation;

namespace InstructorBot.Knowledge.Answering;

/// <summary>What users call a sentence (<see cref="Answering.UserWords"/>): its share of the ranking and the judge's feature.</summary>
public sealed partial class AskService
{
    /// <summary>
    /// A sentence whose users' words hold all of the question's asking terms gains this share of the question's total weight:
    /// below its own words (each covered term adds its full weight) and below the question bank (<see cref="BankShare"/>).
    /// </summary>
    public const double UserShare = 0.3;

    /// <summary>The users' words of the documents' sentences (Resources/user-words.tsv; HeldOutFoldTests sets one per fold).</summary>
    public UserWords UserWords { get; internal set; } = UserWords.Default;

    /// <summary>
    /// The words a question is known by when its answer's users' words are built: its asking clauses' terms (the telling
    /// clauses and generic words left out), each as the question writes it. Empty for advice.
    /// </summary>
    internal IReadOnlyList<string> AskingWords(string question)
    {
        question = Typos().Correct(SpokenBreak().Replace(question.Trim(), "，"), RealWord, Written, CommonCharacter);
        if (FactExtractor.AsksForAdvice(question, false))
        {
            return [];
        }

        var (terms, _, _, asking) = Weigh(question);
        return [.. terms.Where((t, i) => !t.Generic && (asking is null || asking[i])).Select(t => t.Alternatives[0]).Distinct()];
    }

    /// <summary>The question's terms its users' words are read for (asking, not generic) and their total weight.</summary>
    private static (int[] Terms, double Total) UserAsking(List<KeyTerm> terms, double[] weights, bool[]? asking)
    {
        int[] asked = [.. Enumerable.Range(0, terms.Count).Where(i => !terms[i].Generic && (asking is null || asking[i]))];
        return (asked, asked.Sum(i => weights[i]));
    }

    /// <summary>Share (by weight) of the question's asking terms among the words users asked the sentence by, 0 to 1.</summary>
    private double UserCredit(string sentence, List<KeyTerm> terms, double[] weights, int[] asked, double total)
    {
        if (total <= 0 || UserWords.Of(sentence) is not { } words)
        {
            return 0;
        }

        double held = 0;
        foreach (var i in asked)
        {
            var alternatives = terms[i].Alternatives;
            for (var a = 0; a < alternatives.Count; a++)
            {
                if (words.Contains(alternatives[a]))
                {
                    held += weights[i];
                    break;
                }
            }
        }

        return held / total;
    }
}
