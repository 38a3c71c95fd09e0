using JiebaNet.Segmenter;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// Chinese words of a text by jieba.NET (its dictionary is copied beside the assembly, in jieba/), with the campaign's own
/// words added so they stay whole. Used to keep the bigrams of a question inside its words: "党员有" gives 党员, not 员有.
/// </summary>
public sealed class WordSegmenter
{
    private static readonly object Gate = new();

    /// <summary>Changes whenever a segmenter adds words to jieba's dictionary, which all segmenters share: cuts kept before are stale.</summary>
    private static int generation;

    private readonly JiebaSegmenter segmenter;

    /// <summary>
    /// The cuts of short texts met lately, with the <see cref="generation"/> they were cut at: a question is cut by several
    /// readers of it (its terms, the bank's reading, the search, the focus words).
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Generation, (int Start, int End)[] Words)> recent = new(StringComparer.Ordinal);

    /// <summary>The longest text whose cut is kept (questions, not passages), and how many are kept before they are all let go.</summary>
    private const int MaxRecentLength = 300, MaxRecent = 1024;

    public WordSegmenter(IEnumerable<string> ownWords)
    {
        lock (Gate)
        {
            ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
            segmenter = new JiebaSegmenter();
            generation++;
            foreach (var word in ownWords.Where(w => w.Length >= 2 && w.All(Ingestion.TextCleaner.IsCjk)).Distinct(StringComparer.Ordinal))
            {
                segmenter.AddWord(word);
            }
        }
    }

    /// <summary>True when jieba's dictionary (or the campaign's words) holds <paramref name="word"/>.</summary>
    public bool IsWord(string word)
    {
        lock (Gate)
        {
            return WordDictionary.Instance.ContainsWord(word);
        }
    }

    /// <summary>The word's frequency in jieba's dictionary (0 when it holds no such word).</summary>
    public int Frequency(string word)
    {
        lock (Gate)
        {
            return WordDictionary.Instance.GetFreqOrDefault(word);
        }
    }

    /// <summary>Where each word of <paramref name="text"/> ends (exclusive), in order.</summary>
    public IReadOnlyList<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var keep = text.Length <= MaxRecentLength;
        if (keep && recent.TryGetValue(text, out var known) && known.Generation == Volatile.Read(ref generation))
        {
            return known.Words;
        }

        IEnumerable<string> cut;
        int cutAt;
        lock (Gate)
        {
            cut = segmenter.Cut(text, cutAll: false, hmm: true).ToList();
            cutAt = generation;
        }

        var at = 0;
        foreach (var word in cut)
        {
            words.Add((at, at + word.Length));
            at += word.Length;
        }

        if (keep)
        {
            if (recent.Count >= MaxRecent)
            {
                recent.Clear();
            }

            recent[text] = (cutAt, [.. words]);
        }

        return words;
    }

    /// <summary>
    /// For each position of <paramref name="text"/>, true when a word boundary lies between it and the next character and
    /// at least one of the two words around it is longer than one character ("党员|有"); runs of one-character words
    /// (a word jieba does not know, cut to characters) are not split.
    /// </summary>
    public bool[] Boundaries(string text) => Boundaries(Words(text), text.Length);

    /// <summary><see cref="Boundaries(string)"/> from words already cut.</summary>
    public static bool[] Boundaries(IReadOnlyList<(int Start, int End)> words, int length)
    {
        var boundaries = new bool[length];
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var (start, end) = words[i];
            var next = words[i + 1];
            if (end - start > 1 || next.End - next.Start > 1)
            {
                boundaries[end - 1] = true;
            }
        }

        return boundaries;
    }
}
