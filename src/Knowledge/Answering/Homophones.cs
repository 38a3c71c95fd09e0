namespace InstructorBot.Knowledge.Answering;

/// <summary>One pinyin-IME typo of a campaign term ("当员" for 党员) and the term.</summary>
public sealed record HomophoneTypo(string Typo, string Term, string Pinyin);

/// <summary>
/// The campaign terms' pinyin-IME homophone typos (Resources/homophones.tsv): a busy user picks the IME's first candidate
/// for "dang yuan" and types 当员. Reviewed data derived from the campaign's vocabulary, applied to a question before it is
/// analysed.
/// </summary>
public static class Homophones
{
    private static readonly Lazy<IReadOnlyList<HomophoneTypo>> Shipped = new(LoadDefault);

    public static IReadOnlyList<HomophoneTypo> LoadDefault()
    {
        using var stream = typeof(Homophones).Assembly.GetManifestResourceStream("InstructorBot.Knowledge.homophones.tsv")
            ?? throw new InvalidOperationException("homophones.tsv resource missing");
        using var reader = new StreamReader(stream);
        var typos = new List<HomophoneTypo>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 3)
            {
                throw new InvalidOperationException("homophones.tsv: three tab-separated cells per line: " + line);
            }

            typos.Add(new HomophoneTypo(cells[0], cells[1], cells[2]));
        }

        // Longest first: "交纳党废" before "党废".
        return [.. typos.OrderByDescending(t => t.Typo.Length)];
    }

    /// <summary>
    /// The question with every typo of the table replaced by its term (the question itself when there is none). A typo is
    /// left alone where its first character closes a word begun before it, or its last opens a word going on after it
    /// (<paramref name="isWord"/>, the segmenter's dictionary): "应当建立" holds 当建 across 应当|建立 and is no typo of 党建.
    /// </summary>
    public static string Correct(string question, Func<string, bool>? isWord = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question;
        foreach (var typo in Shipped.Value)
        {
            for (var at = text.IndexOf(typo.Typo, StringComparison.Ordinal); at >= 0; at = text.IndexOf(typo.Typo, at + 1, StringComparison.Ordinal))
            {
                var end = at + typo.Typo.Length;
                var straddles = isWord is not null
                    && ((at > 0 && isWord(string.Concat(text[at - 1], typo.Typo[0]))) || (end < text.Length && isWord(string.Concat(typo.Typo[^1], text[end]))));
                if (!straddles)
                {
                    text = string.Concat(text.AsSpan(0, at), typo.Term, text.AsSpan(end));
                }
            }
        }

        return text;
    }
}
