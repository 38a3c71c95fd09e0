using System.Globalization;
using System.Text;
using System.Text.Json;
using InstructorBot.Knowledge.Answering;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// The question bank's match is computed only for the sentences that can reach the places of the ranking an answer reads
/// (docs/knowledge.md, round 10, r10-qcost): every answer must be the one the exhaustive match (every candidate sentence's
/// bank questions, as rounds 8–9 did) gives. Both paths run side by side over every question file of the repository (own
/// sets, the development set, the blind batches a–t; this round's sealed batches u–w are never run), on the shipped corpus
/// and with 001 indexed, and each question's answer, citations, confidence and both judges' features must agree.
/// </summary>
public sealed class BankPruningTests(ITestOutputHelper output)
{
    /// <summary>The blind batches that are development evidence (a–t); u, v, w are this round's sealed batches.</summary>
    private static readonly string[] BlindBatches =
    [
        .. "abcdefghijklmn".Select(b => $"qa-2026-12-05-{b}.jsonl"),
        .. "opqrst".Select(b => $"qa-2026-12-06-{b}.jsonl"),
    ];

    /// <summary>Every question of every question file: own sets and the development set (tests/data/qa-*.jsonl) and blind a–t.</summary>
    internal static IReadOnlyList<(string Id, string Question)> Questions()
    {
        var files = Directory.GetFiles(TestFolder.Data(), "qa-*.jsonl").Order(StringComparer.Ordinal)
            .Concat(BlindBatches.Select(b => TestFolder.Data("blind", b)));
        var questions = new List<(string, string)>();
        foreach (var file in files)
        {
            foreach (var c in QaScorer.Load(file))
            {
                questions.Add(($"{Path.GetFileNameWithoutExtension(file)}/{c["id"]!.GetValue<string>()}", c["question"]!.GetValue<string>()));
            }
        }

        return questions;
    }

    /// <summary>One question's outcome as text: the forced answer with its citations and confidence, and each judge's features and margin.</summary>
    internal static string Outcome(AskService asker, string question)
    {
        var (answer, confidence) = asker.AskScored(question);
        var (_, routes, plain) = asker.Judged(question);
        var text = new StringBuilder();
        text.Append(JsonSerializer.Serialize(answer, QaEvaluationTests.Json)).Append(" confidence=").Append(confidence.ToString("R", CultureInfo.InvariantCulture));
        foreach (var route in routes.Append(plain))
        {
            if (route is null)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $" | bank={route.BankAware} margin={route.Margin:R} features=")
                .AppendJoin(',', route.Features.Vector().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))
                .Append(" answer=").Append(JsonSerializer.Serialize(route.Answer, QaEvaluationTests.Json));
        }

        return text.ToString();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_pruned_bank_match_gives_every_answer_the_exhaustive_match_gives(bool withPlan)
    {
        using var folder = new TestFolder();
        using var knowledge = withPlan ? folder.ShippedCorpusWithPlan() : new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.EnsureCorpus();
        var asker = knowledge.Asker;
        var questions = Questions();
        Assert.True(questions.Count > 1400, $"{questions.Count} questions");

        var dump = Environment.GetEnvironmentVariable("KB_ANSWER_DUMP");
        var lines = new List<string>();
        var differ = new List<string>();
        var answered = 0;
        long prunedMatches = 0, exhaustiveMatches = 0;
        foreach (var (id, question) in questions)
        {
            asker.ExhaustiveBank = false;
            var before = asker.BankMatches;
            var pruned = Outcome(asker, question);
            prunedMatches += asker.BankMatches - before;
            asker.ExhaustiveBank = true;
            before = asker.BankMatches;
            var exhaustive = Outcome(asker, question);
            exhaustiveMatches += asker.BankMatches - before;
            asker.ExhaustiveBank = false;
            lines.Add($"{id}\t{pruned}");
            answered += pruned.Contains("\"answered\":true", StringComparison.Ordinal) ? 1 : 0;
            if (!Same(pruned, exhaustive))
            {
                differ.Add($"{id} {question}\n  pruned     {pruned}\n  exhaustive {exhaustive}");
            }
        }

        if (!string.IsNullOrEmpty(dump))
        {
            File.WriteAllLines($"{dump}-{(withPlan ? "plan" : "shipped")}.txt", lines);
        }

        output.WriteLine($"{questions.Count} questions, {answered} answered when forced, {differ.Count} differ; bank questions matched: pruned {prunedMatches}, exhaustive {exhaustiveMatches}");
        foreach (var d in differ.Take(10))
        {
            output.WriteLine(d);
        }

        Assert.True(answered > questions.Count / 2, $"{answered} of {questions.Count} answered");
        Assert.Empty(differ);
    }

    /// <summary>Equal text, numbers within 1e-9 (the confidences and features are compared as written, "R").</summary>
    private static bool Same(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var x = System.Text.RegularExpressions.Regex.Split(a, @"(-?\d+(?:\.\d+)?(?:E[-+]?\d+)?)");
        var y = System.Text.RegularExpressions.Regex.Split(b, @"(-?\d+(?:\.\d+)?(?:E[-+]?\d+)?)");
        return x.Length == y.Length && x.Zip(y).All(p => p.First == p.Second
            || double.TryParse(p.First, NumberStyles.Float, CultureInfo.InvariantCulture, out var u)
            && double.TryParse(p.Second, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(u - v) <= 1e-9);
    }
}
