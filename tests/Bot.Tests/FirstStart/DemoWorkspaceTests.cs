using System.Net.Http.Json;
using System.Text.Json;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Demo;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.FirstStart;

/// <summary>The demo workspace on real LiteDB files and the real host: when it is made, how it shows, how it goes.</summary>
public sealed class DemoWorkspaceTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("instructorbot-demo-").FullName;

    private string Database => Path.Combine(folder, "bot.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    [Theory]
    [InlineData(true, null, "/home/me/instructorbot/data/instructorbot.db", null)]
    [InlineData(true, "Development", "/tmp/x/bot.db", null)]
    [InlineData(false, null, "/tmp/x/bot.db", "Demo:Enabled is false")]
    [InlineData(true, "Production", "/tmp/x/bot.db", "ASPNETCORE_ENVIRONMENT is Production")]
    [InlineData(true, "production", "/tmp/x/bot.db", "ASPNETCORE_ENVIRONMENT is Production")]
    [InlineData(true, null, "/var/lib/instructorbot/instructorbot.db", "the database is under /var/lib")]
    [InlineData(true, null, "/srv/bot/bot.db", "the database is under /srv")]
    public void The_demo_is_never_made_on_a_production_database(bool enabled, string? environment, string path, string? refusal)
    {
        var options = new DemoOptions { Enabled = enabled };

        Assert.Equal(refusal, DemoPolicy.Refusal(options, path, name => name == "ASPNETCORE_ENVIRONMENT" ? environment : null));
    }

    [Fact]
    public async Task Demo_remove_empties_a_demo_database_once_and_it_is_not_made_again()
    {
        using (var store = InstructorStore.Open(Database))
        {
            var demo = new DemoWorkspace(store);
            Assert.True(demo.DatabaseIsEmpty);
            Assert.Contains("32 家单位", await demo.CreateAsync(CancellationToken.None), StringComparison.Ordinal);
            Assert.True(demo.IsActive);
            Assert.False(demo.DatabaseIsEmpty);
            Assert.Equal(8, store.Users().Count);
        }

        var output = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["demo", "remove", "--db", Database], output, new StringWriter()));
        Assert.Contains("演示数据已删除：32 家单位、8 名用户", output.ToString(), StringComparison.Ordinal);

        using (var store = InstructorStore.Open(Database))
        {
            var demo = new DemoWorkspace(store);
            Assert.Empty(store.Organizations());
            Assert.Empty(store.Users());
            Assert.Equal(DemoState.Removed, demo.State);
            Assert.False(demo.DatabaseIsEmpty); // a removed demo is not offered again at the next start
        }

        var error = new StringWriter();
        Assert.Equal(2, await CliApp.RunAsync(["demo", "remove", "--db", Database], new StringWriter(), error));
        Assert.Contains("数据库中没有演示数据", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_remove_refuses_and_deletes_nothing_when_real_data_was_added_beside_the_demo()
    {
        var extra = Path.Combine(folder, "more.csv");
        await File.WriteAllTextAsync(extra, "用户ID,姓名,角色,辖区\nu_real,真实用户,指导员,龙岗区/坂田街道\n");
        using var store = InstructorStore.Open(Database);
        var demo = new DemoWorkspace(store);
        await demo.CreateAsync(CancellationToken.None);
        await store.ImportUsersAsync(extra);

        var refused = await Assert.ThrowsAsync<CliException>(() => demo.RemoveAsync(CancellationToken.None));

        Assert.Contains("0 家单位、1 名用户", refused.Chinese, StringComparison.Ordinal);
        Assert.Equal(9, store.Users().Count);
        Assert.Equal(32, store.Organizations().Count);
        Assert.True(demo.IsActive);
    }

    [Fact]
    public async Task A_first_start_on_an_empty_database_makes_the_demo_marks_the_web_chat_and_demo_remove_goes_through_the_running_host()
    {
        using var host = new BotHost(new Dictionary<string, string?> { ["Demo:Enabled"] = "true" }, folder: folder, kestrel: true, import: false);
        _ = host.Address; // listening: the start-up offer runs
        await WaitUntilAsync(() => host.Services.GetRequiredService<DemoWorkspace>().IsActive);
        Assert.Equal(32, host.Store.Organizations().Count);

        using var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
        (await client.PostAsJsonAsync("/api/webchat/signin", new { code = await host.IssueCodeAsync("u_zhang") })).EnsureSuccessStatusCode();
        using (var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/webchat/me", UriKind.Relative))))
        {
            Assert.True(me.RootElement.GetProperty("demo").GetBoolean());
        }

        using (var reply = await client.PostAsJsonAsync("/api/webchat/messages", new { text = "帮助", clientMessageId = "demo-1" }))
        using (var body = JsonDocument.Parse(await reply.Content.ReadAsStringAsync()))
        {
            Assert.True(body.RootElement.GetProperty("demo").GetBoolean());
        }

        var output = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["demo", "remove", "--db", host.DatabasePath], output, new StringWriter()));
        Assert.Contains("演示数据已删除", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Store.Organizations());
        Assert.Empty(host.Store.Users());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/webchat/me", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task No_demo_on_a_database_that_holds_data_or_when_it_is_switched_off(bool holdsData)
    {
        if (holdsData)
        {
            using var store = InstructorStore.Open(Database);
            await store.ImportLedgerAsync(BotHost.DataFile("ledger.csv"));
        }

        using var host = new BotHost(new Dictionary<string, string?> { ["Demo:Enabled"] = holdsData ? "true" : "false" }, folder: folder, kestrel: true, import: false);
        _ = host.Address;
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(DemoState.None, host.Services.GetRequiredService<DemoWorkspace>().State);
        Assert.Empty(host.Store.Users());
        Assert.Equal(holdsData ? 32 : 0, host.Store.Organizations().Count);
    }

    [Fact]
    public async Task The_terminal_chat_shows_a_banner_marks_demo_replies_ends_on_退出_and_prints_where_an_export_was_saved()
    {
        using (var store = InstructorStore.Open(Database))
        {
            await new DemoWorkspace(store).CreateAsync(CancellationToken.None);
        }

        var output = new StringWriter();
        var verb = new ChatVerb(new StringReader("导出坂田街道台账\n退出\n帮助\n"));
        var exit = await verb.RunAsync(new CliContext(CliArgs.Parse(["chat", "--user", "u_zhang", "--db", Database]), output, new StringWriter()), CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("张伟（u_zhang）", lines[0], StringComparison.Ordinal);
        Assert.Contains("演示数据", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Ctrl-D", StringComparison.Ordinal));
        Assert.Contains("【演示数据】", lines);
        var saved = Assert.Single(lines, l => l.StartsWith("文件已保存：", StringComparison.Ordinal))["文件已保存：".Length..];
        try
        {
            Assert.True(Path.IsPathFullyQualified(saved));
            Assert.EndsWith(".xlsx", saved, StringComparison.Ordinal);
            Assert.True(new FileInfo(saved).Length > 1000);
        }
        finally
        {
            File.Delete(saved);
        }

        Assert.Equal("再见。", lines.Last(l => l.Length > 0));
        Assert.DoesNotContain(lines, l => l.Contains("可以这样说", StringComparison.Ordinal)); // 帮助 came after 退出
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 100)
        {
            Assert.True(waited < 30_000, "timed out");
            await Task.Delay(100);
        }
    }
}
