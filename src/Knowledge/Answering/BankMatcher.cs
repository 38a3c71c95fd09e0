using System.Collections.Concurrent;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// How well a user's question matches the best question of the bank (<see cref="QuestionBank"/>) that a sentence answers:
/// <see cref="Coverage"/>, the IDF share of the asking clauses' content words the bank question says; <see cref="Precision"/>,
/// the IDF share of the bank question's content words the user's whole question says; <see cref="Dice"/>, the character
/// bigrams the asking part and the bank question share (Dice's coefficient). 0 everywhere when the sentence has no bank question.
/// </summary>
public sealed record BankMatch(double Coverage, double Precision, double Dice)
{
    public static BankMatch None { get; } = new(0, 0, 0);

    /// <summary>The harmonic mean of coverage and precision: the bank question says what the user asks, and not much else.</summary>
    public double F1 => Coverage + Precision <= 0 ? 0 : 2 * Coverage * Precision / (Coverage + Precision);

    /// <summary>What ranks a sentence by its bank questions: the words' F1 and the bigrams' Dice, averaged.</summary>
    public double Score => (F1 + Dice) / 2;
}

/// <summary>
/// Compares a user's question with the bank's questions (<see cref="BankMatch"/>). Words are cut by the index's segmenter,
/// as the asked field is; question words, interrogatives and function words are no content words; each word weighs by its
/// IDF among the bank's questions, so a word every question says (文件, 要求) weighs little and a word none says
/// weighs most (it is what the bank does not know of the question).
/// </summary>
public sealed partial class BankMatcher
{
    private readonly QuestionBank bank;
    private readonly WordSegmenter segmenter;
    private readonly QuestionAnalyzer analyzer;
    private readonly IReadOnlyList<string> interrogatives;
    private readonly Lazy<(Dictionary<string, int> Frequency, int Count)> frequencies;
    private readonly ConcurrentDictionary<string, Cut> cuts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Union> unions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Cut[]> keyCuts = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<UnitClass> unitTypes;

    public BankMatcher(QuestionBank bank, WordSegmenter segmenter, QuestionAnalyzer analyzer, Vocabulary vocabulary, IReadOnlyList<UnitClass>? unitClasses = null)
    {
        unitTypes = unitClasses ?? UnitClasses.Default;
        this.bank = bank;
        this.segmenter = segmenter;
        this.analyzer = analyzer;
        interrogatives = vocabulary.Interrogatives ?? [];
        frequencies = new(() =>
        {
            var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var question in bank.Questions)
            {
                foreach (var word in ContentWords(QuestionAnalyzer.MatchForm(question.Question)))
                {
                    frequency[word] = frequency.GetValueOrDefault(word) + 1;
                }
            }

            return (frequency, bank.Questions.Count);
        });
    }

    private long matched;

    /// <summary>How many times a user's question was matched with one bank question (<see cref="Match"/>): the bank's main cost.</summary>
    public long Matched => Interlocked.Read(ref matched);

    /// <summary>False when the bank is empty: nothing to match.</summary>
    public bool Active => bank.Questions.Count > 0;

    /// <summary>A question as this matcher reads it: its content words and which of them the asking clauses hold, its bigrams.</summary>
    public sealed record Reading(IReadOnlyList<string> Words, IReadOnlyList<string> AskingWords, HashSet<string> AskingBigrams)
    {
        /// <summary>The question's match form: a bank word it writes inside a longer word of its own counts as said.</summary>
        public string Form { get; init; } = string.Empty;

        /// <summary>The kind of thing the asking part asks for (<see cref="AnswerKind"/>).</summary>
        public AnswerKind.Kind Kind { get; init; }

        /// <summary>The IDF of each of <see cref="AskingWords"/>, in order (read once per question, not per bank question).</summary>
        internal double[] AskingIdf { get; init; } = [];

        /// <summary><see cref="AskingBigrams"/> as numbers (<see cref="Code"/>): a bank question's bigrams are looked up without strings.</summary>
        internal HashSet<int> AskingCodes
        {
            get => askingCodes;
            init
            {
                askingCodes = value;
                askingFilter = new ulong[4];
                foreach (var code in value)
                {
                    var bit = FilterBit(code);
                    askingFilter[bit >> 6] |= 1UL << (bit & 63);
                }
            }
        }

        private readonly HashSet<int> askingCodes = [];

        /// <summary>
        /// <see cref="AskingCodes"/> as 256 bits, each code's bit set (<see cref="FilterBit"/>): a bank question's bigram whose
        /// bit is clear is none of them, without a look-up in the set (most of a bank question's bigrams are not asked).
        /// </summary>
        private readonly ulong[] askingFilter = new ulong[4];

        /// <summary>Whether a bigram (<see cref="Code"/>) is one of <see cref="AskingCodes"/>.</summary>
        internal bool Asks(int code)
        {
            var bit = FilterBit(code);
            return (askingFilter[bit >> 6] & 1UL << (bit & 63)) != 0 && askingCodes.Contains(code);
        }

        /// <summary>
        /// This reading's number, unique in the process: what the thread's table of how far a question says each bank word
        /// (<see cref="SaysBankWord"/>) marks the entries of this reading with.
        /// </summary>
        internal long Stamp { get; } = Interlocked.Increment(ref stamps);

        /// <summary>The best match and the bound met so far for a sentence's keys (<see cref="Best"/>, <see cref="Bound"/>): the same keys mark many passages of a large corpus.</summary>
        internal Dictionary<string, BankMatch> Bests { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, double> Bounds { get; } = new(StringComparer.Ordinal);

        /// <summary>The words of the question that lie in a unit type it names (律所 in "没有党员的律所"), with the unit type.</summary>
        internal Dictionary<string, UnitClass> UnitTypes { get; init; } = new(StringComparer.Ordinal);

        /// <summary>The largest credit a unit type of <see cref="UnitTypes"/> gets through its class (0 when none): what bounds coverage with 1.</summary>
        internal double LargestClassCredit => largestClassCredit ??= UnitTypes.Count == 0 ? 0 : UnitTypes.Values.Max(u => u.Credit);

        private double? largestClassCredit;
    }

    /// <summary>
    /// The bank questions of a sentence's keys taken together (for <see cref="Bound"/>): their match forms one after another
    /// (between line breaks, which no word holds), every content word, every bigram, the fewest bigrams one of them has and
    /// the kinds of thing they ask for.
    /// </summary>
    private sealed record Union(int Questions, string Forms, string[] Words, HashSet<int> Bigrams, int FewestBigrams, HashSet<AnswerKind.Kind> Kinds)
    {
        /// <summary><see cref="Words"/> as a set, for <see cref="SaidAmong"/>: a union holds many words.</summary>
        public HashSet<string> WordSet { get; } = new(Words, StringComparer.Ordinal);

        public int LongestWord { get; } = Words.Length == 0 ? 0 : Words.Max(w => w.Length);
    }

    /// <summary>A bank question read once: its match form, content words with their IDF and its bigrams.</summary>
    private sealed record Cut(string Form, string[] Words, double[] WordIdf, double IdfTotal, int[] Bigrams, AnswerKind.Kind Kind)
    {
        /// <summary>Each of <see cref="Words"/> as a number (<see cref="WordId"/>): a question's reading keeps what it found of each by number, not by string.</summary>
        public int[] WordIds { get; init; } = [];
    }

    /// <summary>A number for each bank word met so far (<see cref="Cut.WordIds"/>).</summary>
    private readonly ConcurrentDictionary<string, int> wordIds = new(StringComparer.Ordinal);

    private int WordId(string word) => wordIds.TryGetValue(word, out var id) ? id : wordIds.GetOrAdd(word, _ => Interlocked.Increment(ref lastWordId));

    private int lastWordId;

    /// <summary>The last <see cref="Reading.Stamp"/> given.</summary>
    private static long stamps;

    /// <summary>
    /// Per thread, by bank word number (<see cref="Cut.WordIds"/>): how far the reading of the entry's stamp says the word, so
    /// that a word many bank questions share is looked at once per question, without a table allocated per question.
    /// </summary>
    [ThreadStatic]
    private static double[]? saidValues;

    [ThreadStatic]
    private static long[]? saidStamps;

    /// <summary>How far <paramref name="reading"/> says a bank word (<see cref="Said"/>), looked at once per reading and thread.</summary>
    private static double SaysBankWord(Reading reading, int id, string word)
    {
        var (values, stamped) = (saidValues, saidStamps);
        if (values is null || stamped is null || id >= values.Length)
        {
            var size = Math.Max(id + 1, Math.Max(4096, 2 * (values?.Length ?? 0)));
            Array.Resize(ref saidValues, size);
            Array.Resize(ref saidStamps, size);
            (values, stamped) = (saidValues, saidStamps);
        }

        if (stamped![id] != reading.Stamp)
        {
            values![id] = Said(word, reading.Form, reading.Words);
            stamped[id] = reading.Stamp;
        }

        return values![id];
    }

    /// <summary>
    /// What a bank question's match counts for when the user asks for a kind of thing (a duration, a sum, a count…) and the
    /// bank question asks for another or none: the same subject, another question ("积极分子要培养多长时间" against the bank's
    /// "入党积极分子怎么培养", whose sentence gives no duration).
    /// </summary>
    public const double OtherKindShare = 0.5;

    /// <summary>The user's question read for matching: content words (those of the asking clauses apart) and the asking part's bigrams.</summary>
    public Reading Read(string question)
    {
        var form = QuestionAnalyzer.MatchForm(question);
        var mask = analyzer.AskingMask(question);
        var words = new List<string>();
        var asking = new List<string>();
        var named = UnitClasses.Named(form, unitTypes);
        var unitTypeWords = new Dictionary<string, UnitClass>(StringComparer.Ordinal);
        foreach (var (start, end) in segmenter.Words(form))
        {
            var word = form[start..end];
            if (!IsContent(word))
            {
                continue;
            }

            if (named[start] is { } unitType)
            {
                unitTypeWords.TryAdd(word, unitType);
            }

            words.Add(word);
            if (mask is null || mask.AsSpan(start, end - start).IndexOf(false) < 0)
            {
                asking.Add(word);
            }
        }

        // An asking clause that names nothing ("这种情况文件里怎么说？") asks about what the question told before it.
        if (asking.Count == 0)
        {
            asking = words;
        }

        var asked = mask is null || asking == words ? form : string.Concat(form.Select((c, i) => mask[i] ? c : '|'));
        var askingWords = asking.Distinct().ToList();
        var askingBigrams = Bigrams(asked);
        return new Reading(words.Distinct().ToList(), askingWords, askingBigrams)
        {
            AskingCodes = [.. askingBigrams.Select(b => Code(b[0], b[1]))],
            Form = form,
            Kind = AnswerKind.Asked(analyzer.Asked(question)),
            AskingIdf = [.. askingWords.Select(Idf)],
            UnitTypes = unitTypeWords,
        };
    }

    /// <summary>
    /// The content words of <paramref name="reading"/> with the boost each is searched with in the asked field: the asking
    /// clauses' in full, the others' at <paramref name="tellingBoost"/>.
    /// </summary>
    public IReadOnlyDictionary<string, float> Query(Reading reading, float tellingBoost)
    {
        var query = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var word in reading.Words)
        {
            query[word] = reading.AskingWords.Contains(word) ? 1 : tellingBoost;
        }

        return query;
    }

    /// <summary>
    /// A bound on <see cref="BankMatch.Score"/> of <see cref="Best"/> for the same keys, at a fraction of its cost: coverage as
    /// if one bank question said every word any of them says; precision 1; the bigrams shared as if one of them had every
    /// bigram any of them has, and no more bigrams than it needs; the kind asked held when any of them asks for it. Each is
    /// at least what any one bank question reaches, and the score grows with each, so no bank question scores above it.
    /// </summary>
    public double Bound(Reading reading, IReadOnlyList<string> keys, string? scope = null) => Bound(reading, new BankKeys(keys, scope));

    /// <inheritdoc cref="Bound(Reading, IReadOnlyList{string}, string?)"/>
    public double Bound(Reading reading, BankKeys sentenceKeys)
    {
        var (id, keys, scope) = (sentenceKeys.Id, sentenceKeys.Keys, sentenceKeys.Scope);
        if (reading.Bounds.TryGetValue(id, out var known))
        {
            return known;
        }

        // Looked up before GetOrAdd: its factory's closure would be allocated on every call.
        var union = unions.TryGetValue(id, out var made) ? made : unions.GetOrAdd(id, _ =>
        {
            var all = keys.SelectMany(k => bank.Of(k, scope)).Select(q => Of(q.Question)).ToList();
            return new Union(all.Count, string.Join('\n', all.Select(c => c.Form)), [.. all.SelectMany(c => c.Words).Distinct(StringComparer.Ordinal)],
                [.. all.SelectMany(c => c.Bigrams)], all.Count == 0 ? 0 : all.Min(c => c.Bigrams.Length), [.. all.Select(c => c.Kind)]);
        });

        var bound = 0.0;
        if (union.Questions > 0)
        {
            var share = reading.Kind != AnswerKind.Kind.None && !union.Kinds.Contains(reading.Kind) ? OtherKindShare : 1;
            double asked = 0, said = 0;
            var askingIdf = reading.AskingIdf.Length == reading.AskingWords.Count ? reading.AskingIdf : [.. reading.AskingWords.Select(Idf)];
            for (var i = 0; i < reading.AskingWords.Count; i++)
            {
                asked += askingIdf[i];
                said += askingIdf[i] * Math.Max(SaidAmong(reading.AskingWords[i], union.Forms, union.WordSet, union.LongestWord, union.Bigrams), ClassSaid(reading, reading.AskingWords[i], union.Forms));
            }

            var coverage = share * (asked > 0 ? said / asked : 0);
            var precision = share;
            var f1 = coverage + precision <= 0 ? 0 : 2 * coverage * precision / (coverage + precision);
            var shared = 0;
            foreach (var code in reading.AskingCodes)
            {
                if (union.Bigrams.Contains(code))
                {
                    shared++;
                }
            }

            var sizes = reading.AskingCodes.Count + Math.Max(shared, union.FewestBigrams);
            var dice = share * (sizes > 0 ? 2.0 * shared / sizes : 0);

            // Above the exact score by more than the rounding of the sums it is computed with.
            bound = (f1 + dice) / 2 + BoundSlack;
        }

        reading.Bounds[id] = bound;
        return bound;
    }

    /// <summary>What <see cref="Bound"/> adds against rounding: far below any difference between two matches' scores that matters.</summary>
    private const double BoundSlack = 1e-9;

    /// <summary>The best match among the bank questions of <paramref name="keys"/> for a passage of <paramref name="scope"/> (by <see cref="BankMatch.Score"/>).</summary>
    public BankMatch Best(Reading reading, IReadOnlyList<string> keys, string? scope = null) => Best(reading, new BankKeys(keys, scope));

    /// <inheritdoc cref="Best(Reading, IReadOnlyList{string}, string?)"/>
    public BankMatch Best(Reading reading, BankKeys sentenceKeys)
    {
        var id = sentenceKeys.Id;
        if (reading.Bests.TryGetValue(id, out var known))
        {
            return known;
        }

        var best = BankMatch.None;
        foreach (var cut in CutsOf(sentenceKeys))
        {
            // Dice, then precision (a few look-ups each): with coverage (and, before it is known, precision) at its most they
            // bound the score, and a bank question that cannot score above the best so far is not matched word by word (it
            // could not replace it: the best stays the first with the highest score).
            var dice = Dice(reading, cut);
            if (best.Score > 0 && ScoreAtMost(reading, cut, Share(reading, cut), dice) <= best.Score)
            {
                continue;
            }

            var precision = Precision(reading, cut);
            if (best.Score > 0 && ScoreAtMost(reading, cut, precision, dice) <= best.Score)
            {
                continue;
            }

            var match = new BankMatch(Coverage(reading, cut), precision, dice);
            if (match.Score > best.Score)
            {
                best = match;
            }
        }

        reading.Bests[id] = best;
        return best;
    }

    /// <summary>How well <paramref name="reading"/> matches one bank question.</summary>
    public BankMatch Match(Reading reading, string bankQuestion) => Match(reading, Of(bankQuestion));

    /// <summary>The bank questions of a sentence's keys, read (<see cref="Of"/>), key by key in file order: looked up once per key set.</summary>
    private Cut[] CutsOf(BankKeys sentenceKeys)
    {
        if (keyCuts.TryGetValue(sentenceKeys.Id, out var known))
        {
            return known;
        }

        Cut[] all = [.. sentenceKeys.Keys.SelectMany(k => bank.Of(k, sentenceKeys.Scope)).Select(q => Of(q.Question))];
        return keyCuts.GetOrAdd(sentenceKeys.Id, all);
    }

    private BankMatch Match(Reading reading, Cut cut) => new(Coverage(reading, cut), Precision(reading, cut), Dice(reading, cut));

    private double Idf(string word)
    {
        var (frequency, count) = frequencies.Value;
        var df = frequency.GetValueOrDefault(word);
        return Math.Log(1 + (count - df + 0.5) / (df + 0.5));
    }

    private Cut Of(string bankQuestion) => cuts.TryGetValue(bankQuestion, out var cut) ? cut : cuts.GetOrAdd(bankQuestion, q =>
    {
        var form = QuestionAnalyzer.MatchForm(q);
        var words = ContentWords(form);
        double[] idf = [.. words.Select(Idf)];
        return new Cut(form, words, idf, idf.Sum(), [.. Bigrams(form).Select(b => Code(b[0], b[1]))], AnswerKind.Asked(form)) { WordIds = [.. words.Select(WordId)] };
    });

    // The frequencies are counted with this, not with Of (whose IDFs need the frequencies).
    private string[] ContentWords(string form) =>
        [.. segmenter.Words(form).Select(w => form[w.Start..w.End]).Where(IsContent).Distinct(StringComparer.Ordinal)];

    /// <summary>A word that says what the question is about: not punctuation, a question word, an interrogative or a function word.</summary>
    private bool IsContent(string word)
    {
        if (!word.Any(char.IsLetterOrDigit))
        {
            return false;
        }

        if (word.Length == 1 && !TextCleaner.IsCjk(word[0]) && !char.IsAsciiDigit(word[0]))
        {
            return false;
        }

        return !analyzer.IsQuestionWord(word) && !WordClasses.IsFunctionWord(word) && !interrogatives.Any(i => word.Contains(i, StringComparison.Ordinal))
            && !(word.Length == 1 && FunctionCharacters.Contains(word[0]));
    }

    private const string FunctionCharacters = "的地得了吗呢吧啊呀么着过和与及或在对为是把被从向由以将之其就都也还又再";

    /// <summary>Pairs of letters or digits side by side (a blank, '|' or punctuation between breaks the pair).</summary>
    private static HashSet<string> Bigrams(string text)
    {
        var bigrams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]) && char.IsLetterOrDigit(text[i + 1]))
            {
                bigrams.Add(text.Substring(i, 2));
            }
        }

        return bigrams;
    }
}
