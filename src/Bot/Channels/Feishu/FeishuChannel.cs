using InstructorBot.Bot.Channels.ChannelDelivery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InstructorBot.Bot.Channels.Feishu;

/// <summary>Registers and maps the 飞书 channel at <c>/channels/feishu</c>.</summary>
public static class FeishuChannel
{
    public const string Path = "/channels/feishu";

    public static IServiceCollection AddFeishu(this IServiceCollection services)
    {
        services.AddOptions<FeishuOptions>().BindConfiguration(FeishuOptions.Section);
        services.AddChannelDelivery();
        services.AddHttpClient(FeishuReplySender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<IFeishuReplySender, FeishuReplySender>();
        services.TryAddSingleton<FeishuEndpoint>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeishu(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, (HttpRequest request, FeishuEndpoint endpoint, CancellationToken ct) => endpoint.ReceiveAsync(request, ct))
            .ExcludeFromDescription();
        return endpoints;
    }
}
