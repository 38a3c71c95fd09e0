using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace InstructorBot.Bot.Security;

/// <summary>
/// Forwarded headers honoured only from the proxies in <see cref="ProxyOptions"/>: then rate limits key on the real
/// client, and <c>Request.IsHttps</c> (so the session cookie's <c>Secure</c>) follows the proxy's TLS.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddBotForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = new ProxyOptions();
        configuration.GetSection(ProxyOptions.Section).Bind(proxies);
        services.AddSingleton(proxies);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The framework trusts loopback by default; here only what the configuration names.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{proxy}\" is not an IP address."));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: \"{network}\" is not a CIDR network."));
            }
        });
        return services;
    }

    public static WebApplication UseBotForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<ProxyOptions>().IsConfigured)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
