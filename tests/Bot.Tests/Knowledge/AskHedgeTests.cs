using System.Text.Json.Nodes;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Tests.Understanding;
using InstructorBot.Knowledge;
using InstructorBot.Knowledge.Answering;
using InstructorBot.Store;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Knowledge;

/// <summary>
/// The hedged band through <c>ask</c> (docs/knowledge.md, round 19, r19-qjudge): an answer whose confidence lies between the
/// judge's threshold and its sure threshold is given (answered, the same citations) with <see cref="AskService.Hedge"/> before
/// it; a sure answer is given as the judge gave it; below the threshold, no answer. Read against the forced answers of the
/// same index, so the test does not sit on one question's confidence.
/// </summary>
public sealed class AskHedgeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ask-hedge-").FullName;

    private string Database => Path.Combine(folder, "bot.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task An_answer_the_judge_is_not_sure_of_says_it_is_the_closest_passage()
    {
        using (var store = InstructorStore.Open(Database))
        {
            await store.ImportLedgerAsync(FixtureLedger.DataFile("ledger.csv"));
            await store.ImportUsersAsync(FixtureLedger.DataFile("users.csv"));
        }

        var (indexed, _, indexError) = await RunAsync("index", "--db", Database, FixtureLedger.DataFile("documents/001-quality-plan.txt"));
        Assert.True(indexed == 0, indexError);
        var lines = new List<(string Question, JsonObject Got)>();
        foreach (var file in new[] { "qa-r19-qjudge.jsonl", "qa-dev.jsonl" })
        {
            var (code, stdout, stderr) = await RunAsync("ask", "--db", Database, "--batch", FixtureLedger.DataFile(file));
            Assert.True(code == 0, stderr);
            var questions = File.ReadAllLines(FixtureLedger.DataFile(file)).Where(l => l.Trim().Length > 0)
                .Select(l => JsonNode.Parse(l)!.AsObject()).ToDictionary(c => (string)c["id"]!, c => (string)c["question"]!);
            lines.AddRange(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).Select(p => (questions[(string)p["id"]!], p)));
        }

        int hedged = 0, sure = 0;
        using var knowledge = new KnowledgeBase(BotPaths.IndexFolderFor(Database), BotPaths.ShippedCorpus);
        foreach (var (question, got) in lines.Where(l => (bool)l.Got["answered"]! && l.Got["recommendation"] is null))
        {
            var (forced, _) = knowledge.Asker.AskScored(question);
            var text = (string)got["answer"]!;
            var quotes = got["citations"]!.AsArray().Select(c => (string)c!["quote"]!).ToList();
            Assert.Equal(forced.Citations.Select(c => c.Quote), quotes);
            if (text.StartsWith(AskService.Hedge, StringComparison.Ordinal))
            {
                hedged++;
                output.WriteLine($"hedged: {question} → {text.ReplaceLineEndings(" ")}");
                Assert.Equal(AskService.Hedge + forced.Text, text);
            }
            else
            {
                sure++;
                Assert.Equal(forced.Text, text);
            }
        }

        output.WriteLine($"{hedged} hedged, {sure} sure");
        Assert.True(hedged > 0, "no answer in the hedged band");
        Assert.True(sure > 0, "no sure answer");
        Assert.DoesNotContain('\n', AskService.Hedge.TrimEnd('\n'));
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
