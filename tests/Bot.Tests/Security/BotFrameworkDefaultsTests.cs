using System.Net;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Security;

/// <summary>
/// Issue 10, finding 3: /api/messages is secure by default. Without an app id it is off (404) unless local mode is
/// allowed, and then only for requests from this machine; a placeholder app id stops the host at start.
/// </summary>
public sealed class BotFrameworkDefaultsTests
{
    private static readonly Dictionary<string, string?> NoLocalMode = new() { ["BotFramework:AllowUnauthenticatedLocal"] = "false" };

    [Fact]
    public async Task Without_an_app_id_the_endpoint_is_off_and_a_stranger_cannot_act_as_a_bound_user()
    {
        using var host = new BotHost(NoLocalMode);
        await host.Services.GetRequiredService<InstructorBot.Bot.Conversation.ChannelBindings>()
            .BindAsync("u_admin", "botframework", "bf-admin", CancellationToken.None);

        var response = await new BotFrameworkClient(host.CreateClient()).PostAsync(BotFrameworkClient.Message("bf-admin", "今天走访了云启科技"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, host.ProcessedTurns);
        Assert.Equal(0, host.RecordCount);
    }

    [Fact]
    public async Task Local_mode_refuses_a_request_from_another_machine()
    {
        using var host = new BotHost(listenOnAnyAddress: true);
        var outside = NonLoopbackAddress();
        using var http = new HttpClient { BaseAddress = new Uri($"http://{outside}:{host.Address.Port}/") };

        var response = await new BotFrameworkClient(http).PostAsync(BotFrameworkClient.Message("bf-zhang", "帮助"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, host.ProcessedTurns);
    }

    [Fact]
    public async Task Local_mode_refuses_a_request_a_proxy_on_loopback_forwards_from_elsewhere()
    {
        using var host = new BotHost(kestrel: true);
        using var http = new HttpClient { BaseAddress = host.Address };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        var response = await new BotFrameworkClient(http).PostAsync(BotFrameworkClient.Message("bf-zhang", "帮助"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Local_mode_serves_the_emulator_on_loopback_over_real_HTTP()
    {
        using var host = new BotHost(kestrel: true);
        using var http = new HttpClient { BaseAddress = host.Address };

        var replies = await new BotFrameworkClient(http).SayAsync("bf-stranger", "你好");

        Assert.Contains("绑定", Assert.Single(replies), StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_app_id_stops_the_host_at_start_with_a_clear_message()
    {
        using var host = new BotHost(new Dictionary<string, string?> { ["BotFramework:AppId"] = "REPLACE-WITH-MICROSOFT-APP-ID" }, import: false);

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("BotFramework:AppId must be the bot's Microsoft App ID", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_production_example_sets_an_app_id_placeholder_that_must_be_replaced()
    {
        var production = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "appsettings.Production.json"))).RootElement;
        var appId = production.GetProperty("BotFramework").GetProperty("AppId").GetString();

        Assert.False(string.IsNullOrWhiteSpace(appId));
        Assert.False(Guid.TryParse(appId, out _));
        Assert.False(production.GetProperty("BotFramework").TryGetProperty("AllowUnauthenticatedLocal", out _));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "InstructorBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static IPAddress NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .First(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
