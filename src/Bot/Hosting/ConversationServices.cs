namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the Conversation feature with the host.</summary>
public static class ConversationServices
{
    public static IServiceCollection AddBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
