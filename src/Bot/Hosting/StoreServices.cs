namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the Store feature with the host.</summary>
public static class StoreServices
{
    public static IServiceCollection AddBotStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
