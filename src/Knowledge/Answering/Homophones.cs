using System.Text;

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

    /// <summary>The question with every typo of the table replaced by its term (the question itself when there is none).</summary>
    public static string Correct(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        StringBuilder? corrected = null;
        foreach (var typo in Shipped.Value)
        {
            if ((corrected?.ToString() ?? question).Contains(typo.Typo, StringComparison.Ordinal))
            {
                corrected ??= new StringBuilder(question);
                corrected.Replace(typo.Typo, typo.Term);
            }
        }

        return corrected?.ToString() ?? question;
    }
}
