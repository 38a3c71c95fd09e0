using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>Registers the Bot Framework channel: options, token checks, the connector client and the reply worker.</summary>
public static class BotFrameworkServices
{
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>().Bind(configuration.GetSection(BotFrameworkOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        services.AddHttpClient();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<BotConnectorTokenSource>();
        // A connector that hangs must not hold up the replies queued behind it.
        services.AddHttpClient<IBotConnectorClient, BotConnectorClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<BotFrameworkOutbox>();
        services.TryAddSingleton<BotFrameworkConversations>();
        services.AddHostedService<BotFrameworkReplyWorker>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
