using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InstructorBot.Bot.Tests.BotFramework;

/// <summary>
/// A small Kestrel server on 127.0.0.1 and a free port standing in for a cloud service (the Bot Connector, its OpenID
/// metadata, the vendors' APIs for unprompted messages, the deployer's model): the routes are the caller's.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackServer(WebApplication app) => this.app = app;

    /// <summary>Every request body received, by path.</summary>
    public ConcurrentQueue<(string Path, string? Authorization, string Body)> Received { get; } = new();

    public Uri Address { get; private set; } = null!;

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication, LoopbackServer> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        map(app, server);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address);
        return server;
    }

    /// <summary>A connector that records each activity posted to it and answers 200.</summary>
    public static Task<LoopbackServer> ConnectorAsync() => StartAsync((app, server) =>
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            server.Received.Enqueue((http.Request.Path, http.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
        }));

    public async Task<IReadOnlyList<(string Path, string? Authorization, string Body)>> WaitForAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Received.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return [.. Received];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
