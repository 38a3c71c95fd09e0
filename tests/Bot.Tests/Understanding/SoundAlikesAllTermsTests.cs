using System.Globalization;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using Xunit.Abstractions;
using Score = InstructorBot.Bot.Tests.Understanding.UnderstandingScorer.Score;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r8-usound (issue 11): the sound-alike stage over every term of the vocabulary. Slips drawn from every term of
/// every class (not the stage's list) in the voice grammar at 30 % and 60 %; the branch's blind batch; what the stage
/// allocates per message over a fixed batch.
/// </summary>
public sealed class SoundAlikesAllTermsTests(ITestOutputHelper output)
{
    private const int Seed = 20261206;
    private static readonly Vocabulary Words = Vocabulary.Default();
    private static readonly MessageUnderstanding With = new(FixtureLedger.Organizations());
    private static readonly MessageUnderstanding Without = new(FixtureLedger.Organizations()) { SoundAlikeMerges = null };

    /// <summary>Every term of every class of the vocabulary, two or more Chinese characters, longest first.</summary>
    private static string[] SlipTerms() =>
        [.. SoundAlikes.AllTerms(Words).Where(t => t.Length >= 2 && t.All(TextNormalizer.IsHan)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal)];

    [Fact]
    public void Every_class_of_the_vocabulary_gives_its_terms()
    {
        var terms = SoundAlikes.AllTerms(Words).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("党员", terms);          // sound_alike_terms
        Assert.Contains("隐形党员", terms);      // member_categories (a map's key)
        Assert.Contains("应建未建", terms);      // progress_metrics (a pattern's piece)
        Assert.Contains("拆出来", terms);        // split_markers
        Assert.True(terms.Count > 2000, $"{terms.Count} terms");
    }

    /// <summary>
    /// The voice grammar's messages with slips drawn from every term of every class (same-sound characters, one per slipped
    /// term), at 30 % and 60 % of the terms said: read with the stage and without it.
    /// </summary>
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    public void Slips_of_every_vocabulary_term_are_read(double share)
    {
        var users = FixtureLedger.Users();
        var clean = VoiceGrammar.Generate(100, Seed);
        var slipped = VoiceGrammar.WithSlips(clean, share, Seed, SlipTerms());
        var carrying = clean.Zip(slipped).Count(p => p.First.Text != p.Second.Text);
        Score Read(IReadOnlyList<VoiceGrammar.Case> cases, MessageUnderstanding understanding) =>
            UnderstandingScorer.Evaluate([.. cases.Select(c => (c.Row(), UnderstandingJson.ToJson(understanding.Understand(c.Text, users[VoiceGrammar.User], c.Now), c.Id)))]);
        var cleanScore = Read(clean, With);
        var slippedWithout = Read(slipped, Without);
        var slippedWith = Read(slipped, With);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"share {share:P0}: {carrying} of {clean.Count} messages carry a slip\nno slips: {cleanScore}\nslips, no stage: {slippedWithout}\nslips, with the stage: {slippedWith}"));
        foreach (var failure in slippedWith.Failures.Take(20))
        {
            output.WriteLine(failure);
        }

        Assert.True(slippedWith.CaseExact > slippedWithout.CaseExact, $"{slippedWith} vs {slippedWithout}");
    }

    /// <summary>The branch's blind batch (first run 0.933 on 2026-12-06 00:34 UTC, before any change: docs/understanding.md).</summary>
    [Fact]
    public void The_branch_batch_reads()
    {
        var before = UnderstandingScorer.EvaluateFile("understanding-r8-usound.jsonl", Without);
        var after = UnderstandingScorer.EvaluateFile("understanding-r8-usound.jsonl", With);
        output.WriteLine($"without the stage: {before}\nwith it: {after}\n{string.Join("\n", after.Failures)}");
        Assert.True(after.CaseExact >= 0.93, $"{after}\n{string.Join("\n", after.Failures)}");
    }

    /// <summary>
    /// Bytes the stage allocates per message over a fixed batch (every case text of the development, own and blind files,
    /// about 3,000 messages), after one warm-up pass: its windows are probed with keys on the stack, so what it allocates
    /// is the corrected copy of a message that holds a slip and the first look-up of a word in the dictionary.
    /// </summary>
    [Fact]
    public void The_stage_allocates_little_per_message()
    {
        var sounds = new SoundAlikes(Words, SoundAlikes.DefaultMerges, SoundAlikes.DictionaryFrequency);
        var texts = CaseTexts().Select(TextNormalizer.Normalize).ToList();
        texts.ForEach(t => sounds.Correct(t, _ => []));
        var corrected = texts.Count(t => !ReferenceEquals(t, sounds.Correct(t, _ => [])));
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var text in texts)
        {
            sounds.Correct(text, _ => []);
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        var copies = texts.Where(t => !ReferenceEquals(t, sounds.Correct(t, _ => []))).Sum(t => 2L * (2 * t.Length + 24));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{texts.Count} messages, {corrected} corrected: {bytes} bytes, {(double)bytes / texts.Count:F1} per message; the corrected copies alone ≈ {copies} bytes"));
        Assert.True(bytes <= copies + 64L * texts.Count, $"{bytes} bytes over {texts.Count} messages");
    }

    private static IEnumerable<string> CaseTexts()
    {
        var data = FixtureLedger.DataFile("");
        var files = Directory.GetFiles(data, "understanding-*.jsonl")
            .Where(f => !f.EndsWith("first-readings.jsonl", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(data, "blind"), "understanding-*.jsonl"))
            .Order(StringComparer.Ordinal);
        return files.SelectMany(File.ReadAllLines).Where(l => l.Trim().Length > 0)
            .Select(l => (string?)JsonNode.Parse(l)!["text"]).OfType<string>();
    }
}
