namespace InstructorBot.Knowledge.Search;

/// <summary>
/// The question-bank keys that mark one sentence of a passage as an answer (<see cref="QuestionBank"/>), with the bank
/// document whose lines of them are the passage's: read once per passage from the index, not once per question.
/// </summary>
public sealed class BankKeys
{
    public BankKeys(IReadOnlyList<string> keys, string? scope)
    {
        Keys = keys;
        Scope = scope;
        Id = string.Join('\n', keys.Prepend(scope ?? "\0"));
    }

    public IReadOnlyList<string> Keys { get; }

    /// <summary>The bank document of the passage (<see cref="QuestionBank.ScopeOf"/>; null: every line).</summary>
    public string? Scope { get; }

    /// <summary>The scope and keys as one string: what the bank's matches and bounds are cached by.</summary>
    public string Id { get; }

    /// <summary>The keys of each sentence that has some (a key of the passage as a whole, sentence -1, marks none), in the order they first occur.</summary>
    internal static IReadOnlyDictionary<int, BankKeys> BySentence(IReadOnlyList<(string Key, int Sentence)> asked, string? scope) =>
        asked.Where(a => a.Sentence >= 0).GroupBy(a => a.Sentence).ToDictionary(g => g.Key, g => new BankKeys([.. g.Select(a => a.Key)], scope));
}
