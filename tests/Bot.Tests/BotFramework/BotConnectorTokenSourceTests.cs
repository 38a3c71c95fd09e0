using System.Collections.Concurrent;
using InstructorBot.Bot.Channels.BotFramework;
using InstructorBot.Bot.Tests.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Tests.BotFramework;

/// <summary>The Bot Connector's client-credentials tokens, from a loopback token endpoint standing in for login.microsoftonline.com.</summary>
public sealed class BotConnectorTokenSourceTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> requests = new();
    private readonly ManualClock clock = new(DateTimeOffset.UnixEpoch.AddDays(20_000));
    private LoopbackServer login = null!;
    private ServiceProvider services = null!;

    /// <summary>How the next token request is answered: 200 with a token, or this status.</summary>
    private volatile int status = StatusCodes.Status200OK;

    public async Task InitializeAsync()
    {
        login = await LoopbackServer.StartAsync((app, _) => app.MapPost("/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            requests.Enqueue($"{form["grant_type"]}|{form["client_id"]}|{form["client_secret"]}|{form["scope"]}");
            return status == StatusCodes.Status200OK
                ? Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "outgoing-token-" + requests.Count })
                : Results.StatusCode(status);
        }));
        services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await login.DisposeAsync();
    }

    private BotConnectorTokenSource Source() => new(
        services.GetRequiredService<IHttpClientFactory>(),
        Options.Create(new BotFrameworkOptions
        {
            AppId = "app-id",
            AppPassword = "app-secret",
            TokenEndpoint = new Uri(login.Address, "/token").ToString(),
        }),
        clock);

    [Fact]
    public async Task A_token_is_fetched_with_the_client_credentials_and_reused_until_five_minutes_before_it_expires()
    {
        var source = Source();

        Assert.Equal("outgoing-token-1", await source.GetTokenAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(3600 - 301));
        Assert.Equal("outgoing-token-1", await source.GetTokenAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("outgoing-token-2", await source.GetTokenAsync(CancellationToken.None));

        Assert.Equal(2, requests.Count);
        Assert.All(requests, form => Assert.Equal("client_credentials|app-id|app-secret|https://api.botframework.com/.default", form));
    }

    [Fact]
    public async Task A_refused_token_request_throws_and_the_next_call_asks_again()
    {
        var source = Source();
        status = StatusCodes.Status401Unauthorized;

        await Assert.ThrowsAsync<HttpRequestException>(() => source.GetTokenAsync(CancellationToken.None));

        status = StatusCodes.Status200OK;
        Assert.Equal("outgoing-token-2", await source.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, requests.Count);
    }
}
