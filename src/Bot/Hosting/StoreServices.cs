using InstructorBot.Bot.Cli;
using InstructorBot.Store;
using InstructorBot.Store.Export;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the Store feature with the host: one <see cref="InstructorStore"/> per process.</summary>
public static class StoreServices
{
    /// <summary>
    /// The store on the engine <c>Store:Engine</c> names: <c>litedb</c> (the default), the file <c>Store:Path</c>, else
    /// <c>data/instructorbot.db</c> beside the app; or <c>postgres</c>, the database <c>Store:ConnectionString</c> names,
    /// with everything the host keeps (records, dialogue state, handled turns, notices, deliveries, sessions) in it, so
    /// several hosts can share it (docs/store.md §Engines).
    /// </summary>
    /// <exception cref="StoreException"><c>Store:Engine</c> is unknown, or <c>postgres</c> without a connection string.</exception>
    public static IServiceCollection AddBotStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var engine = StoreOptions.ParseEngine(configuration["Store:Engine"]);
        var options = new StoreOptions
        {
            Engine = engine,
            Path = LocalDatabasePath(configuration),
            ConnectionString = configuration["Store:ConnectionString"],

            // A host started while the previous one is still letting go of the file waits for it rather than failing.
            LockWait = TimeSpan.FromSeconds(10),
        };
        if (engine == StoreEngineKind.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new StoreException("Store:Engine=postgres 需要配置 Store:ConnectionString（Store:ConnectionString is required for the postgres engine）");
        }

        services.AddSingleton(_ =>
        {
            var store = InstructorStore.Open(options);

            // `backup`, `report` and `export` from the command line ask the running bot for a consistent copy (LiteDB;
            // on PostgreSQL nothing is needed, the server serves them).
            store.ServeBackupRequests();
            return store;
        });
        services.AddSingleton<CoverageCalculator>();
        services.AddSingleton<LedgerExporter>();
        return services;
    }

    /// <summary>
    /// The local file the host's own files sit beside (sign-in keys, the knowledge index, the admin token, audit logs):
    /// <c>Store:Path</c>, else <c>data/instructorbot.db</c> beside the app. On LiteDB it is the database itself; on
    /// PostgreSQL only the anchor of this host's data folder.
    /// </summary>
    public static string LocalDatabasePath(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Store:Path"] is { Length: > 0 } configured ? configured : BotPaths.DefaultDatabase;
    }
}
