using System.Diagnostics;
using System.Globalization;
using InstructorBot.Knowledge;

namespace InstructorBot.Benchmarks;

/// <summary>
/// A loop of `ask` for a sampling profiler (<c>-- --profile-ask SECONDS [DOCS]</c>, e.g. under <c>perf record</c> with
/// DOTNET_PerfMapEnabled=1), not a measurement: the benchmark's ten questions round after round on the shipped corpus, or
/// on a generated corpus of DOCS documents (its index kept in KB_PROFILE_INDEX when set, so that it is built once). Prints
/// what does not depend on the machine's load: bytes allocated and bank questions matched per answer; the processor time
/// per answer only as a ratio between two runs on the same machine.
/// </summary>
public static class AskProfile
{
    public static IEnumerable<string> Run(int seconds, int documents)
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "corpus");
        var kept = Environment.GetEnvironmentVariable("KB_PROFILE_INDEX");
        var folder = kept ?? Path.Combine(Path.GetTempPath(), "kb-profile-" + Guid.NewGuid().ToString("N"));
        try
        {
            KnowledgeBase knowledge;
            if (documents == 0)
            {
                knowledge = new KnowledgeBase(Path.Combine(folder, "shipped-index"), corpus);
                knowledge.EnsureCorpus();
            }
            else
            {
                var generated = Path.Combine(folder, $"generated-{documents}");
                if (!Directory.Exists(generated))
                {
                    KnowledgeBenchmarks.Generate(corpus, generated, documents);
                }

                knowledge = new KnowledgeBase(Path.Combine(folder, $"generated-{documents}-index"), corpusFolder: null);
                var build = Stopwatch.StartNew();
                knowledge.AddDocuments([generated]);
                yield return string.Create(CultureInfo.InvariantCulture, $"{documents} generated documents, {knowledge.Index.PassageCount} passages, index ready in {build.Elapsed.TotalSeconds:F1} s");
            }

            using (knowledge)
            using (var sampler = Environment.GetEnvironmentVariable("KB_PROFILE_ALLOC") == "1" ? new AllocationSampler() : null)
            {
                // Two rounds first: jieba's dictionary, the caches per index and the JIT's tiers.
                for (var warm = 0; warm < 2 * KnowledgeBenchmarks.Questions.Length; warm++)
                {
                    knowledge.Ask(KnowledgeBenchmarks.Questions[warm % KnowledgeBenchmarks.Questions.Length]);
                }

                sampler?.On = true;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var matches = knowledge.Asker.BankMatches;
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var until = DateTime.UtcNow.AddSeconds(seconds);
                var asks = 0;
                while (asks < KnowledgeBenchmarks.Questions.Length || DateTime.UtcNow < until)
                {
                    for (var q = 0; q < KnowledgeBenchmarks.Questions.Length; q++, asks++)
                    {
                        knowledge.Ask(KnowledgeBenchmarks.Questions[q]);
                    }
                }

                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                sampler?.On = false;
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{asks} answers: {allocated / 1024.0 / asks:F1} KB allocated and {(double)(knowledge.Asker.BankMatches - matches) / asks:F1} bank questions matched per answer; {cpu.TotalMilliseconds / asks:F3} ms of processor time per answer (a ratio between runs only)");
                foreach (var (type, bytes) in sampler?.Top(25) ?? [])
                {
                    yield return string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1024.0 / asks,8:F1} KB per answer (sampled) {type}");
                }
            }
        }
        finally
        {
            if (kept is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
