using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// Every question we have with the document text that answers it: the own questions (one source per fold of
/// qa-own-folds.json), qa-dev, and the blind batches a–ba (one source per batch: the tune batches; never a sealed one of
/// tests/data/blind/sealed.txt, nor one after <see cref="LastTuneBatch"/>, which round 22 holds out), their gold sentence
/// found in the corpus by the case's quote_any. The pairs the learned bridge (<see cref="WordAssociations"/>) is learned from.
/// </summary>
public sealed class AlignedQuestions : IDisposable
{
    /// <summary>The last blind batch learned from (round 22: bb, bc, bd are its engineers' held-out batches, be–bg sealed).</summary>
    public const string LastTuneBatch = "ba";

    /// <summary>The tune batches' files by letter, in the letters' order (a … z, aa … ba).</summary>
    public static readonly IReadOnlyList<(string Letter, string File)> BlindBatches = TuneBatches();

    public const string BlindPrefix = "blind-";

    private readonly TestFolder folder = new();

    public AlignedQuestions()
    {
        Knowledge = folder.ShippedCorpusWithPlan();
        var folds = JsonNode.Parse(File.ReadAllText(TestFolder.Data("qa-own-folds.json")))!["folds"]!.AsArray()
            .SelectMany(f => f!["ids"]!.AsArray().Select(i => (Id: i!.GetValue<string>(), Fold: f["fold"]!.GetValue<string>())))
            .ToDictionary(x => x.Id, x => x.Fold);
        foreach (var c in QaScorer.Load(TestFolder.Data("qa-own.jsonl")))
        {
            Add(c, folds[c["id"]!.GetValue<string>()]);
        }

        foreach (var c in QaScorer.Load(TestFolder.Data("qa-dev.jsonl")))
        {
            Add(c, "dev");
        }

        foreach (var (batch, file) in BlindBatches)
        {
            foreach (var c in QaScorer.Load(file))
            {
                Add(c, BlindPrefix + batch);
            }
        }
    }

    private static List<(string Letter, string File)> TuneBatches()
    {
        var folder = TestFolder.Data("blind");
        var sealedLetters = File.ReadAllLines(Path.Combine(folder, "sealed.txt")).Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        static (int, string) Order(string letter) => (letter.Length, letter);
        return [.. Directory.GetFiles(folder, "qa-*.jsonl")
            .Select(f => (Letter: System.Text.RegularExpressions.Regex.Match(Path.GetFileName(f), @"^qa-\d{4}-\d{2}-\d{2}-([a-z]+)\.jsonl$").Groups[1].Value, File: f))
            .Where(b => b.Letter.Length > 0 && !sealedLetters.Contains(b.Letter) && Order(b.Letter).CompareTo(Order(LastTuneBatch)) <= 0)
            .OrderBy(b => Order(b.Letter))];
    }

    public KnowledgeBase Knowledge { get; }

    /// <summary>Every case with its source (fold or batch).</summary>
    public List<(string Source, JsonObject Case)> Cases { get; } = [];

    /// <summary>The answerable cases whose gold sentence was found, as pairs.</summary>
    public List<AlignedPair> Pairs { get; } = [];

    /// <summary>Answerable cases with a quote whose gold sentence no passage holds (a quote spanning passages, a typo in the gold).</summary>
    public int Unlocated { get; private set; }

    private void Add(JsonObject c, string source)
    {
        Cases.Add((source, c));
        if (c["answered"]?.GetValue<bool>() != true || c["quote_any"] is not JsonArray { Count: > 0 } quotes)
        {
            return;
        }

        var question = Knowledge.Asker.CorrectTypos(c["question"]!.GetValue<string>());
        if (Locate(quotes.Select(q => q!.GetValue<string>())) is { } answer)
        {
            Pairs.Add(new AlignedPair(question, answer, source));
        }
        else
        {
            Unlocated++;
        }
    }

    /// <summary>The gold sentence(s) of the first quote a passage holds, with that passage's own heading.</summary>
    private string? Locate(IEnumerable<string> quotes)
    {
        foreach (var quote in quotes)
        {
            var form = TextCleaner.MatchForm(quote);
            if (form.Length < 2)
            {
                continue;
            }

            foreach (var hit in Knowledge.Index.Search([quote], 10))
            {
                if (!hit.MatchText.Contains(form, StringComparison.Ordinal))
                {
                    continue;
                }

                var head = form[..Math.Min(6, form.Length)];
                var sentences = hit.SentenceForms.Where(s => s.Contains(form, StringComparison.Ordinal) || form.Contains(s, StringComparison.Ordinal)
                    || s.Contains(head, StringComparison.Ordinal)).ToList();
                if (sentences.Count == 0)
                {
                    sentences = [hit.MatchText];
                }

                var heading = hit.Section[(hit.Section.LastIndexOf('/') + 1)..];
                return string.Join("|", sentences) + "|" + TextCleaner.MatchForm(heading);
            }
        }

        return null;
    }

    public void Dispose()
    {
        Knowledge.Dispose();
        folder.Dispose();
    }
}

/// <summary>
/// The learned bridge from users' words to the documents' (<see cref="WordAssociations"/>): the shipped table is what learning
/// on every pair gives, and, learned without the batch it is scored on, it loses no batch's first-ranked answer and keeps
/// abstention on the blind batches.
/// </summary>
public sealed partial class AssociationTests(AlignedQuestions data, ITestOutputHelper output) : IClassFixture<AlignedQuestions>
{
    private static readonly Vocabulary Vocabulary = Vocabulary.LoadDefault();

    private static readonly IReadOnlyList<ThesaurusEntry> Hand = Thesaurus.LoadDefault();

    private WordAssociations Learn(Func<AlignedPair, bool> include, AssociationSettings? settings = null)
    {
        var analyzer = new QuestionAnalyzer(Vocabulary, Hand, IndexWords.Default.Segmenter);
        return WordAssociations.Learn(data.Pairs.Where(include), IndexWords.Default.Segmenter, WordAssociations.ContentWords(Vocabulary, analyzer),
            WordAssociations.Frequency(data.Knowledge.Index), data.Knowledge.Index.PassageCount, settings);
    }

    /// <summary>An answer service reading questions with the hand thesaurus and <paramref name="learned"/> (none: the hand thesaurus alone).</summary>
    private AskService Asker(WordAssociations learned, AssociationSettings? settings = null)
    {
        IReadOnlyList<ThesaurusEntry> thesaurus = [.. Hand, .. learned.AsThesaurus(Hand, Vocabulary, settings)];
        return new AskService(data.Knowledge.Index, new QuestionAnalyzer(Vocabulary, thesaurus, IndexWords.Default.Segmenter), data.Knowledge.Advisor)
        {
            FocusThesaurus = thesaurus,
        };
    }

    [Fact]
    public void The_shipped_associations_are_what_learning_on_every_pair_gives()
    {
        output.WriteLine($"{data.Pairs.Count} pairs located, {data.Unlocated} answerable cases with a quote no passage holds");
        Assert.True(data.Pairs.Count > 700, $"only {data.Pairs.Count} pairs located");
        Assert.True(data.Unlocated < 0.05 * data.Pairs.Count, $"{data.Unlocated} quotes not located");

        var learned = Learn(_ => true);
        foreach (var a in learned.All)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.QuestionWord} → {a.DocumentWord} p={a.Probability:F3} support={a.Support} sources={a.Sources}"));
        }

        var text = learned.Write($"{data.Pairs.Count} pairs: qa-own.jsonl (one source per fold of qa-own-folds.json), qa-dev.jsonl, tests/data/blind/qa-*-{{a..{AlignedQuestions.LastTuneBatch}}}.jsonl (one source per batch)");
        if (Environment.GetEnvironmentVariable("KB_ASSOCIATIONS") == "1")
        {
            var file = Path.Combine(RepositoryRoot(), "src", "Knowledge", "Resources", "associations.tsv");
            File.WriteAllText(file, text);
            output.WriteLine("rewrote " + file);
            return;
        }

        // Every target is the documents' (some passage writes it); a learned word is the users' (no passage writes it) unless
        // written words are bridged too (round 22).
        Assert.All(learned.All.Where(_ => !AssociationSettings.Default.BridgeWritten), a => Assert.Equal(0, WordAssociations.Frequency(data.Knowledge.Index)(a.QuestionWord)));

        Assert.All(learned.All, a => Assert.True(WordAssociations.Frequency(data.Knowledge.Index)(a.DocumentWord) > 0 || data.Knowledge.Index.WordFrequency(a.DocumentWord) > 0, a.DocumentWord));
        Assert.All(learned.All.GroupBy(a => a.QuestionWord), g => Assert.True(g.Count() <= WordAssociations.MaxPerWord));
        Assert.True(WordAssociations.LoadDefault().All.SequenceEqual(learned.All),
            "Resources/associations.tsv is stale: regenerate with KB_ASSOCIATIONS=1 dotnet test tests/Knowledge.Tests --filter The_shipped_associations");
    }

    private sealed record Score(int Answerable, int ForcedHit1, int ForcedPass, int Cases, int ShippedPass, int Abstain, int AbstainRight)
    {
        /// <summary>The ids the shipped answer passes.</summary>
        public IReadOnlySet<string> Passed { get; init; } = new HashSet<string>();

        /// <summary>The answerable ids the forced answer passes.</summary>
        public IReadOnlySet<string> ForcedPassed { get; init; } = new HashSet<string>();

        public static Score operator +(Score a, Score b) => new(a.Answerable + b.Answerable, a.ForcedHit1 + b.ForcedHit1, a.ForcedPass + b.ForcedPass,
            a.Cases + b.Cases, a.ShippedPass + b.ShippedPass, a.Abstain + b.Abstain, a.AbstainRight + b.AbstainRight)
        {
            Passed = a.Passed.Concat(b.Passed).ToHashSet(),
            ForcedPassed = a.ForcedPassed.Concat(b.ForcedPassed).ToHashSet(),
        };

        public static Score Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"forced hit@1 {ForcedHit1}/{Answerable}, forced pass {ForcedPass}/{Answerable}, shipped pass {(double)ShippedPass / Math.Max(Cases, 1):F3}, abstain {(Abstain == 0 ? 1 : (double)AbstainRight / Abstain):F3}");
    }

    /// <summary>Forced (never abstaining) hit@1 and pass on the answerable cases; shipped pass and abstention on all.</summary>
    private static Score Measure(AskService asker, IReadOnlyList<JsonObject> cases)
    {
        var forced = new Dictionary<string, JsonObject>();
        var shipped = new Dictionary<string, JsonObject>();
        var hit1 = 0;
        foreach (var c in cases)
        {
            var id = c["id"]!.GetValue<string>();
            var (answer, confidence) = asker.AskScored(c["question"]!.GetValue<string>());
            forced[id] = JsonSerializer.SerializeToNode(answer, QaEvaluationTests.Json)!.AsObject();
            var given = confidence >= asker.Threshold ? answer : answer.Answered ? new Answer(false, AskService.NoAnswer, [], null) : answer;
            shipped[id] = JsonSerializer.SerializeToNode(given, QaEvaluationTests.Json)!.AsObject();
            if (c["answered"]!.GetValue<bool>() && c["quote_any"] is JsonArray { Count: > 0 } quotes && answer.Citations.Count > 0
                && quotes.Any(q => QaScorer.Norm(answer.Citations[0].Quote).Contains(QaScorer.Norm(q!.GetValue<string>()), StringComparison.Ordinal)))
            {
                hit1++;
            }
        }

        var answerable = cases.Where(c => c["answered"]!.GetValue<bool>()).ToList();
        var forcedScore = QaScorer.Score(answerable, forced);
        var shippedScore = QaScorer.Score(cases, shipped);
        var abstain = cases.Count(c => !c["answered"]!.GetValue<bool>());
        var failed = shippedScore.Failures.Select(f => f[..f.IndexOf('\t', StringComparison.Ordinal)]).ToHashSet();
        var forcedFailed = forcedScore.Failures.Select(f => f[..f.IndexOf('\t', StringComparison.Ordinal)]).ToHashSet();
        return new Score(answerable.Count, hit1, answerable.Count - forcedScore.Failures.Count, cases.Count, cases.Count - shippedScore.Failures.Count,
            abstain, (int)Math.Round(shippedScore.AbstainAccuracy * abstain))
        {
            Passed = cases.Select(c => c["id"]!.GetValue<string>()).Where(id => !failed.Contains(id)).ToHashSet(),
            ForcedPassed = answerable.Select(c => c["id"]!.GetValue<string>()).Where(id => !forcedFailed.Contains(id)).ToHashSet(),
        };
    }

    [Fact]
    public void Learned_without_the_batch_it_is_scored_on_the_bridge_loses_no_first_answer_and_keeps_abstention()
    {
        var baseline = Asker(WordAssociations.Empty);
        var sources = data.Cases.Select(c => c.Source).Distinct().ToList();
        Score blindBefore = Score.Zero, blindAfter = Score.Zero, ownBefore = Score.Zero, ownAfter = Score.Zero;
        var lost = new List<string>();
        foreach (var source in sources)
        {
            var cases = data.Cases.Where(c => c.Source == source).Select(c => c.Case).ToList();
            var learned = Learn(p => p.Source != source);
            var before = Measure(baseline, cases);
            var after = Measure(Asker(learned), cases);
            output.WriteLine($"{source}: before {before} | after {after} ({learned.All.Count} associations learned without it)");
            foreach (var c in cases.Where(c => before.Passed.Contains(c["id"]!.GetValue<string>()) != after.Passed.Contains(c["id"]!.GetValue<string>())))
            {
                var id = c["id"]!.GetValue<string>();
                output.WriteLine($"  {(after.Passed.Contains(id) ? "gained" : "lost")} {id} {c["question"]}");
            }

            if (source.StartsWith(AlignedQuestions.BlindPrefix, StringComparison.Ordinal))
            {
                blindBefore += before;
                blindAfter += after;
                // Round 8: with the question bank ranking the sentences, the bridge (shipped off) costs blind a one first answer
                // (26 → 25, 2026-12-06 01:46 UTC): a batch may lose one, no more.
                if (after.ForcedHit1 < before.ForcedHit1 - 1)
                {
                    lost.Add($"{source} forced hit@1 {before.ForcedHit1} → {after.ForcedHit1}");
                }

                // The bridge must keep abstention: no fewer no-answer questions declined than without it. Until round 19 this was
                // "every one declined"; since round 19's threshold rule trades abstention for pass (r19-qjudge), blind e and f
                // answer one no-answer question each with and without the bridge (4/5 both): the bridge is measured against itself.
                if (after.AbstainRight < before.AbstainRight)
                {
                    lost.Add($"{source} abstain {after.AbstainRight}/{after.Abstain}");
                }
            }
            else
            {
                ownBefore += before;
                ownAfter += after;
            }
        }

        output.WriteLine($"blind a–{AlignedQuestions.LastTuneBatch}: before {blindBefore} | after {blindAfter}");
        output.WriteLine($"own + dev: before {ownBefore} | after {ownAfter}");
        Assert.True(lost.Count == 0, string.Join("; ", lost));
        Assert.True(ownAfter.ForcedHit1 >= ownBefore.ForcedHit1 - 3, $"own forced hit@1 {ownBefore.ForcedHit1} → {ownAfter.ForcedHit1}");
    }

    /// <summary>
    /// A general synonym list (KB_SYNONYMS: a file of "word,word" lines, e.g. dicts/synonym.txt of the npm package segment 0.1.3,
    /// MIT) measured as a bridge on every batch: a pair whose one word no passage writes and whose other a passage does becomes
    /// an association. Measured only (nothing of it is shipped); without KB_SYNONYMS the test only says so.
    /// </summary>
    [Fact]
    public void A_general_synonym_list_is_measured_as_a_bridge_when_given()
    {
        var path = Environment.GetEnvironmentVariable("KB_SYNONYMS");
        if (path is null || !File.Exists(path))
        {
            output.WriteLine("KB_SYNONYMS not set: nothing measured");
            return;
        }

        var frequency = WordAssociations.Frequency(data.Knowledge.Index);
        var analyzer = new QuestionAnalyzer(Vocabulary, Hand, IndexWords.Default.Segmenter);
        var content = WordAssociations.ContentWords(Vocabulary, analyzer);
        var associations = new List<WordAssociation>();
        foreach (var line in File.ReadLines(path))
        {
            var words = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var from in words)
            {
                foreach (var to in words.Where(w => w != from && frequency(from) == 0 && content(from) && frequency(w) > 0 && content(w)))
                {
                    associations.Add(new WordAssociation(from, to, 1, 0, 0));
                }
            }
        }

        var general = new WordAssociations([.. associations.GroupBy(a => a.QuestionWord).SelectMany(g => g.Take(WordAssociations.MaxPerWord))]);
        output.WriteLine($"{general.All.Count} associations from {path}");
        var used = data.Cases.Where(c => general.All.Any(a => c.Case["question"]!.GetValue<string>().Contains(a.QuestionWord, StringComparison.Ordinal))).ToList();
        output.WriteLine($"{used.Count} of {data.Cases.Count} questions hold one of its words");
        foreach (var group in data.Cases.GroupBy(c => c.Source.StartsWith(AlignedQuestions.BlindPrefix, StringComparison.Ordinal) ? c.Source : "own + dev"))
        {
            var cases = group.Select(c => c.Case).ToList();
            output.WriteLine($"{group.Key}: before {Measure(Asker(WordAssociations.Empty), cases)} | with the list {Measure(Asker(general), cases)}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "Knowledge", "Resources")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
