using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>Registers what the vendor channels share: the dedupe map, the delivery log, the background queue and the turn runner.</summary>
public static class ChannelDeliveryServices
{
    public static IServiceCollection AddChannelDelivery(this IServiceCollection services)
    {
        services.AddOptions<ChannelDeliveryOptions>().BindConfiguration(ChannelDeliveryOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChannelReplyFormatter>();
        services.TryAddSingleton<ChannelMessageDeduplicator>();
        services.TryAddSingleton<ChannelWorkQueue>();
        services.TryAddSingleton<ChannelTurnRunner>();
        services.TryAddSingleton<ChannelDeliveryLog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChannelWorkQueueService>());
        return services;
    }
}
