using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Tests.Understanding;
using InstructorBot.Store;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Knowledge;

/// <summary>
/// The <c>ask</c> verb end to end over a real LiteDB file and Lucene index: questions that name a ledger
/// organisation without stating its facts get the ledger's facts, and the development questions still pass.
/// </summary>
public sealed partial class AskVerbTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ask-verb-").FullName;

    private string Database => Path.Combine(folder, "bot.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("qa-own-ledger.jsonl")]
    [InlineData("qa-dev.jsonl")]
    public async Task Batch_answers_pass_with_the_ledgers_facts_for_named_organisations(string file)
    {
        using (var store = InstructorStore.Open(Database))
        {
            await store.ImportLedgerAsync(FixtureLedger.DataFile("ledger.csv"));
            await store.ImportUsersAsync(FixtureLedger.DataFile("users.csv"));
        }

        var (indexed, _, indexError) = await RunAsync("index", "--db", Database, FixtureLedger.DataFile("documents/001-quality-plan.txt"));
        Assert.True(indexed == 0, indexError);
        var gold = FixtureLedger.DataFile(file);
        var (code, stdout, stderr) = await RunAsync("ask", "--db", Database, "--batch", gold);
        Assert.True(code == 0, stderr);

        var predictions = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToDictionary(p => (string)p["id"]!);
        var failures = new List<string>();
        var cases = File.ReadAllLines(gold).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        foreach (var expected in cases)
        {
            var id = (string)expected["id"]!;
            var got = predictions[id];
            var problems = Compare(expected, got);
            if (problems.Count > 0)
            {
                failures.Add($"{id} {expected["question"]}: {string.Join("; ", problems)}");
            }
        }

        output.WriteLine($"{file}: {cases.Count - failures.Count}/{cases.Count} pass");
        failures.ForEach(output.WriteLine);
        var known = KnownMisses.GetValueOrDefault(file, []);
        var unexpected = failures.Where(f => !known.Contains(f.Split(' ')[0])).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        Assert.True(failures.Count == known.Length, $"a known miss now passes: remove it from {nameof(KnownMisses)}");
    }

    /// <summary>
    /// Misses kept on purpose, each with its reason. None since round 19: qa-dev q17 ("空壳企业、僵尸企业在摸底时怎么处理？"),
    /// kept here from round 8 (the right sentence first, its confidence under the threshold), is answered since the threshold
    /// is chosen by an explicit trade (r19-qjudge, <c>ThresholdRule</c>), hedged: it lies under the sure threshold.
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownMisses = new(StringComparer.Ordinal);

    private static List<string> Compare(JsonObject expected, JsonObject got)
    {
        var problems = new List<string>();
        var answered = got["answered"]?.GetValue<bool>() ?? false;
        var citations = got["citations"]?.AsArray() ?? [];
        if (!expected["answered"]!.GetValue<bool>())
        {
            if (answered || citations.Count > 0)
            {
                problems.Add("should abstain with no citation");
            }

            return problems;
        }

        if (!answered)
        {
            problems.Add("answered=false");
        }

        if (expected["quote_any"] is JsonArray quoteAny)
        {
            var quotes = citations.Take(3).Select(c => Normalize((string?)c!["quote"])).ToList();
            if (!quoteAny.Any(q => quotes.Any(quote => quote.Contains(Normalize((string?)q), StringComparison.Ordinal))))
            {
                problems.Add("no top-3 citation quotes the expected passage");
            }
        }

        if (expected["recommendation"] is JsonObject recommendation)
        {
            foreach (var (key, value) in recommendation)
            {
                var actual = got["recommendation"]?[key];
                if (!JsonNode.DeepEquals(value, actual))
                {
                    problems.Add($"recommendation.{key}: want {value?.ToJsonString()} got {actual?.ToJsonString() ?? "null"}");
                }
            }
        }

        return problems;
    }

    /// <summary>As shared/eval/score.py compares: NFKC, Chinese quotes as ASCII, no white space.</summary>
    private static string Normalize(string? text) =>
        Whitespace().Replace((text ?? "").Normalize(NormalizationForm.FormKC)
            .Replace('“', '"').Replace('”', '"').Replace('‘', '\'').Replace('’', '\'')
            .Replace('〔', '[').Replace('〕', ']').Replace('【', '[').Replace('】', ']'), "");

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
