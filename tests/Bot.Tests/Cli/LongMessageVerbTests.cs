using System.Text.Json;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Tests.Understanding;
using InstructorBot.Store;

namespace InstructorBot.Bot.Tests.Cli;

/// <summary>
/// <c>understand</c> and <c>ask</c> take no message the host would refuse (over 2,000 characters): a batch line of
/// 20,000 or 200,000 characters prints the host's "消息太长了" in its place and the batch goes on; a single one fails
/// with it. Against a real LiteDB ledger (and the shipped corpus for <c>ask</c>).
/// </summary>
public sealed class LongMessageVerbTests : IDisposable
{
    private const string TooLong = "消息太长了（超过 2000 字），请分几条发送。";

    private readonly string folder = Directory.CreateTempSubdirectory("long-message-").FullName;

    private string Database => Path.Combine(folder, "bot.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Report(int length) => string.Concat(Enumerable.Repeat("今天走访了云启科技，发现2名党员，", length / 17 + 1))[..length];

    [Fact]
    public async Task Understand_batch_prints_too_long_for_lines_over_the_limit_and_reads_the_others()
    {
        await ImportAsync();
        var batch = Path.Combine(folder, "batch.jsonl");
        await File.WriteAllLinesAsync(batch, new[] { ("long", Report(20_000)), ("huge", Report(200_000)), ("short", "今天走访了云启科技") }
            .Select(m => JsonSerializer.Serialize(new { id = m.Item1, user = "u_zhang", now = "2026-12-03T18:00:00+08:00", text = m.Item2 })));

        var (code, stdout, _) = await RunAsync("understand", "--batch", batch);

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["long", "huge", "short"], lines.Select(l => (string)l["id"]!));
        Assert.All(lines.Take(2), l => Assert.Equal(TooLong, (string)l["error"]!));
        Assert.Equal("visit", (string)lines[2]["actions"]![0]!["kind"]!);
    }

    [Fact]
    public async Task Understand_of_one_message_over_the_limit_fails_in_Chinese_and_English()
    {
        await ImportAsync();

        var (code, stdout, stderr) = await RunAsync("understand", "--user", "u_zhang", "--now", "2026-12-03T18:00:00+08:00", Report(20_000));

        Assert.NotEqual(0, code);
        Assert.Empty(stdout);
        Assert.Contains(TooLong, stderr, StringComparison.Ordinal);
        Assert.Contains("longer than 2000 characters", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_batch_answers_too_long_for_questions_over_the_limit_without_searching()
    {
        await ImportAsync();
        var batch = Path.Combine(folder, "questions.jsonl");
        var question = string.Concat(Enumerable.Repeat("顺达快递有2名党员，职工95人，适合采用什么方式组建党组织？", 7000));
        await File.WriteAllLinesAsync(batch, [JsonSerializer.Serialize(new { id = "huge", user = "u_zhang", question })]);

        var (code, stdout, _) = await RunAsync("ask", "--batch", batch);

        Assert.Equal(0, code);
        var line = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal("huge", (string)line["id"]!);
        Assert.False((bool)line["answered"]!);
        Assert.Equal(TooLong, (string)line["answer"]!);
    }

    private async Task ImportAsync()
    {
        using var store = InstructorStore.Open(Database);
        await store.ImportLedgerAsync(FixtureLedger.DataFile("ledger.csv"));
        await store.ImportUsersAsync(FixtureLedger.DataFile("users.csv"));
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([args[0], "--db", Database, .. args[1..]], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
