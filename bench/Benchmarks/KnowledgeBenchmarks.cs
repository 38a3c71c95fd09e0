using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using InstructorBot.Knowledge;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Benchmarks;

/// <summary>
/// Answer latency on the shipped corpus, and on a generated corpus of 10,000 documents (~50 million characters,
/// sentences of the campaign documents recombined) whose index build time is measured once in setup.
/// dotnet run -c Release --project bench/Benchmarks -- --filter '*Knowledge*' --job short
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class KnowledgeBenchmarks
{
    internal static readonly string[] Questions =
    [
        "党员不足3名的企业怎么建立党组织？", "什么是五个清？", "联合党组织最多可以覆盖几个单位？", "职工多少人以上的非公企业要有党员？",
        "没有党员的企业怎么实现党的工作覆盖？", "四个一批指的是什么？", "百日攻坚行动的覆盖率目标是多少？", "党费每个月交多少？",
        "顺达快递有2名党员，职工95人，适合采用什么方式组建党组织？", "省级以上园区要怎么抓两个覆盖？",
    ];

    private string folder = string.Empty;
    private KnowledgeBase shipped = null!;
    private KnowledgeBase generated = null!;
    private int next;

    /// <summary>Documents in the generated corpus (KB_BENCH_DOCS, default 10,000).</summary>
    public static int GeneratedDocuments =>
        int.TryParse(Environment.GetEnvironmentVariable("KB_BENCH_DOCS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 10_000;

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "kb-bench-" + Guid.NewGuid().ToString("N"));
        var corpus = Path.Combine(AppContext.BaseDirectory, "corpus");
        shipped = new KnowledgeBase(Path.Combine(folder, "shipped-index"), corpus);
        shipped.EnsureCorpus();

        var documents = Path.Combine(folder, "generated");
        var characters = Generate(corpus, documents, GeneratedDocuments);
        generated = new KnowledgeBase(Path.Combine(folder, "generated-index"), corpusFolder: null);
        var clock = Stopwatch.StartNew();
        generated.AddDocuments([documents]);
        clock.Stop();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Generated corpus: {GeneratedDocuments} documents, {characters:N0} characters, {generated.Index.PassageCount} passages, index build {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "kb-bench-build.txt"), line + Environment.NewLine);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        shipped.Dispose();
        generated.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Description = "answer, shipped corpus")]
    public bool AnswerOnShippedCorpus() => shipped.Ask(Questions[next++ % Questions.Length]).Answered;

    /// <summary>The reference the pruned bank match replaced (r10-qcost): every candidate sentence's bank questions matched, as in rounds 8–9.</summary>
    [Benchmark(Description = "answer, shipped corpus, exhaustive bank match (rounds 8-9)")]
    public bool AnswerOnShippedCorpusExhaustive()
    {
        shipped.Asker.ExhaustiveBank = true;
        try
        {
            return shipped.Ask(Questions[next++ % Questions.Length]).Answered;
        }
        finally
        {
            shipped.Asker.ExhaustiveBank = false;
        }
    }

    [Benchmark(Description = "answer, generated 10k-document corpus")]
    public bool AnswerOnGeneratedCorpus() => generated.Ask(Questions[next++ % Questions.Length]).Answered;

    /// <summary>Writes documents whose sentences are those of the campaign documents, recombined under numbered headings.</summary>
    internal static long Generate(string corpus, string target, int count)
    {
        Directory.CreateDirectory(target);
        var sentences = Directory.GetFiles(corpus).Where(DocumentReader.IsSupported)
            .SelectMany(f => DocumentReader.Read(f).Passages)
            .SelectMany(p => p.Text.Split('。', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length >= 10).Select(s => s + "。").ToArray();
        string[] numerals = ["一", "二", "三", "四", "五", "六"];
        long characters = 0;
        for (var d = 0; d < count; d++)
        {
            var random = new Random(d);
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"关于开展第{d + 1}批两新组织党建工作的通知\n");
            for (var section = 0; text.Length < 5000 && section < numerals.Length; section++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{numerals[section]}、{sentences[random.Next(sentences.Length)][..6]}\n");
                for (var sub = 0; sub < 3 && text.Length < 5000; sub++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"（{numerals[sub]}）");
                    for (var s = 0; s < 4; s++)
                    {
                        text.Append(sentences[random.Next(sentences.Length)]);
                    }

                    text.Append('\n');
                }
            }

            characters += text.Length;
            File.WriteAllText(Path.Combine(target, string.Create(CultureInfo.InvariantCulture, $"doc{d:D5}.txt")), text.ToString());
        }

        return characters;
    }
}
