using InstructorBot.Bot.Cli;
using InstructorBot.Store;
using InstructorBot.Store.Export;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the Store feature with the host: one <see cref="InstructorStore"/> per process.</summary>
public static class StoreServices
{
    /// <summary>The database file from configuration <c>Store:Path</c>, else <c>data/instructorbot.db</c> beside the app.</summary>
    public static IServiceCollection AddBotStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
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
