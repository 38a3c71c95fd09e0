using InstructorBot.Bot.Cli;
using InstructorBot.Store;
using InstructorBot.Store.Export;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the Store feature with the host: one <see cref="InstructorStore"/> per process.</summary>
public static class StoreServices
{
    /// <summary>
    /// What the host keeps only in LiteDB in this phase (docs/store.md §PostgreSQL): with <c>Store:Engine=postgres</c> the
    /// host refuses to start rather than run half on each engine.
    /// </summary>
    public const string NotCarriedOnPostgres =
        "Store:Engine=postgres：机器人服务暂不能在 PostgreSQL 上运行。台账、用户、记录与审计已可存入 PostgreSQL（migrate、report、export），" +
        "但对话状态、已处理消息（去重）、提醒通知、渠道投递、网页会话与导出文件仍只保存在 LiteDB。请继续使用 Store:Engine=litedb（见 docs/store.md）";

    /// <summary>
    /// The database file from configuration <c>Store:Path</c>, else <c>data/instructorbot.db</c> beside the app.
    /// <c>Store:Engine</c> must be <c>litedb</c> (the default) for the host in this phase.
    /// </summary>
    /// <exception cref="StoreException"><c>Store:Engine</c> is unknown, or <c>postgres</c> (not carried by the host yet).</exception>
    public static IServiceCollection AddBotStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (StoreOptions.ParseEngine(configuration["Store:Engine"]) == StoreEngineKind.Postgres)
        {
            throw new StoreException(NotCarriedOnPostgres);
        }

        var path = configuration["Store:Path"] is { Length: > 0 } configured ? configured : BotPaths.DefaultDatabase;
        services.AddSingleton(_ =>
        {
            // A host started while the previous one is still letting go of the file waits for it rather than failing.
            var store = InstructorStore.Open(path, lockWait: TimeSpan.FromSeconds(10));

            // `backup`, `report` and `export` from the command line ask the running bot for a consistent copy.
            store.ServeBackupRequests();
            return store;
        });
        services.AddSingleton<CoverageCalculator>();
        services.AddSingleton<LedgerExporter>();
        return services;
    }
}
