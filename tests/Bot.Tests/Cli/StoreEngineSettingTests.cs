using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Hosting;
using InstructorBot.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Cli;

/// <summary>
/// Issue 16, first phase: the store runs on PostgreSQL, the host's own collections do not yet, so a host configured for
/// PostgreSQL refuses to start naming what is not carried; <c>migrate</c> fails in Chinese on bad input (its copy and checks
/// are tested against a real PostgreSQL cluster in Store.Tests).
/// </summary>
public sealed class StoreEngineSettingTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void A_host_set_to_postgres_needs_a_connection_string_and_an_unknown_engine_is_refused()
    {
        // Since phase 2 the host runs on PostgreSQL (Postgres/PostgresHostTests); only a missing connection string is refused.
        new ServiceCollection().AddBotStore(Settings(("Store:Engine", "postgres"), ("Store:ConnectionString", "Host=127.0.0.1;Database=bot")));
        var refused = Assert.Throws<StoreException>(() => new ServiceCollection().AddBotStore(Settings(("Store:Engine", "postgres"))));
        Assert.Contains("Store:ConnectionString", refused.Message, StringComparison.Ordinal);

        Assert.Contains("未知的存储引擎", Assert.Throws<StoreException>(() => new ServiceCollection().AddBotStore(Settings(("Store:Engine", "sqlite")))).Message,
            StringComparison.Ordinal);
        new ServiceCollection().AddBotStore(Settings(("Store:Engine", "litedb")));
    }

    [Fact]
    public async Task Migrate_without_a_target_or_from_a_missing_file_fails_in_chinese()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, await CliApp.RunAsync(["migrate", "--from", "none.db"], stdout, stderr));
        Assert.Contains("缺少参数 --to", stderr.ToString(), StringComparison.Ordinal);

        using var stderr2 = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), "instructorbot-none-" + Guid.NewGuid().ToString("N") + ".db");
        Assert.Equal(1, await CliApp.RunAsync(["migrate", "--from", missing, "--to", "Host=127.0.0.1;Database=bot"], stdout, stderr2));
        Assert.Contains("迁移失败：找不到数据库文件", stderr2.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}
