using System.Text.Json.Nodes;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Tests.Understanding;
using InstructorBot.Store;

namespace InstructorBot.Bot.Tests.Cli;

/// <summary><c>understand</c> marks the recording actions the bot would show and ask about before writing (CLI.md additions, <c>"confirm": true</c>), against a real LiteDB ledger.</summary>
public sealed class UnderstandConfirmTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("understand-confirm-").FullName;

    private string Database => Path.Combine(folder, "bot.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("华鼎精密现有党员1名", true)]           // 12 → 1: goes down
    [InlineData("华鼎精密现为僵尸企业", true)]           // status 僵尸
    [InlineData("华鼎精密今天单独组建了党支部", true)]    // already has a 党支部
    [InlineData("今天走访了云起科技", true)]             // the ledger lacks 云起科技
    [InlineData("优品超市现有党员3名", true)]            // 1 → 3: more than half
    [InlineData("星辰半导体现有党员65名", false)]         // 63 → 65
    [InlineData("青禾文化员工四十五个 党员一个木有", true)]  // round 11: a figure the negation after it denies; round 22 reads it as none: 1 → 0 goes down
    [InlineData("星辰半导体现有职工200人", true)]        // round 11: 520 → 200, under half
    [InlineData("今天走访了云启科技", false)]
    [InlineData("昨天去青禾文化，发现2名党员", false)]
    public async Task A_surprising_recording_action_carries_confirm_true_and_an_ordinary_one_does_not(string text, bool confirm)
    {
        using (var store = InstructorStore.Open(Database))
        {
            await store.ImportLedgerAsync(FixtureLedger.DataFile("ledger.csv"));
            await store.ImportUsersAsync(FixtureLedger.DataFile("users.csv"));
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["understand", "--db", Database, "--user", "u_zhang", "--now", "2026-11-18T15:30:00+08:00", text], stdout, stderr);

        Assert.Equal(0, code);
        var actions = JsonNode.Parse(stdout.ToString())!["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.NotEmpty(actions);
        Assert.Equal(confirm, actions.Any(a => a["confirm"] is { } flag && (bool)flag!));
        Assert.All(actions.Where(a => a["confirm"] is not null), a => Assert.True((bool)a["confirm"]!));
    }
}
