using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Ingestion;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace InstructorBot.Knowledge.Search;

/// <summary>
/// The Lucene index of passages on disk, with a manifest of the documents in it (path + content hash), so a file is
/// re-indexed only when it changed and the same content is never indexed twice. Each passage (text and heading path) is
/// indexed twice: as character bigrams and unigrams (<see cref="ChineseAnalyzer"/>) and as words (<see cref="WordAnalyzer"/>,
/// the segmenter that cuts the questions); both are scored with BM25.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const string TextField = "text";
    private const string WordField = "words";
    private const string PathField = "path";

    /// <summary>The descriptions of the terms a passage names (<see cref="Documents.Definitions"/>), cut into words.</summary>
    private const string DescribedField = "described";

    /// <summary>Share of the described field's score: a question meeting a term's description weighs below one naming the term.</summary>
    public const float DescribedBoost = 0.3f;

    /// <summary>The questions of the question bank (<see cref="QuestionBank"/>) whose keys the passage holds, cut into words.</summary>
    private const string AskedField = "asked";

    /// <summary>Stored with a passage: the bank keys it holds, each with the sentence it stands in (-1: its heading, or across sentences).</summary>
    private const string AskedKeysField = "asked_keys";

    /// <summary>Stored with a passage: the bank document whose lines it takes (<see cref="QuestionBank.ScopeOf"/>; empty: any).</summary>
    private const string AskedScopeField = "asked_scope";

    /// <summary>
    /// Share of the asked field's score: a question meeting the bank's questions of a passage. Chosen on the forced-answer
    /// ceiling of the own and blind batches (docs/knowledge.md, round 8).
    /// </summary>
    public const float AskedBoost = 0.5f;

    /// <summary>The fields and scoring of this code's index: an index written otherwise is rebuilt from its files.</summary>
    private const string Format = "text=bigrams;words=jieba;similarity=bm25;described=definitions;asked=bank-words;v4";

    /// <summary>Share of the bigram field's score in a question's search, beside the word field's.</summary>
    public const float BigramBoost = 0.5f;

    /// <summary>Share of a phrase of two question words (<see cref="PassageQuery.Phrases"/>) in the word field's score.</summary>
    public const float PhraseBoost = 0.5f;
    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    /// <summary>
    /// BM25 with a lower length normalisation and term-frequency saturation than Lucene's defaults (1.2, 0.75): passages
    /// differ in length by documents (001's run to 1,000 characters, the shipped ones' to a few hundred), and a passage
    /// repeating a word is not much more about it. Chosen on qa-own and qa-dev (hit@3 of the raw search, docs/knowledge.md).
    /// </summary>
    private static readonly Similarity Scoring = new BM25Similarity(k1: 0.8f, b: 0.5f);

    private readonly string manifestPath;
    private readonly string formatPath;
    private readonly LuceneDirectory directory;
    private readonly IndexWords words;
    private readonly QuestionBank bank;
    private readonly ChineseAnalyzer bigramAnalyzer = new();
    private readonly Analyzer analyzer;
    private readonly object gate = new();
    private readonly ConditionalWeakTable<IndexSearcher, SearcherCaches> caches = new();
    private readonly List<(DirectoryReader Reader, long RetiredAt)> retired = [];
    private List<IndexedDocument> documents;
    private DirectoryReader? reader;
    private IndexSearcher? searcher;
    private long checkedAt;
    private bool formatChecked;

    /// <summary>
    /// The index in <paramref name="folder"/>; <paramref name="words"/> cuts passages into words (default: jieba with the
    /// campaign's words); <paramref name="bank"/> gives passages the questions they answer (default: the shipped bank).
    /// </summary>
    public KnowledgeIndex(string folder, IndexWords? words = null, QuestionBank? bank = null)
    {
        System.IO.Directory.CreateDirectory(folder);
        this.words = words ?? IndexWords.Default;
        this.bank = bank ?? QuestionBank.Default;
        analyzer = new PerFieldAnalyzerWrapper(bigramAnalyzer, new Dictionary<string, Analyzer>
        {
            [WordField] = new WordAnalyzer(this.words.Segmenter),
            [DescribedField] = new WordAnalyzer(this.words.Segmenter),
            // The bank's questions are cut once each (AskedWords) and stored as their words between blanks.
            [AskedField] = new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48),
        });
        manifestPath = Path.Combine(folder, "documents.json");
        formatPath = Path.Combine(folder, "format.txt");
        directory = FSDirectory.Open(Path.Combine(folder, "lucene"));
        documents = LoadManifest();
    }

    /// <summary>The segmenter the word field is cut with; a question is cut with it too.</summary>
    public WordSegmenter Segmenter => words.Segmenter;

    /// <summary>The question bank the passages were given their questions from (<see cref="QuestionBank.Empty"/> when off).</summary>
    public QuestionBank Bank => bank;

    public IReadOnlyList<IndexedDocument> Documents
    {
        get
        {
            lock (gate)
            {
                return [.. documents];
            }
        }
    }

    /// <summary>Changes whenever the index does, so what was derived from it can be kept until then.</summary>
    public int Version { get; private set; }

    /// <summary>Number of passages in the index.</summary>
    public int PassageCount => Searcher()?.IndexReader.NumDocs ?? 0;

    /// <summary>Indexes the shipped corpus: new or changed files are (re)indexed, files no longer there are removed.</summary>
    public IReadOnlyList<IndexResult> SyncCorpus(string corpusFolder)
    {
        var files = System.IO.Directory.Exists(corpusFolder)
            ? System.IO.Directory.EnumerateFiles(corpusFolder, "*", SearchOption.AllDirectories)
                .Where(DocumentReader.IsSupported).Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList()
            : [];
        lock (gate)
        {
            EnsureFormat();
            var gone = documents.Where(d => d.Shipped && !files.Contains(d.Path, StringComparer.Ordinal)).Select(d => d.Path).ToList();
            var results = AddAll(files, shipped: true, gone);
            return results;
        }
    }

    /// <summary>Adds files, or every supported file under a folder; re-indexing a path replaces its passages.</summary>
    public IReadOnlyList<IndexResult> AddPaths(IEnumerable<string> filesOrFolders)
    {
        var files = new List<string>();
        foreach (var item in filesOrFolders)
        {
            files.AddRange(System.IO.Directory.Exists(item)
                ? System.IO.Directory.EnumerateFiles(item, "*", SearchOption.AllDirectories)
                    .Where(DocumentReader.IsSupported).Order(StringComparer.Ordinal)
                : [item]);
        }

        lock (gate)
        {
            EnsureFormat();
            return AddAll(files, shipped: false, []);
        }
    }

    /// <summary>
    /// An index written by other code (no word field, other scoring) or with other campaign words is emptied once and its
    /// added documents read again from their files; the shipped corpus is re-indexed by <see cref="SyncCorpus"/>.
    /// </summary>
    private void EnsureFormat()
    {
        if (formatChecked)
        {
            return;
        }

        formatChecked = true;
        var stamp = Format + ";words=" + words.Stamp + ";bank=" + bank.Stamp;
        if (File.Exists(formatPath) && File.ReadAllText(formatPath, Encoding.UTF8) == stamp)
        {
            return;
        }

        if (DirectoryReader.IndexExists(directory))
        {
            var added = documents.Where(d => !d.Shipped && File.Exists(d.Path)).Select(d => d.Path).ToList();
            using (var writer = OpenWriter())
            {
                writer.DeleteAll();
                writer.Commit();
            }

            documents.Clear();
            SaveManifest();
            Refresh();
            File.WriteAllText(formatPath, stamp, Encoding.UTF8);
            AddAll(added, shipped: false, []);
            return;
        }

        File.WriteAllText(formatPath, stamp, Encoding.UTF8);
    }

    /// <summary>Indexes one file; re-indexing a path replaces its passages.</summary>
    public IndexResult Add(string file) => AddPaths([file])[0];

    private List<IndexResult> AddAll(IReadOnlyList<string> files, bool shipped, IReadOnlyList<string> remove)
    {
        var results = new List<IndexResult>();
        IndexWriter? writer = null;
        try
        {
            foreach (var path in remove)
            {
                writer ??= OpenWriter();
                writer.DeleteDocuments(new Term(PathField, path));
                documents.RemoveAll(d => d.Path == path);
            }

            foreach (var file in files)
            {
                var result = Prepare(Path.GetFullPath(file), shipped, out var parsed, out var hash);
                results.Add(result);
                if (parsed is null)
                {
                    continue;
                }

                writer ??= OpenWriter();
                writer.DeleteDocuments(new Term(PathField, result.Path));
                var scope = bank.ScopeOf(Path.GetFileName(result.Path));
                var documentDefinitions = InstructorBot.Knowledge.Documents.Definitions.OfDocument(parsed.Passages.Select(p => p.Text));
                foreach (var passage in parsed.Passages)
                {
                    var defined = InstructorBot.Knowledge.Documents.Definitions.For(passage.Text, documentDefinitions);
                    var asked = AskedKeys(passage, scope);
                    writer.AddDocument(new Document
                    {
                        new StringField(PathField, result.Path, Field.Store.YES),
                        new StoredField("title", parsed.Metadata.Title),
                        new StoredField("origin", $"{parsed.Metadata.IssuingBody} {parsed.Metadata.DocumentNumber}"),
                        new StoredField("section", passage.Section),
                        new StoredField("children", string.Join('\u001f', passage.ChildHeadings)),
                        new TextField(TextField, passage.Text + "\n" + passage.Section, Field.Store.NO),
                        new TextField(WordField, passage.Text + "\n" + passage.Section, Field.Store.NO),
                        new StoredField("body", passage.Text),
                        new StoredField("defs", InstructorBot.Knowledge.Documents.Definitions.Serialize(defined)),
                        new TextField(DescribedField, string.Join('\n', defined.Select(d => d.Description)), Field.Store.NO),
                        new StoredField(AskedKeysField, string.Join('\u001f', asked.Select(a => $"{a.Sentence}\u001e{a.Key}"))),
                        new StoredField(AskedScopeField, scope ?? string.Empty),
                        new TextField(AskedField, string.Join(' ', asked.SelectMany(a => bank.Of(a.Key, scope)).Select(q => AskedWords(q.Question))), Field.Store.NO),
                    });
                }

                documents.RemoveAll(d => d.Path == result.Path);
                documents.Add(new IndexedDocument(result.Path, hash, parsed.Metadata.Title, parsed.Metadata.DocumentNumber, shipped, parsed.Passages.Count));
            }

            if (writer is not null)
            {
                writer.Commit();
                SaveManifest();
            }
        }
        finally
        {
            if (writer is not null)
            {
                writer.Dispose();
                Refresh();
            }
        }

        return results;
    }

    /// <summary>
    /// A bank question's words as the word field's analyzer cuts them, between blanks: each of the bank's questions is cut once
    /// per index, not once for every passage holding its key (round 8 cut them per passage: the 10,000-document build took 258 s, 90 without the bank).
    /// </summary>
    private string AskedWords(string question) =>
        bankWords.GetOrAdd(question, q => string.Join(' ', WordAnalyzer.Words(words.Segmenter, q).Where(w => !w.Any(char.IsWhiteSpace))));

    private readonly ConcurrentDictionary<string, string> bankWords = new(StringComparer.Ordinal);

    /// <summary>
    /// The bank keys a passage holds (<see cref="QuestionBank.Find"/>), each with the sentence it stands in: the key marks
    /// the answering sentence. A key found only in the passage's own heading, or across two sentences, stands for the passage (-1).
    /// </summary>
    private List<(string Key, int Sentence)> AskedKeys(Documents.Passage passage, string? scope)
    {
        bool Applies(string key) => bank.Of(key, scope).Any();
        var found = new List<(string Key, int Sentence)>();
        if (bank.Keys.Count == 0)
        {
            return found;
        }

        var ranges = Sentences.Split(passage.Text);
        var forms = ranges.Select(r => QuestionBank.KeyForm(passage.Text[r])).ToList();
        var starts = new List<int>();
        var length = 0;
        foreach (var form in forms)
        {
            starts.Add(length);
            length += form.Length;
        }

        foreach (var (key, at) in bank.Find(string.Concat(forms)).Where(k => Applies(k.Key)))
        {
            var sentence = starts.FindLastIndex(s => s <= at);
            found.Add((key, sentence >= 0 && at + key.Length <= starts[sentence] + forms[sentence].Length ? sentence : -1));
        }

        var heading = passage.Section[(passage.Section.LastIndexOf('/') + 1)..];
        foreach (var (key, _) in bank.Find(QuestionBank.KeyForm(heading)).Where(k => Applies(k.Key)))
        {
            if (!found.Any(f => f.Key == key))
            {
                found.Add((key, -1));
            }
        }

        return found;
    }

    /// <summary>
    /// For each bank key some passage holds, qualified by the bank document whose lines the passage takes ("002|key"; "|key"
    /// for a passage of another document), how many passages hold it (a key should mark one sentence of one passage).
    /// </summary>
    internal IReadOnlyDictionary<string, int> BankKeyPassages()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var current = Searcher();
        if (current is null)
        {
            return counts;
        }

        var live = MultiFields.GetLiveDocs(current.IndexReader);
        for (var doc = 0; doc < current.IndexReader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
            {
                continue;
            }

            var stored = current.Doc(doc);
            foreach (var (key, _) in ReadAsked(stored.Get(AskedKeysField)))
            {
                var qualified = stored.Get(AskedScopeField) + "|" + key;
                counts[qualified] = counts.GetValueOrDefault(qualified) + 1;
            }
        }

        return counts;
    }

    private static IReadOnlyList<(string Key, int Sentence)> ReadAsked(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : [.. stored.Split('\u001f').Select(e => e.Split('\u001e')).Select(p => (p[1], int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture)))];

    private IndexResult Prepare(string path, bool shipped, out Documents.ParsedDocument? parsed, out string hash)
    {
        parsed = null;
        hash = string.Empty;
        if (!DocumentReader.IsSupported(path) || !File.Exists(path))
        {
            return new IndexResult(path, IndexOutcome.Unsupported, null, 0);
        }

        hash = Hash(path);
        var existing = documents.FirstOrDefault(d => d.Path == path);
        if (existing is not null && existing.Hash == hash && existing.Shipped == shipped)
        {
            return new IndexResult(path, IndexOutcome.Unchanged, existing.Title, existing.Passages);
        }

        var contentHash = hash;
        var twin = documents.FirstOrDefault(d => d.Hash == contentHash && d.Path != path);
        if (twin is not null)
        {
            return new IndexResult(path, IndexOutcome.Duplicate, twin.Title, 0);
        }

        Documents.ParsedDocument document;
        try
        {
            document = DocumentReader.Read(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A broken .docx or .pdf is reported and skipped; the other files are still indexed.
            return new IndexResult(path, IndexOutcome.Unreadable, null, 0);
        }

        if (document.Passages.Count == 0)
        {
            return new IndexResult(path, IndexOutcome.Unsupported, null, 0);
        }

        parsed = document;
        return new IndexResult(path, existing is null ? IndexOutcome.Added : IndexOutcome.Replaced, document.Metadata.Title, document.Passages.Count);
    }

    /// <summary>The passages best matching any of the analyzed terms of the given texts.</summary>
    public IReadOnlyList<PassageHit> Search(IEnumerable<string> texts, int top)
    {
        var current = Searcher();
        if (current is null)
        {
            return [];
        }

        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var token in Analyze(text).Where(t => t.Length >= 2 || !TextCleaner.IsCjk(t[0])))
            {
                if (seen.Add(token) && seen.Count <= BooleanQuery.MaxClauseCount)
                {
                    query.Add(new TermQuery(new Term(TextField, token)), Occur.SHOULD);
                }
            }
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var hits = current.Search(query, top).ScoreDocs;
        return hits.Select(h => Passage(current, h.Doc) with { Score = h.Score, BigramScore = h.Score }).ToList();
    }

    /// <summary>
    /// The passages best matching a question (as the answer service holds it, with its key terms and a boost per term): its
    /// words in the word field, the bigrams inside its words in the bigram field (<see cref="PassageQuery"/>), both BM25.
    /// Each hit carries the two fields' scores and how much of the query its heading path holds.
    /// </summary>
    /// <param name="askedWords">The question's content words with their boosts, searched in the bank's questions of each passage.</param>
    public IReadOnlyList<PassageHit> Search(string question, IReadOnlyList<KeyTerm> terms, IReadOnlyList<double>? boosts, int top,
        IReadOnlyDictionary<string, float>? askedWords = null)
    {
        var current = Searcher();
        if (current is null)
        {
            return [];
        }

        var wanted = PassageQuery.From(question, terms, boosts, words.Segmenter);
        var wordQuery = Clauses(current, WordField, wanted.Words, 1);
        foreach (var ((first, second), weight) in wanted.Phrases)
        {
            var phrase = new PhraseQuery { Boost = weight * PhraseBoost };
            phrase.Add(new Term(WordField, first));
            phrase.Add(new Term(WordField, second));
            wordQuery.Add(phrase, Occur.SHOULD);
        }

        var bigramQuery = Clauses(current, TextField, wanted.Bigrams, BigramBoost);
        var describedQuery = Clauses(current, DescribedField, wanted.Words, DescribedBoost);
        var askedQuery = askedWords is null || bank.Keys.Count == 0 ? new BooleanQuery() : Clauses(current, AskedField, askedWords, AskedBoost);
        var query = new BooleanQuery();
        foreach (var part in new[] { wordQuery, bigramQuery, describedQuery, askedQuery }.Where(q => q.Clauses.Count > 0))
        {
            query.Add(part, Occur.SHOULD);
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var hits = current.Search(query, top).ScoreDocs;
        var wordScores = SubScores(current, wordQuery, hits);
        var total = Math.Max(current.IndexReader.NumDocs, 1);
        var weighted = wanted.Words.Where(w => w.Key.Length >= 2 || !TextCleaner.IsCjk(w.Key[0]))
            .Select(w => (Word: w.Key, Weight: w.Value * Idf(total, WordFrequency(w.Key)))).Where(w => w.Weight > 0).ToList();
        var weightTotal = weighted.Sum(w => w.Weight);
        return hits.Select((h, i) =>
        {
            var passage = Passage(current, h.Doc);
            var heading = weightTotal <= 0 ? 0 : weighted.Where(w => passage.MatchHeading.Contains(w.Word, StringComparison.Ordinal)).Sum(w => w.Weight) / weightTotal;
            return passage with { Score = h.Score, WordScore = wordScores[i], BigramScore = Math.Max(0, h.Score - wordScores[i]), HeadingMatch = (float)heading };
        }).ToList();
    }

    private (int Version, IReadOnlyList<(string Word, int Frequency)> Words)? vocabulary;

    /// <summary>
    /// The words the word field holds (the passages as jieba cuts them, with the campaign's words), each with the number of
    /// passages it occurs in: the corpus vocabulary, read from the index once per index version.
    /// </summary>
    public IReadOnlyList<(string Word, int Frequency)> Vocabulary()
    {
        var current = Searcher();
        if (current is null)
        {
            return [];
        }

        var cached = vocabulary;
        if (cached is { } held && held.Version == Version)
        {
            return held.Words;
        }

        var words = new List<(string, int)>();
        if (MultiFields.GetTerms(current.IndexReader, WordField) is { } terms)
        {
            var each = terms.GetEnumerator();
            while (each.MoveNext())
            {
                words.Add((each.Term.Utf8ToString(), each.DocFreq));
            }
        }

        vocabulary = (Version, words);
        return words;
    }

    /// <summary>In how many passages a word as the word field holds it occurs.</summary>
    public int WordFrequency(string word)
    {
        var current = Searcher();
        return current is null ? 0 : Caches(current).Frequencies.GetOrAdd("\u0001" + word, _ => current.IndexReader.DocFreq(new Term(WordField, word)));
    }

    private static double Idf(int total, int frequency) => Math.Log(1 + (total - frequency + 0.5) / (frequency + 0.5));

    private BooleanQuery Clauses(IndexSearcher current, string field, IReadOnlyDictionary<string, float> terms, float boost)
    {
        var query = new BooleanQuery();
        foreach (var (term, weight) in terms.OrderBy(t => t.Key, StringComparer.Ordinal).Take(BooleanQuery.MaxClauseCount))
        {
            query.Add(new TermQuery(new Term(field, term), TermStates(current, field, term)) { Boost = weight * boost }, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>Most terms whose place in each segment's term dictionary is kept per searcher (<see cref="TermStates"/>).</summary>
    private const int MaxKeptTermStates = 200_000;

    /// <summary>
    /// A term's statistics and its place in each segment's term dictionary, looked up once per searcher rather than at every
    /// query that holds it (a TermQuery given them scores exactly as one that looks them up itself).
    /// </summary>
    private TermContext TermStates(IndexSearcher current, string field, string text)
    {
        var kept = Caches(current).TermStates;
        var key = (field, text);
        if (kept.TryGetValue(key, out var states))
        {
            return states;
        }

        states = TermContext.Build(current.TopReaderContext, new Term(field, text));
        return kept.Count < MaxKeptTermStates ? kept.GetOrAdd(key, states) : states;
    }

    /// <summary>The score <paramref name="part"/> alone gives each hit (BM25 has no coordination factor: the parts add up).</summary>
    private static float[] SubScores(IndexSearcher searcher, Query part, ScoreDoc[] hits)
    {
        var scores = new float[hits.Length];
        if (part is BooleanQuery { Clauses.Count: 0 })
        {
            return scores;
        }

        // One scorer per index segment, advanced through the hits in document order.
        var weight = searcher.CreateNormalizedWeight(part);
        var leaves = searcher.IndexReader.Leaves;
        var order = Enumerable.Range(0, hits.Length).OrderBy(i => hits[i].Doc).ToArray();
        Scorer? scorer = null;
        var leafIndex = -1;
        foreach (var i in order)
        {
            var at = ReaderUtil.SubIndex(hits[i].Doc, leaves);
            var leaf = leaves[at];
            if (at != leafIndex)
            {
                leafIndex = at;
                scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            }

            var target = hits[i].Doc - leaf.DocBase;
            if (scorer is null || scorer.DocID > target)
            {
                continue;
            }

            if ((scorer.DocID == target || scorer.Advance(target) == target) && scorer.DocID != DocIdSetIterator.NO_MORE_DOCS)
            {
                scores[i] = scorer.GetScore();
            }
        }

        return scores;
    }

    private PassageHit Passage(IndexSearcher current, int id) => Caches(current).Passages.GetOrAdd(id, doc =>
    {
        var stored = current.Doc(doc);
        var children = stored.Get("children");
        var asked = ReadAsked(stored.Get(AskedKeysField));
        var scope = stored.Get(AskedScopeField) is { Length: > 0 } stated ? stated : null;
        return new PassageHit(stored.Get("title"), stored.Get("origin") ?? string.Empty, stored.Get("section"), stored.Get("body"),
            string.IsNullOrEmpty(children) ? [] : children.Split('\u001f'), 0)
        {
            Definitions = InstructorBot.Knowledge.Documents.Definitions.Deserialize(stored.Get("defs")),
            Asked = asked,
            AskedScope = scope,
            AskedBySentence = BankKeys.BySentence(asked, scope),
        };
    });

    /// <summary>In how many passages a term as the analyzer emits it occurs (a bigram, a Han character, a number).</summary>
    public int DocumentFrequency(string term)
    {
        var current = Searcher();
        if (current is null)
        {
            return 0;
        }

        return Caches(current).Frequencies.GetOrAdd(term, t => current.IndexReader.DocFreq(new Term(TextField, t)));
    }

    public IReadOnlyList<string> Analyze(string text)
    {
        var tokens = new List<string>();
        using var stream = bigramAnalyzer.GetTokenStream(TextField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    public void Dispose()
    {
        lock (gate)
        {
            reader?.Dispose();
            foreach (var (old, _) in retired)
            {
                old.Dispose();
            }

            retired.Clear();
            analyzer.Dispose();
            bigramAnalyzer.Dispose();
            directory.Dispose();
        }
    }

    private IndexWriter OpenWriter() =>
        new(directory, new IndexWriterConfig(ChineseAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND, Similarity = Scoring });

    private IndexSearcher? Searcher()
    {
        lock (gate)
        {
            if (searcher is null && DirectoryReader.IndexExists(directory))
            {
                reader = DirectoryReader.Open(directory);
                searcher = new IndexSearcher(reader) { Similarity = Scoring };
                checkedAt = Environment.TickCount64;
            }
            else if (reader is not null && Environment.TickCount64 - checkedAt > 1000)
            {
                // Another process (the index verb while the host runs) may have added documents: look at most once a second.
                checkedAt = Environment.TickCount64;
                if (DirectoryReader.OpenIfChanged(reader) is { } changed)
                {
                    Refresh();
                    reader = changed;
                    searcher = new IndexSearcher(changed) { Similarity = Scoring };
                    documents = LoadManifest();
                }
            }

            return searcher;
        }
    }

    /// <summary>
    /// Drops the current reader (the index changed). A search that took the old searcher before the change may still be
    /// reading it, so the old reader is retired rather than closed, and closed on a later refresh once it has been retired
    /// for <see cref="RetiredReaderLifetime"/> (a search takes milliseconds) or when the index is disposed. Caches belong
    /// to their searcher, so a late search on the old one never fills the new one's caches with the old document ids.
    /// </summary>
    private void Refresh()
    {
        var now = Environment.TickCount64;
        if (reader is not null)
        {
            retired.Add((reader, now));
        }

        retired.RemoveAll(r =>
        {
            if (now - r.RetiredAt < RetiredReaderLifetime.TotalMilliseconds)
            {
                return false;
            }

            r.Reader.Dispose();
            return true;
        });
        reader = null;
        searcher = null;
        Version++;
    }

    /// <summary>How long a replaced reader stays open for searches that began before the index changed.</summary>
    internal static readonly TimeSpan RetiredReaderLifetime = TimeSpan.FromMinutes(1);

    /// <summary>How many replaced readers are still open (for tests).</summary>
    internal int RetiredReaders
    {
        get
        {
            lock (gate)
            {
                return retired.Count;
            }
        }
    }

    private SearcherCaches Caches(IndexSearcher current) => caches.GetValue(current, _ => new SearcherCaches());

    private sealed class SearcherCaches
    {
        public ConcurrentDictionary<string, int> Frequencies { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<int, PassageHit> Passages { get; } = new();

        public ConcurrentDictionary<(string Field, string Text), TermContext> TermStates { get; } = new();
    }

    private List<IndexedDocument> LoadManifest()
    {
        if (!File.Exists(manifestPath) || !DirectoryReader.IndexExists(directory))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<IndexedDocument>>(File.ReadAllText(manifestPath, Encoding.UTF8), ManifestJson) ?? [];
        }
        catch (JsonException)
        {
            // An unreadable manifest means every file is indexed again: replacing by path keeps the index clean.
            return [];
        }
    }

    private void SaveManifest()
    {
        var temporary = manifestPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(documents, ManifestJson), Encoding.UTF8);
        File.Move(temporary, manifestPath, overwrite: true);
    }

    private static string Hash(string path)
    {
        using var sha = SHA256.Create();
        using (var stream = File.OpenRead(path))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                sha.TransformBlock(buffer, 0, read, null, 0);
            }
        }

        var sidecar = path + ".meta.json";
        var tail = File.Exists(sidecar) ? File.ReadAllBytes(sidecar) : [];
        sha.TransformFinalBlock(tail, 0, tail.Length);
        return Convert.ToHexString(sha.Hash!);
    }
}
