using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Demo;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store;
using InstructorBot.Store.Tests;

namespace InstructorBot.Bot.Tests.Postgres;

/// <summary>
/// <c>users code</c> and <c>demo remove</c> (CLI.md) with no host running, on either engine: a LiteDB file, or a throwaway
/// PostgreSQL database of <see cref="PostgresCluster"/> named through <c>--Store:*=</c> as the environment would.
/// </summary>
public sealed class PostgresAdminVerbTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("instructorbot-pgadmin-").FullName;
    private string? connection;

    public static TheoryData<string> Engines => ["litedb", "postgres"];

    public void Dispose()
    {
        if (connection is not null)
        {
            PostgresCluster.Instance.DropDatabase(connection);
        }

        Directory.Delete(folder, recursive: true);
    }

    private string Database => Path.Combine(folder, "bot.db");

    /// <summary>The arguments naming the engine's database (the file for LiteDB; on PostgreSQL --db only places the admin file, none here).</summary>
    private string[] On(string engine)
    {
        if (engine == "litedb")
        {
            return ["--db", Database];
        }

        connection ??= PostgresCluster.Instance.CreateDatabase();
        return ["--db", Database, "--Store:Engine=postgres", $"--Store:ConnectionString={connection}"];
    }

    private InstructorStore Open(string engine) => engine == "litedb"
        ? InstructorStore.Open(Database)
        : InstructorStore.Open(new StoreOptions { Engine = StoreEngineKind.Postgres, ConnectionString = connection! });

    private async Task<(int Code, string Out, string Error)> RunAsync(string engine, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, .. On(engine)], stdout, stderr);
        return (code, stdout.ToString().Trim(), stderr.ToString().Trim());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Users_code_issues_a_code_that_signs_the_user_in_once(string engine)
    {
        Assert.Equal(0, (await RunAsync(engine, "import", "--users", BotHost.DataFile("users.csv"))).Code);

        var issued = await RunAsync(engine, "users", "code", "--user", "u_zhang", "--minutes", "5");
        var unknown = await RunAsync(engine, "users", "code", "--user", "u_nobody");

        Assert.Equal(0, issued.Code);
        Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$", issued.Out);
        Assert.Equal(2, unknown.Code);
        Assert.Contains("未找到用户 u_nobody", unknown.Error, StringComparison.Ordinal);
        using var store = Open(engine);
        var codes = new OneTimeCodes(store, TimeProvider.System);
        Assert.Equal("u_zhang", (await codes.RedeemAsync(issued.Out, "test", CancellationToken.None)).UserId);
        Assert.Null((await codes.RedeemAsync(issued.Out, "test", CancellationToken.None)).UserId);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Demo_remove_empties_a_demo_database_once(string engine)
    {
        _ = On(engine);
        using (var store = Open(engine))
        {
            Assert.Contains("32 家单位", await new DemoWorkspace(store).CreateAsync(CancellationToken.None), StringComparison.Ordinal);
        }

        var removed = await RunAsync(engine, "demo", "remove");
        var again = await RunAsync(engine, "demo", "remove");

        Assert.True(removed.Code == 0, removed.Error);
        Assert.StartsWith("演示数据已删除：32 家单位、8 名用户", removed.Out, StringComparison.Ordinal);
        Assert.Equal(2, again.Code);
        Assert.Contains("数据库中没有演示数据", again.Error, StringComparison.Ordinal);
        using (var store = Open(engine))
        {
            Assert.Empty(store.Organizations());
            Assert.Empty(store.Users());
            Assert.Equal(DemoState.Removed, new DemoWorkspace(store).State);
        }
    }
}
