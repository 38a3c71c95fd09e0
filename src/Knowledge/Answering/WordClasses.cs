namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// The function words of jieba's dictionary (jieba/dict.txt beside the assembly, the dictionary <see cref="WordSegmenter"/>
/// cuts with): words tagged as pronouns (每个, 他们), numerals and measure words (这件, 一百), adverbs (具体, 再), prepositions,
/// conjunctions, particles, interjections and onomatopoeia. A question says them on any subject; they are never what it asks
/// about. A word the dictionary does not hold (a campaign word, an HMM-made word such as 帮建) is no function word.
/// </summary>
public static class WordClasses
{
    /// <summary>jieba's part-of-speech tags (ICTCLAS) of the classes above.</summary>
    private static readonly HashSet<string> FunctionTags =
        ["r", "rr", "rz", "rg", "m", "mq", "mg", "q", "d", "df", "dg", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "e", "o", "h", "k"];

    private static readonly Lazy<HashSet<string>> Function = new(() =>
    {
        var file = Path.Combine(AppContext.BaseDirectory, "jieba", "dict.txt");
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(file))
        {
            var cells = line.TrimEnd().Split(' ');
            if (cells.Length >= 3 && FunctionTags.Contains(cells[2]))
            {
                words.Add(cells[0]);
            }
        }

        return words;
    });

    /// <summary>jieba's tags of time words (当时, 过来) and locatives (以后, 上面): a question places its account with them.</summary>
    private static readonly HashSet<string> TimeAndPlaceTags = ["t", "tg", "f"];

    private static readonly Lazy<HashSet<string>> TimeAndPlace = new(() =>
    {
        var file = Path.Combine(AppContext.BaseDirectory, "jieba", "dict.txt");
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(file))
        {
            var cells = line.TrimEnd().Split(' ');
            if (cells.Length >= 3 && TimeAndPlaceTags.Contains(cells[2]))
            {
                words.Add(cells[0]);
            }
        }

        return words;
    });

    /// <summary>True when jieba's dictionary tags <paramref name="word"/> as a time word or a locative (当时, 以后, 上面).</summary>
    public static bool IsTimeOrPlaceWord(string word) => TimeAndPlace.Value.Contains(word);

    /// <summary>True when jieba's dictionary tags <paramref name="word"/> as a function word (every tag it has there is one).</summary>
    public static bool IsFunctionWord(string word) => Function.Value.Contains(word);
}
