using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Plugins;
using InstructorBot.Knowledge;

namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the Knowledge feature with the host: the index beside the database, the corpus, the plugin.</summary>
public static class KnowledgeServices
{
    public static IServiceCollection AddBotKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = configuration["Store:Path"] is { Length: > 0 } path ? path : BotPaths.DefaultDatabase;
        var corpus = configuration["Knowledge:Corpus"] is { Length: > 0 } configured ? configured : BotPaths.ShippedCorpus;
        services.AddSingleton(_ => new KnowledgeBase(BotPaths.IndexFolderFor(database), corpus));
        services.AddSingleton<KnowledgePlugin>();
        services.AddHostedService<KnowledgeWarmup>();
        services.AddWarmupPart(HostReadiness.Knowledge);

        // Added documents; on PostgreSQL shared through the database and followed by every host's index.
        services.AddSingleton<AddedKnowledge>();
        services.AddHostedService<KnowledgeDocumentSync>();
        return services;
    }
}
