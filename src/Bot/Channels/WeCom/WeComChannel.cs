using InstructorBot.Bot.Channels.ChannelDelivery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.WeCom;

/// <summary>Registers and maps the 企业微信 channel at <c>/channels/wecom</c>.</summary>
public static class WeComChannel
{
    public const string Path = "/channels/wecom";

    public static IServiceCollection AddWeCom(this IServiceCollection services)
    {
        services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeComOptions>, WeComOptionsValidator>());
        services.AddChannelDelivery();
        services.AddHttpClient(WeComMessageSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<IWeComMessageSender, WeComMessageSender>();
        services.TryAddSingleton<WeComEndpoint>();
        return services;
    }

    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path).ExcludeFromDescription();
        group.MapGet("", (HttpRequest request, WeComEndpoint endpoint) => endpoint.Verify(request));
        group.MapPost("", (HttpRequest request, WeComEndpoint endpoint, CancellationToken ct) => endpoint.ReceiveAsync(request, ct));
        return endpoints;
    }
}
