using InstructorBot.Bot.Channels.ChannelDelivery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>Registers and maps the 钉钉 robot channel at <c>/channels/dingtalk</c>.</summary>
public static class DingTalkChannel
{
    public const string Path = "/channels/dingtalk";

    public static IServiceCollection AddDingTalk(this IServiceCollection services)
    {
        services.AddOptions<DingTalkOptions>().BindConfiguration(DingTalkOptions.Section);
        services.AddChannelDelivery();

        // No redirects: a webhook on the allow-list must not bounce the reply to another host.
        services.AddHttpClient(DingTalkReplySender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<IDingTalkReplySender, DingTalkReplySender>();
        services.AddHttpClient(DingTalkRobotSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<IDingTalkRobotSender, DingTalkRobotSender>();
        services.TryAddSingleton<DingTalkSeenSigns>();
        services.TryAddSingleton<DingTalkEndpoint>();
        return services;
    }

    public static IEndpointRouteBuilder MapDingTalk(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, (HttpRequest request, DingTalkEndpoint endpoint, CancellationToken ct) => endpoint.ReceiveAsync(request, ct))
            .ExcludeFromDescription();
        return endpoints;
    }
}
