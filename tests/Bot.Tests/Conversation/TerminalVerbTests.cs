using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>The <c>chat</c> and <c>users</c> verbs on a real LiteDB file.</summary>
public sealed class TerminalVerbTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "instructorbot-tests", Guid.NewGuid().ToString("N"));

    public TerminalVerbTests()
    {
        Directory.CreateDirectory(folder);
        using var store = InstructorStore.Open(Database);
        store.ImportLedgerAsync(BotHost.DataFile("ledger.csv")).GetAwaiter().GetResult();
        store.ImportUsersAsync(BotHost.DataFile("users.csv")).GetAwaiter().GetResult();
    }

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

    [Fact]
    public async Task Chat_reads_one_message_a_line_until_EOF_and_records_and_undoes()
    {
        var output = new StringWriter();
        var verb = new ChatVerb(new StringReader("今天走访了云启科技\n\n撤销\n今天走访了华鼎\n1\n"));

        var exit = await verb.RunAsync(Context(output, "chat", "--user", "u_zhang"), CancellationToken.None);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("已记录", text, StringComparison.Ordinal);
        Assert.True(text.Contains("已撤销", StringComparison.Ordinal), text);
        Assert.Contains("1. ", text, StringComparison.Ordinal);
        using var store = InstructorStore.Open(Database);
        var visit = Assert.Single(store.RecordsBy("u_zhang").OfType<Visit>());
        Assert.NotEqual(store.FindOrganizationByName("深圳市云启科技有限公司")!.Id, visit.OrganizationId);
    }

    [Fact]
    public async Task Chat_for_an_unknown_user_fails_with_a_clear_message()
    {
        var failure = await Assert.ThrowsAsync<CliException>(() =>
            new ChatVerb(new StringReader("帮助\n")).RunAsync(Context(new StringWriter(), "chat", "--user", "nobody"), CancellationToken.None));

        Assert.Contains("nobody", failure.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_code_prints_an_eight_symbol_code_without_look_alikes_that_redeems_once_for_that_user()
    {
        var output = new StringWriter();

        await new UsersVerb().RunAsync(Context(output, "users", "code", "--user", "u_li", "--minutes", "5"), CancellationToken.None);

        var code = output.ToString().Trim();
        Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$", code);
        using var store = InstructorStore.Open(Database);
        var codes = new OneTimeCodes(store, TimeProvider.System);
        Assert.Equal("u_li", (await codes.RedeemAsync(code, "terminal:test", CancellationToken.None)).UserId);
        Assert.Null((await codes.RedeemAsync(code, "terminal:test", CancellationToken.None)).UserId);
    }

    [Fact]
    public async Task Users_bind_binds_a_channel_identity_and_refuses_an_unknown_channel()
    {
        await new UsersVerb().RunAsync(Context(new StringWriter(), "users", "bind", "--user", "u_liu", "--channel", "dingtalk", "--id", "staff-9"), CancellationToken.None);
        await Assert.ThrowsAsync<CliException>(() =>
            new UsersVerb().RunAsync(Context(new StringWriter(), "users", "bind", "--user", "u_liu", "--channel", "fax", "--id", "1"), CancellationToken.None));
        await Assert.ThrowsAsync<CliException>(() =>
            new UsersVerb().RunAsync(Context(new StringWriter(), "users", "code", "--user", "u_liu", "--minutes", "0"), CancellationToken.None));

        using var store = InstructorStore.Open(Database);
        Assert.Equal("u_liu", store.FindUserByChannel("dingtalk", "staff-9")?.Id);
    }

    private CliContext Context(StringWriter output, params string[] args) =>
        new(CliArgs.Parse([.. args, "--db", Database]), output, new StringWriter());
}
