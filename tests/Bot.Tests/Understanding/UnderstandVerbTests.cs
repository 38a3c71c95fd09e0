using System.Text.Json.Nodes;
using InstructorBot.Bot.Cli;
using InstructorBot.Store;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>The <c>understand</c> verb end to end: a real LiteDB file with the fixture ledger and users imported.</summary>
public sealed class UnderstandVerbTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("understand-verb-").FullName;

    private string Database => Path.Combine(folder, "bot.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task ImportFixturesAsync()
    {
        using var store = InstructorStore.Open(Database);
        await store.ImportLedgerAsync(FixtureLedger.DataFile("ledger.csv"));
        await store.ImportUsersAsync(FixtureLedger.DataFile("users.csv"));
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Batch_output_over_the_imported_ledger_scores_every_development_case()
    {
        await ImportFixturesAsync();
        var gold = FixtureLedger.DataFile("understanding-dev.jsonl");
        var (code, stdout, stderr) = await RunAsync("understand", "--db", Database, "--batch", gold);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var predictions = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())
            .ToDictionary(p => (string)p["id"]!);
        var rows = File.ReadAllLines(gold).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())
            .Select(row => (row, predictions[(string)row["id"]!])).ToList();
        var score = UnderstandingScorer.Evaluate(rows);
        output.WriteLine(score.ToString());
        Assert.True(score.CaseExact >= 0.9, string.Join("\n", score.Failures));
    }

    [Fact]
    public async Task A_single_message_prints_one_object_with_chinese_as_characters_and_a_null_organization_when_ambiguous()
    {
        await ImportFixturesAsync();
        var (code, stdout, _) = await RunAsync("understand", "--db", Database, "--user", "u_zhang", "--now", "2026-11-18T15:30:00+08:00", "华鼎那边发现1名流动党员");

        Assert.Equal(0, code);
        Assert.Equal(
            """{"actions":[{"kind":"member_discovery","organization":null,"date":"2026-11-18","count":1,"categories":{"flowing":1}}],"missing":["organization"]}""",
            stdout.Trim());
    }

    [Fact]
    public async Task An_unknown_user_is_refused_in_chinese_and_english_without_a_stack_trace()
    {
        await ImportFixturesAsync();
        var (code, stdout, stderr) = await RunAsync("understand", "--db", Database, "--user", "u_nobody", "--now", "2026-11-18T15:30:00+08:00", "今天走访了云启科技");

        Assert.NotEqual(0, code);
        Assert.Equal("", stdout);
        Assert.Contains("未知的用户 u_nobody", stderr);
        Assert.DoesNotContain(" at ", stderr);
    }

    [Fact]
    public async Task A_batch_line_that_is_not_json_is_named_by_its_line_number_and_nothing_is_printed()
    {
        await ImportFixturesAsync();
        var batch = Path.Combine(folder, "batch.jsonl");
        await File.WriteAllLinesAsync(batch, ["""{"id":"a","user":"u_zhang","now":"2026-11-18T15:30:00+08:00","text":"今天走访了云启科技"}""", "{not json"]);
        var (code, stdout, stderr) = await RunAsync("understand", "--db", Database, "--batch", batch);

        Assert.NotEqual(0, code);
        Assert.Equal("", stdout);
        Assert.Contains("第 2 行", stderr);
    }
}
