namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// One thing a question is about: a bigram, a number or a synonym group; evidence covers it if it holds any alternative.
/// <see cref="Run"/> and <see cref="Position"/> place a bigram in its run of Han characters (-1 otherwise); <see cref="Start"/>
/// is where the term stands in the question (-1 when unknown).
/// </summary>
public sealed record KeyTerm(IReadOnlyList<string> Alternatives, bool Generic, int Run = -1, int Position = -1, int Start = -1)
{
    public bool CoveredBy(string matchText) => Alternatives.Any(a => Holds(matchText, a));

    /// <summary>A number is held whole: "附件2" is not in "2021年".</summary>
    private static bool Holds(string text, string word)
    {
        if (word.Length == 0 || !char.IsAsciiDigit(word[0]))
        {
            return text.Contains(word, StringComparison.Ordinal);
        }

        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsAsciiDigit(text[at - 1])) && (end >= text.Length || !char.IsAsciiDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
