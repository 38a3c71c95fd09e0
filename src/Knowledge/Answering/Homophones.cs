using System.Text;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// Toneless pinyin of Chinese characters (Resources/pinyin.tsv, generated once from the MIT-licensed pinyin-pro for the
/// documents' characters and the 3,500 commonest ones; its header names the source). A heteronym has several readings.
/// </summary>
public static class Pinyin
{
    private static readonly Lazy<IReadOnlyDictionary<char, string[]>> Table = new(Load);

    /// <summary>How many characters the table reads.</summary>
    public static int Count => Table.Value.Count;

    /// <summary>The character's toneless readings (empty when the table lacks it).</summary>
    public static IReadOnlyList<string> Readings(char c) => Table.Value.TryGetValue(c, out var readings) ? readings : [];

    /// <summary>
    /// Every reading of <paramref name="word"/> ("员" is yuan or yun: 党员 → "dang yuan", "dang yun"), at most
    /// <paramref name="max"/>; none when a character has no reading.
    /// </summary>
    public static IReadOnlyList<string> Keys(string word, int max = 16)
    {
        var keys = new List<string> { string.Empty };
        var next = new List<string>();
        foreach (var c in word)
        {
            var readings = Readings(c);
            if (readings.Count == 0)
            {
                return [];
            }

            // Each key so far with each reading, in that order, the first max of them (no LINQ: this runs for every run
            // of two to four characters of every question).
            next.Clear();
            foreach (var k in keys)
            {
                foreach (var r in readings)
                {
                    if (next.Count == max)
                    {
                        break;
                    }

                    next.Add(k.Length == 0 ? r : string.Concat(k, " ", r));
                }
            }

            (keys, next) = (next, keys);
        }

        return keys;
    }

    /// <summary>Every character of the table with its readings (the understanding's sound-alike stage keys on them).</summary>
    public static IEnumerable<KeyValuePair<char, string[]>> All() => Table.Value;

    /// <summary>All characters read <paramref name="reading"/> (for generating typos in tests).</summary>
    public static IEnumerable<char> WithReading(string reading) => Table.Value.Where(e => e.Value.Contains(reading)).Select(e => e.Key);

    private static IReadOnlyDictionary<char, string[]> Load()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream("InstructorBot.Knowledge.pinyin.tsv")
            ?? throw new InvalidOperationException("pinyin.tsv resource missing");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<char, string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 2 || cells[0].Length != 1)
            {
                throw new InvalidOperationException("pinyin.tsv: a character, a tab, its readings: " + line);
            }

            table[cells[0][0]] = cells[1].Split('/');
        }

        return table;
    }
}

/// <summary>
/// Pinyin-IME typos put right: a busy user takes the IME's first candidate for "dang yuan" and types 当员. A run of two to
/// four characters of the question that is neither a dictionary word nor written in the documents, and that reads like a
/// word of the corpus vocabulary sharing at least one character with it, is read as that word. Built from the index's
/// vocabulary (<see cref="Search.KnowledgeIndex.Vocabulary"/>), so a document added with <c>index</c> brings its words.
/// </summary>
public sealed class Homophones
{
    private readonly Dictionary<string, List<(string Word, int Frequency)>> byKey = new(StringComparer.Ordinal);

    public Homophones(IEnumerable<(string Word, int Frequency)> vocabulary)
    {
        foreach (var (word, frequency) in vocabulary)
        {
            if (word.Length is < 2 or > 4 || !word.All(TextCleaner.IsCjk))
            {
                continue;
            }

            foreach (var key in Pinyin.Keys(word))
            {
                if (!byKey.TryGetValue(key, out var words))
                {
                    byKey[key] = words = [];
                }

                words.Add((word, frequency));
            }
        }
    }

    /// <summary>The corpus word <paramref name="run"/> sounds like (the most frequent), sharing a character with it, with its passage count; null when none.</summary>
    public (string Word, int Frequency)? SoundsLike(string run)
    {
        (string Word, int Frequency)? best = null;
        foreach (var key in Pinyin.Keys(run))
        {
            if (!byKey.TryGetValue(key, out var words))
            {
                continue;
            }

            foreach (var candidate in words)
            {
                if (candidate.Word == run || !SharesCharacter(candidate.Word, run))
                {
                    continue;
                }

                if (best is null || candidate.Frequency > best.Value.Frequency
                    || candidate.Frequency == best.Value.Frequency && string.CompareOrdinal(candidate.Word, best.Value.Word) < 0)
                {
                    best = candidate;
                }
            }
        }

        return best;
    }

    /// <summary>True when the two (of the same length) have the same character at some place.</summary>
    private static bool SharesCharacter(string word, string run)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] == run[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The question with its typos put right (longest run first, left to right). A run is left alone when it is a word of
    /// the dictionary (<paramref name="isWord"/>), written in the documents (<paramref name="written"/>), or straddles two
    /// correct words: its first character closes a word begun before it, or its last opens a word going on after it
    /// ("应当建立" holds 当建 across 应当|建立 and is no typo of 党建; "幼儿园有" holds 园有 and is no typo of 原有).
    /// </summary>
    /// <param name="common">
    /// A character too common to be a typo (的, 是, 了, 去…: "我是" is no typo of 我市, "年的" none of 年底): a run whose
    /// changed characters include one is left alone.
    /// </param>
    public string Correct(string question, Func<string, bool> isWord, Func<string, bool> written, Func<char, bool>? common = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var found = new List<(int At, int Length, string Word, int Frequency)>();
        for (var at = 0; at < question.Length; at++)
        {
            for (var n = 2; n <= 4 && at + n <= question.Length; n++)
            {
                var run = question.Substring(at, n);
                if (!run.All(TextCleaner.IsCjk) || SoundsLike(run) is not { } sounds || isWord(run) || written(run)
                    || common is not null && run.Where((c, i) => c != sounds.Word[i] && common(c)).Any())
                {
                    continue;
                }

                // A run whose first character closes a word begun before it or whose last opens one going on after it
                // ("应当|建立", "幼儿园|有", "组建|里") is read across two correct words. (This leaves "建党尾" alone too: 建党
                // is a word; telling the two apart needs more than the dictionary.)
                var end = at + n;
                var straddles = Enumerable.Range(1, 3).Any(k => at - k >= 0 && isWord(question.Substring(at - k, k + 1)))
                    || Enumerable.Range(1, 3).Any(k => end - 1 + k < question.Length && isWord(question.Substring(end - 1, k + 1)));
                if (!straddles)
                {
                    found.Add((at, n, sounds.Word, sounds.Frequency));
                }
            }
        }

        // Overlapping readings ("建知部": 建制 or 支部): the word the documents use more often, then the longer one.
        var taken = new bool[question.Length];
        var chosen = new List<(int At, int Length, string Word)>();
        foreach (var (at, length, word, _) in found.OrderByDescending(f => f.Frequency).ThenByDescending(f => f.Length).ThenBy(f => f.At))
        {
            if (taken.AsSpan(at, length).IndexOf(true) < 0)
            {
                Array.Fill(taken, true, at, length);
                chosen.Add((at, length, word));
            }
        }

        var text = new StringBuilder(question);
        foreach (var (at, length, word) in chosen)
        {
            text.Remove(at, length).Insert(at, word);
        }

        return text.ToString();
    }
}
