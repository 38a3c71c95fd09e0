using System.Diagnostics;
using System.Globalization;
using InstructorBot.Knowledge;

namespace InstructorBot.Benchmarks;

/// <summary>
/// A Stopwatch harness, not a benchmark (<c>-- --ask-timing</c>): the median `ask` time on the shipped corpus with the question
/// bank (pruned and exhaustive, r10-qcost) and without it, and the index build of a small generated corpus (KB_TIMING_DOCS, default 300) both ways, for finding
/// where the bank's time goes on a busy machine; the figures to report come from <see cref="KnowledgeBenchmarks"/>.
/// </summary>
public static class AskTiming
{
    public static IEnumerable<string> Run()
    {
        var documents = int.TryParse(Environment.GetEnvironmentVariable("KB_TIMING_DOCS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 300;
        var corpus = Path.Combine(AppContext.BaseDirectory, "corpus");
        var folder = Path.Combine(Path.GetTempPath(), "kb-timing-" + Guid.NewGuid().ToString("N"));
        try
        {
            var generated = Path.Combine(folder, "generated");
            KnowledgeBenchmarks.Generate(corpus, generated, documents);
            foreach (var bank in new[] { true, false })
            {
                var options = new KnowledgeOptions { UseQuestionBank = bank };
                using var shipped = new KnowledgeBase(Path.Combine(folder, $"shipped-{bank}"), corpus, options);
                shipped.EnsureCorpus();
                yield return string.Create(CultureInfo.InvariantCulture, $"bank={bank}: ask on the shipped corpus, median {Median(shipped):F3} ms{Exhaustive(shipped, bank)}");

                using var built = new KnowledgeBase(Path.Combine(folder, $"generated-{bank}"), corpusFolder: null, options);
                var clock = Stopwatch.StartNew();
                built.AddDocuments([generated]);
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"bank={bank}: index build of {documents} generated documents {clock.Elapsed.TotalSeconds:F1} s; ask median {Median(built):F3} ms{Exhaustive(built, bank)}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// With the bank: the bank questions matched per answer (pruned, r10-qcost) and, timed interleaved with the pruned match
    /// question by question (so that the machine's load falls on both alike), the median when every candidate sentence's
    /// bank questions are matched (rounds 8–9) and its matches per answer.
    /// </summary>
    private static string Exhaustive(KnowledgeBase knowledge, bool bank)
    {
        if (!bank)
        {
            return string.Empty;
        }

        var matches = Matches(knowledge);
        var pruned = new List<double>();
        var exhaustive = new List<double>();
        try
        {
            for (var round = 0; round < 20; round++)
            {
                foreach (var question in KnowledgeBenchmarks.Questions)
                {
                    foreach (var (all, times) in new[] { (false, pruned), (true, exhaustive) })
                    {
                        knowledge.Asker.ExhaustiveBank = all;
                        var clock = Stopwatch.StartNew();
                        knowledge.Ask(question);
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }

            knowledge.Asker.ExhaustiveBank = true;
            var exhaustiveMatches = Matches(knowledge);
            pruned.Sort();
            exhaustive.Sort();
            return string.Create(CultureInfo.InvariantCulture,
                $" ({matches:F0} bank questions matched per answer); interleaved: pruned {pruned[pruned.Count / 2]:F3} ms, exhaustive {exhaustive[exhaustive.Count / 2]:F3} ms ({exhaustiveMatches:F0} per answer)");
        }
        finally
        {
            knowledge.Asker.ExhaustiveBank = false;
        }
    }

    private static double Matches(KnowledgeBase knowledge)
    {
        var before = knowledge.Asker.BankMatches;
        foreach (var question in KnowledgeBenchmarks.Questions)
        {
            knowledge.Ask(question);
        }

        return (double)(knowledge.Asker.BankMatches - before) / KnowledgeBenchmarks.Questions.Length;
    }

    private static double Median(KnowledgeBase knowledge)
    {
        foreach (var question in KnowledgeBenchmarks.Questions)
        {
            knowledge.Ask(question);
        }

        var times = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            foreach (var question in KnowledgeBenchmarks.Questions)
            {
                var clock = Stopwatch.StartNew();
                knowledge.Ask(question);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
