using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Answering;

// Pinyin-IME typos: the homophone index of the corpus vocabulary, built once per index version, and the tests of what
// is a real word, a written word and a common character.
public sealed partial class AskService
{
    private (int Version, Homophones Table)? typos;

    /// <summary>The question with its pinyin-IME typos put right, as <see cref="AskScored"/> reads it (for tests and tuning).</summary>
    internal string CorrectTypos(string question) => Typos().Correct(question, RealWord, Written, CommonCharacter);

    /// <summary>
    /// A character whose own frequency as a word in jieba's dictionary is at least this is too common to be a typo (的, 是,
    /// 了, 我; 之 at 140,957, 道 at 140,545 and 当 at 42,694 are below it: 之部, 知道员, 当员 are typos).
    /// </summary>
    public const int CommonCharacterFrequency = 150_000;

    private static readonly Lazy<HashSet<string>> CampaignWords =
        new(() => [.. Search.IndexWords.CampaignWords(Vocabulary.LoadDefault(), Thesaurus.LoadDefault())]);

    /// <summary>The fewest passages a corpus word other than the campaign's own is held by for a typo to be read as it.</summary>
    public const int MinTypoTarget = 2;

    /// <summary>
    /// A word of the dictionary that people write (jieba's dictionary holds 复盖 and 书纪 at frequency 2, as misprints):
    /// a run of the question that is one is no typo.
    /// </summary>
    private bool RealWord(string word) => analyzer.IsWord(word) && (analyzer.WordFrequency(word) >= 5 || CampaignWords.Value.Contains(word));

    /// <summary>A character no typo is read into: a very common word of its own, or a one-character question word (哪, 啥, 几).</summary>
    private bool CommonCharacter(char c) => analyzer.WordFrequency(c.ToString()) >= CommonCharacterFrequency || analyzer.IsQuestionWord(c.ToString());

    /// <summary>The pinyin index of the corpus vocabulary, built once per index version.</summary>
    private Homophones Typos()
    {
        var cached = typos;
        if (cached is { } held && held.Version == index.Version)
        {
            return held.Table;
        }

        var version = index.Version;
        // A word counts by the passages that hold it, as a word or as a bigram (支部 stands inside 党支部); one held by fewer
        // than MinTypoTarget passages (扛起, 我区) is too rare to be what a typo meant, unless it is one of the campaign's words.
        var vocabulary = index.Vocabulary();
        var table = new Homophones(vocabulary
            .Select(v => (v.Word, Frequency: v.Word.Length == 2 ? Math.Max(v.Frequency, index.DocumentFrequency(v.Word)) : v.Frequency))
            .Where(v => v.Frequency >= MinTypoTarget || CampaignWords.Value.Contains(v.Word))
            .Concat(InnerWords(vocabulary)));
        typos = (version, table);
        return table;
    }

    /// <summary>
    /// The campaign words of three or four characters that the word field never holds alone because they stand inside a
    /// longer word of it (指导员 in 党建工作指导员, 党支部 in 联合党支部), with the passages of the longer words: a typo of
    /// them ("只导员", "指到员") is read as they are. Only campaign words: an everyday word inside a long one is left alone.
    /// </summary>
    private static IEnumerable<(string Word, int Frequency)> InnerWords(IReadOnlyList<(string Word, int Frequency)> vocabulary)
    {
        var held = vocabulary.Select(v => v.Word).ToHashSet(StringComparer.Ordinal);
        var inner = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, frequency) in vocabulary.Where(v => v.Word.Length > 3 && v.Word.All(TextCleaner.IsCjk)))
        {
            for (var n = 3; n <= 4 && n < word.Length; n++)
            {
                for (var at = 0; at + n <= word.Length; at++)
                {
                    var part = word.Substring(at, n);
                    if (!held.Contains(part) && CampaignWords.Value.Contains(part))
                    {
                        inner[part] = inner.GetValueOrDefault(part) + frequency;
                    }
                }
            }
        }

        return inner.Select(e => (e.Key, e.Value));
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Version, string Word), bool> written = new();

    /// <summary>True when some passage writes <paramref name="word"/> as it is (not only its bigrams apart).</summary>
    private bool Written(string word) => DocumentFrequency(word) > 0 && written.GetOrAdd((index.Version, word),
        key => index.Search([key.Word], BoundLookup).Any(h => h.MatchText.Contains(key.Word, StringComparison.Ordinal)));
}
