namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the Understanding feature with the host.</summary>
public static class UnderstandingServices
{
    public static IServiceCollection AddBotUnderstanding(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
