using System.Collections.Concurrent;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// A content word of the clauses that ask ("…党员多到什么程度可以成立总支？" → 党员, 成立 aside as generic, 总支): a word of the
/// question as jieba cuts it, never a bigram across two words, with the corpus words that say it too.
/// </summary>
/// <param name="Word">The question's word.</param>
/// <param name="Weight">Its IDF in the passages (0 when <paramref name="Known"/> is false).</param>
/// <param name="Known">Some passage writes it, or one of its <paramref name="Alternatives"/>.</param>
/// <param name="Rarity">How rare it is in everyday Chinese (1 for a word jieba's dictionary lacks, 0 for the commonest): for a word no passage uses.</param>
/// <param name="Alternatives">The documents' words for it and their credit: synonym groups and the thesaurus (its own word counts 1).</param>
/// <param name="Abbreviated">Corpus words whose characters hold it in order from the same first character ("帮建" in 帮扶组建, "总支" in 总支部).</param>
public sealed record FocusWord(string Word, double Weight, bool Known, double Rarity, IReadOnlyList<(string Word, double Credit)> Alternatives, IReadOnlyList<string> Abbreviated)
{
    /// <summary>What the text gives for the word: 1 when it writes it, an alternative's credit, <see cref="FocusCoverage.AbbreviationCredit"/> for a fuller word, else 0.</summary>
    public double Credit(string matchText)
    {
        if (matchText.Contains(Word, StringComparison.Ordinal))
        {
            return 1;
        }

        var credit = 0.0;
        foreach (var (word, wordCredit) in Alternatives)
        {
            if (wordCredit > credit && matchText.Contains(word, StringComparison.Ordinal))
            {
                credit = wordCredit;
            }
        }

        if (credit < FocusCoverage.AbbreviationCredit && Abbreviated.Any(w => matchText.Contains(w, StringComparison.Ordinal)))
        {
            credit = FocusCoverage.AbbreviationCredit;
        }

        return credit;
    }
}

/// <summary>
/// How well a sentence answers what a question asks, judged on the asking clauses' content words only (<see cref="FocusWord"/>):
/// words, not the bigrams of the whole question, so neither the clauses that tell the situation nor a bigram across two
/// words ("员多" of 党员|多, "不上" of 对不|上) can be missing from an answer. Each word counts by its IDF in the passages; one no
/// passage uses counts apart (<see cref="FocusMeasure.UnknownShare"/>): the sign of a question off the documents' subject.
/// </summary>
public sealed class FocusCoverage(KnowledgeIndex index, Vocabulary vocabulary, IReadOnlyList<ThesaurusEntry> thesaurus, QuestionAnalyzer analyzer)
{
    /// <summary>Credit of a corpus word that holds the question's word as an abbreviation (帮建 → 帮扶组建): the same thing, said shorter.</summary>
    public const double AbbreviationCredit = 0.9;

    /// <summary>
    /// The most often everyday Chinese may write a word read as an abbreviation (jieba's dictionary frequency): 总支 (22) and
    /// 帮建 (not there) are short for 总支部 and 帮扶组建; 党员 (a word in its own right) is not short for 党建指导员.
    /// </summary>
    public const int AbbreviationMaxFrequency = 200;

    /// <summary>The longest corpus word an abbreviation is read into: longer ones are phrases, not words.</summary>
    private const int MaxAbbreviated = 6;

    private static readonly Lazy<(Vocabulary Vocabulary, IReadOnlyList<ThesaurusEntry> Thesaurus)> Shipped = new(() => (Vocabulary.LoadDefault(), Thesaurus.LoadDefault()));

    /// <summary>Focus words read with the shipped vocabulary and thesaurus (Resources/).</summary>
    public static FocusCoverage Default(KnowledgeIndex index, QuestionAnalyzer analyzer) => new(index, Shipped.Value.Vocabulary, Shipped.Value.Thesaurus, analyzer);

    private readonly HashSet<string> generic = [.. vocabulary.GenericWords];
    private readonly IReadOnlyList<string> interrogatives = vocabulary.Interrogatives ?? [];
    private readonly HashSet<string> answerKinds = [.. vocabulary.AnswerKindWords ?? []];

    private readonly (string Word, IReadOnlyList<(string Word, double Credit)> Says)[] alternatives =
    [
        .. vocabulary.Synonyms.SelectMany(g => g.Select(w => (w, (IReadOnlyList<(string, double)>)[.. g.Select(x => (x, 1.0))]))),
        .. thesaurus.Select(e => (e.Word, (IReadOnlyList<(string, double)>)[.. e.DocumentWords.Select(x => (x, e.Credit))])),
        .. (vocabulary.LoneWords ?? new Dictionary<string, IReadOnlyList<string>>()).Select(p => (p.Key, (IReadOnlyList<(string, double)>)[.. p.Value.Select(x => (x, 1.0))])),
    ];

    private readonly ConcurrentDictionary<(int Version, string Word), (int Frequency, string[] Abbreviated)> known = new();
    /// <summary>The corpus words by first character, for the index version they were read at (one reference: no torn read).</summary>
    private Tuple<int, ILookup<char, string>>? vocabularyByFirst;

    /// <summary>
    /// The content words of the clauses that ask (<see cref="QuestionAnalyzer.AskingMask"/>): when those name nothing the
    /// documents use, the clause before each asks with them, and failing that the whole question.
    /// </summary>
    public IReadOnlyList<FocusWord> Words(string question)
    {
        // Each judge of an answer measures the same question: read once per question and index version.
        var version = index.Version;
        if (lastWords is { } last && last.Item1 == version && last.Item2 == question)
        {
            return last.Item3;
        }

        var words = Read(question);
        lastWords = Tuple.Create(version, question, words);
        return words;
    }

    /// <summary>The question <see cref="Words"/> read last, with the index version it was read at (one reference: no torn read).</summary>
    private Tuple<int, string, IReadOnlyList<FocusWord>>? lastWords;

    private IReadOnlyList<FocusWord> Read(string question)
    {
        var form = QuestionAnalyzer.MatchForm(question);
        var cut = index.Segmenter.Words(form).Select(w => (w.Start, w.End, Word: Content(form, w.Start, w.End))).Where(w => w.Word is not null).ToList();
        var all = cut.Select(w => w.Word!).ToList();
        List<FocusWord> Within(bool[]? m) => m is null ? all : [.. cut.Where(w => m.AsSpan(w.Start, w.End - w.Start).IndexOf(false) < 0).Select(w => w.Word!)];

        var mask = LastAsked(form, analyzer.AskingMask(question));
        var focus = Within(mask);
        if (mask is not null && !focus.Any(w => w.Known))
        {
            focus = Within(LastAsked(form, analyzer.AskingMask(question, extend: true)));
        }

        if (!focus.Any(w => w.Known))
        {
            focus = all;
        }

        return focus.DistinctBy(w => w.Word).ToList();
    }

    /// <summary>
    /// The asking clauses of the last sentence that asks: a message that tells its situation, maybe asking on the way
    /// ("…规模以上企业有多少家，数字对不上。这件事…归哪个部门负责核实的？"), asks what it came to ask last.
    /// </summary>
    private static bool[]? LastAsked(string form, bool[]? mask)
    {
        mask ??= [.. form.Select(_ => true)];
        var end = Array.LastIndexOf(mask, true);
        if (end < 0)
        {
            return mask;
        }

        // The end of the sentence before the one the last asking clause stands in (its own "？" aside).
        var start = end < 1 ? -1 : form.LastIndexOfAny(SentenceEnds, end - 1);
        var last = (bool[])mask.Clone();
        Array.Fill(last, false, 0, Math.Max(start + 1, 0));
        return last.Contains(true) ? last : mask;
    }

    /// <summary>What ends a sentence in <see cref="QuestionAnalyzer.MatchForm"/> (full-width punctuation folded to ASCII).</summary>
    private static readonly char[] SentenceEnds = ['。', '.', '?', '!', '？', '！'];

    /// <summary>
    /// The asking words measured against the best sentence, its headings and its passage (and, when given, the sentence with
    /// the sentences either side of it: <paramref name="neighbourhood"/>).
    /// </summary>
    public FocusMeasure Measure(string question, string sentence, string heading, string passage, string? neighbourhood = null)
    {
        var words = Words(question);
        var maxIdf = Idf(0);
        double knownTotal = 0, inSentence = 0, inPassage = 0, inNeighbourhood = 0, unknown = 0, everyday = 0;
        FocusWord? rarest = null;
        var sentenceText = sentence + "|" + heading;
        var passageText = passage + "|" + heading;
        var neighbourhoodText = (neighbourhood ?? sentence) + "|" + heading;
        foreach (var word in words)
        {
            if (!word.Known)
            {
                // Counted as the rarest words the documents could hold, less as everyday words ("程度", "到底") that a
                // question says on any subject.
                unknown += UnknownWeight * maxIdf;
                everyday += UnknownWeight * maxIdf * word.Rarity;
                continue;
            }

            knownTotal += word.Weight;
            inSentence += word.Weight * word.Credit(sentenceText);
            inPassage += word.Weight * word.Credit(passageText);
            inNeighbourhood += word.Weight * word.Credit(neighbourhoodText);
            if (rarest is null || word.Weight > rarest.Weight)
            {
                rarest = word;
            }
        }

        var all = knownTotal + unknown;
        var allRare = knownTotal + everyday;
        return new FocusMeasure(
            knownTotal > 0 ? inSentence / knownTotal : 1,
            knownTotal > 0 ? inPassage / knownTotal : 1,
            rarest is null || rarest.Credit(sentenceText) >= AbbreviationCredit,
            all > 0 ? unknown / all : 0,
            allRare > 0 ? everyday / allRare : 0,
            words.Count(w => w.Known))
        {
            NeighbourhoodCoverage = knownTotal > 0 ? inNeighbourhood / knownTotal : 1,
        };
    }

    /// <summary>Weight of a word no passage uses, as a share of the largest IDF (as <see cref="AskService"/> weighs such a term).</summary>
    public const double UnknownWeight = 0.4;

    private FocusWord? Content(string form, int start, int end)
    {
        var word = form[start..end];
        if (!word.All(TextCleaner.IsCjk) || analyzer.IsQuestionWord(word) || generic.Contains(word) || answerKinds.Contains(word) || WordClasses.IsFunctionWord(word)
            || interrogatives.Any(i => word.Contains(i, StringComparison.Ordinal)))
        {
            return null;
        }

        var says = alternatives.Where(a => Overlaps(form, a.Word, start, end)).SelectMany(a => a.Says).Where(s => s.Word != word).ToList();
        if (word.Length < 2 && says.Count == 0)
        {
            // A lone character says little unless it is a verb the documents write in full ("怎么选" → 选举/产生).
            return null;
        }

        var (frequency, abbreviated) = Corpus(word);
        var alternativeFrequency = says.Select(s => Corpus(s.Word).Frequency).DefaultIfEmpty(0).Max();
        var df = Math.Max(frequency, alternativeFrequency);
        var isKnown = df > 0 || abbreviated.Length > 0;
        if (!isKnown && (word.Length < 2 || !analyzer.IsWord(word) || QuestionAnalyzer.IsEverydayWord(word)))
        {
            // Also a word of speech no passage uses ("回来", "以后", "上面", "当时"): words any question says,
            // not its subject (名额, 补贴, 年龄 stay: content words, the sign of an off-corpus question).
            // A run jieba's HMM joined from single characters ("多到", "建不", "做些") that no passage uses is no word of
            // either side: a question off the documents' subject names things everyday Chinese has words for (名额, 面积, 任期).
            return null;
        }

        df = Math.Max(df, abbreviated.Select(a => index.WordFrequency(a)).DefaultIfEmpty(0).Max());
        return new FocusWord(word, isKnown ? Idf(df) : 0, isKnown, Rarity(word), says, abbreviated);
    }

    private static bool Overlaps(string form, string word, int start, int end)
    {
        for (var at = form.IndexOf(word, StringComparison.Ordinal); at >= 0; at = form.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (at < end && at + word.Length > start)
            {
                return true;
            }
        }

        return false;
    }

    private double Idf(int frequency)
    {
        var total = Math.Max(index.PassageCount, 1);
        return Math.Log(1 + (total - frequency + 0.5) / (frequency + 0.5));
    }

    /// <summary>1 for a word jieba's dictionary lacks, falling to 0 for the commonest words of everyday Chinese (frequency 10⁶).</summary>
    private double Rarity(string word) => Math.Clamp(1 - Math.Log10(1 + analyzer.WordFrequency(word)) / 6, 0, 1);

    /// <summary>
    /// In how many passages the word stands (a word of the word field, or a two-character run of the text field), and the
    /// corpus words that hold it as an abbreviation.
    /// </summary>
    private (int Frequency, string[] Abbreviated) Corpus(string word) => known.GetOrAdd((index.Version, word), key =>
    {
        var w = key.Word;
        var frequency = index.WordFrequency(w);
        if (frequency == 0 && w.Length == 2)
        {
            frequency = index.DocumentFrequency(w);
        }

        string[] abbreviated = w.Length is < 2 or > 3 || analyzer.WordFrequency(w) > AbbreviationMaxFrequency ? [] : [.. ByFirst()[w[0]].Where(c => c.Length > w.Length && c.Length <= MaxAbbreviated && InOrder(w, c))];
        return (frequency, abbreviated);
    });

    private static bool InOrder(string word, string candidate)
    {
        var at = 0;
        foreach (var c in candidate)
        {
            if (at < word.Length && c == word[at])
            {
                at++;
            }
        }

        return at == word.Length;
    }

    private ILookup<char, string> ByFirst()
    {
        if (vocabularyByFirst is { } held && held.Item1 == index.Version)
        {
            return held.Item2;
        }

        var version = index.Version;
        var words = index.Vocabulary().Where(v => v.Word.Length >= 2 && v.Word.All(TextCleaner.IsCjk)).Select(v => v.Word).ToLookup(w => w[0]);
        vocabularyByFirst = Tuple.Create(version, words);
        return words;
    }
}

/// <summary>
/// <see cref="FocusCoverage.Measure"/>: the IDF share of the known asking words the sentence and its headings give, the same
/// for the passage, whether the rarest asking word is given, the share of asking weight in words no passage uses (counted
/// at <see cref="FocusCoverage.UnknownWeight"/> of the largest IDF, and again scaled by how rare each is in everyday
/// Chinese), and how many asking words the documents know.
/// </summary>
public sealed record FocusMeasure(double SentenceCoverage, double PassageCoverage, bool RarestMatched, double UnknownShare, double RareUnknownShare, int KnownWords)
{
    /// <summary>The IDF share of the known asking words the sentence with its neighbours (the sentences either side) and its headings give.</summary>
    public double NeighbourhoodCoverage { get; init; } = SentenceCoverage;
}
