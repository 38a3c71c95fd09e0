namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// One thing a question is about: a bigram, a number or a synonym group; evidence covers it if it holds any alternative.
/// <see cref="Expansions"/> are the documents' words for it from the thesaurus: they cover it for <see cref="ExpansionCredit"/>
/// of its weight. <see cref="Run"/> and <see cref="Position"/> place a bigram in its run of Han characters (-1 otherwise);
/// <see cref="Start"/> is where the term stands in the question (-1 when unknown).
/// </summary>
public sealed record KeyTerm(IReadOnlyList<string> Alternatives, bool Generic, int Run = -1, int Position = -1, int Start = -1)
{
    public IReadOnlyList<string> Expansions { get; init; } = [];

    public double ExpansionCredit { get; init; } = 1;

    /// <summary>The unit type the term lies in (律所 of "没有党员的律所"), whose classes cover it for the judge (<see cref="ClassCredit"/>).</summary>
    public UnitClass? UnitClass { get; init; }

    /// <summary>What a text naming the unit type's class gives the term (<see cref="UnitClasses.Credit"/>; 0 for a term of no unit type).</summary>
    public double ClassCredit(string matchText) => UnitClasses.Credit(UnitClass, matchText);

    /// <summary>A word of three or four characters of the question ("联络员"), a term of its own when the documents write it.</summary>
    public bool IsWord { get; init; }

    /// <summary>The word of three or four characters this bigram lies in ("络员" in 联络员): the word stands for it when the documents write it.</summary>
    public string? InWord { get; init; }

    /// <summary>A bigram across two words of the question ("党员有" → 员有) that is no word itself.</summary>
    public bool CrossesWords { get; init; }

    /// <summary>
    /// A bigram jieba's HMM guessed to be a word though it joins two common dictionary words ("人管" in 一个人管一家): where the
    /// documents hold it ("有人管"), it is as likely a junction as a word.
    /// </summary>
    public bool GuessedJoin { get; init; }

    /// <summary>Every word that covers the term, its own and the thesaurus's.</summary>
    public IEnumerable<string> Words => Alternatives.Concat(Expansions);

    public bool CoveredBy(string matchText) => Credit(matchText) > 0;

    /// <summary>1 when the text holds one of the term's own words, <see cref="ExpansionCredit"/> when only an expansion, else 0.</summary>
    public double Credit(string matchText)
    {
        // Loops rather than Any: this runs for every term against every candidate sentence of every question.
        for (var i = 0; i < Alternatives.Count; i++)
        {
            if (Holds(matchText, Alternatives[i]))
            {
                return 1;
            }
        }

        for (var i = 0; i < Expansions.Count; i++)
        {
            if (Holds(matchText, Expansions[i]))
            {
                return ExpansionCredit;
            }
        }

        return 0;
    }

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
