namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the Knowledge feature with the host.</summary>
public static class KnowledgeServices
{
    public static IServiceCollection AddBotKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
