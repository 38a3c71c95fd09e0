using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Tests.Conversation;

namespace InstructorBot.Bot.Tests.Hardening;

/// <summary>
/// Issue 10, finding 1: a turn can fail, the host cannot. Bot Framework activities in normal delivery (202, replies posted
/// to a loopback connector) and web chat messages whose turn throws or runs away get the apology, and the host serves the
/// next message. Before the isolation wall, the first 202 activity whose turn threw stopped the host (exit status 0).
/// </summary>
public sealed class TurnIsolationTests
{
    private const string Report = "今天走访了云启科技";

    [Fact]
    public async Task A_Bot_Framework_turn_that_throws_in_normal_delivery_gets_the_apology_and_the_host_serves_the_next_message()
    {
        await using var connector = await LoopbackServer.ConnectorAsync();
        using var host = new BotHost(kestrel: true, services: services => ThrowingTurnPipelineDouble.Register(services));
        host.Bind("botframework", "bf-zhang", "u_zhang");
        using var http = host.Http();

        var failing = await PostAsync(http, Activity("bf-zhang", ThrowingTurnPipelineDouble.Throw, connector.Address));
        var posted = await connector.WaitForAsync(1, TimeSpan.FromSeconds(20));
        var next = await PostAsync(http, Activity("bf-zhang", Report, connector.Address));
        posted = await connector.WaitForAsync(2, TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.Accepted, failing);
        Assert.Equal(HttpStatusCode.Accepted, next);
        Assert.Equal(2, posted.Count);
        Assert.Equal(IsolatedTurnPipeline.FailureText, Text(posted[0].Body));
        Assert.Contains("已记录", Text(posted[1].Body), StringComparison.Ordinal);
        Assert.True(await host.IsHealthyAsync());
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T00:00:00+14:00")]
    public async Task A_Bot_Framework_activity_with_an_edge_timestamp_in_normal_delivery_is_answered_and_the_host_keeps_serving(string timestamp)
    {
        // A real trigger of finding 1, no double: the turn resolved dates against year 9999 and threw in the background.
        await using var connector = await LoopbackServer.ConnectorAsync();
        using var host = new BotHost(kestrel: true);
        host.Bind("botframework", "bf-zhang", "u_zhang");
        using var http = host.Http();
        var edge = Activity("bf-zhang", Report, connector.Address);
        edge["timestamp"] = timestamp;

        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(http, edge));
        var first = await connector.WaitForAsync(1, TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(http, Activity("bf-zhang", "帮助", connector.Address)));
        var both = await connector.WaitForAsync(2, TimeSpan.FromSeconds(20));

        Assert.Single(first);
        // Dated by the server's clock, not by year 9999 or year 1.
        Assert.Contains("已记录", Text(first[0].Body), StringComparison.Ordinal);
        Assert.Equal(2, both.Count);
        Assert.True(await host.IsHealthyAsync());
        Assert.All(host.Store.RecordsBy("u_zhang"), r => Assert.InRange(r.Date.Year, DateTime.UtcNow.Year - 1, DateTime.UtcNow.Year + 1));
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public async Task A_Bot_Framework_inline_activity_with_an_edge_timestamp_gets_a_reply_not_a_500(string timestamp)
    {
        using var host = new BotHost(kestrel: true);
        host.Bind("botframework", "bf-zhang", "u_zhang");
        using var http = host.Http();
        var edge = BotFrameworkClient.Message("bf-zhang", Report, serviceUrl: "http://127.0.0.1:9/");
        edge["timestamp"] = timestamp;

        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), JsonContent.Create(edge));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已记录", JsonNode.Parse(body)!["activities"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_chat_turn_that_throws_gets_the_apology_with_200_and_the_next_message_is_served()
    {
        using var host = new BotHost(kestrel: true, services: services => ThrowingTurnPipelineDouble.Register(services));
        using var http = await SignedInAsync(host, "u_zhang");

        var failing = await SayAsync(http, ThrowingTurnPipelineDouble.Throw);
        var next = await SayAsync(http, Report);

        Assert.Equal(IsolatedTurnPipeline.FailureText, failing);
        Assert.Contains("已记录", next, StringComparison.Ordinal);
    }

    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task A_turn_over_its_time_budget_is_answered_with_the_apology_in_time_writes_nothing_and_the_sender_is_served_again()
    {
        using var host = new BotHost(
            new Dictionary<string, string?> { ["Turns:Budget"] = "00:00:01" },
            kestrel: true,
            services: services => ThrowingTurnPipelineDouble.Register(services, Hang));
        using var http = await SignedInAsync(host, "u_zhang");

        var started = DateTime.UtcNow;
        var late = await SayAsync(http, ThrowingTurnPipelineDouble.Hang + Report);
        var answeredAfter = DateTime.UtcNow - started;
        var help = await SayAsync(http, "帮助");
        // The abandoned turn wakes up after the hang and reaches the pipeline: it must not record the report it carries.
        await Task.Delay(Hang + TimeSpan.FromSeconds(1));

        Assert.Equal(IsolatedTurnPipeline.FailureText, late);
        // Answered by the 1 s budget, not by the hanging turn: before the hang could have ended (no tighter wall-clock bound,
        // which a busy CI machine breaks; the apology itself shows the budget fired).
        Assert.InRange(answeredAfter, TimeSpan.Zero, Hang);
        Assert.DoesNotContain(IsolatedTurnPipeline.FailureText, help, StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
        Assert.True(await host.IsHealthyAsync());
    }

    internal static JsonObject Activity(string from, string text, Uri connector) =>
        BotFrameworkClient.Message(from, text, serviceUrl: connector.ToString(), expectReplies: false);

    internal static async Task<HttpStatusCode> PostAsync(HttpClient http, JsonObject activity)
    {
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), JsonContent.Create(activity));
        return response.StatusCode;
    }

    internal static async Task<HttpClient> SignedInAsync(BotHost host, string userId)
    {
        var http = host.Http(cookies: true);
        http.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
        using var signIn = await http.PostAsync(new Uri("/api/webchat/signin", UriKind.Relative), JsonContent.Create(new { code = await host.IssueCodeAsync(userId) }));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        return http;
    }

    internal static async Task<string> SayAsync(HttpClient http, string text)
    {
        using var response = await http.PostAsync(
            new Uri("/api/webchat/messages", UriKind.Relative), JsonContent.Create(new { text, clientMessageId = Guid.NewGuid().ToString("N") }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return string.Join("\n", JsonDocument.Parse(body).RootElement.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
    }

    private static string Text(string activityJson) => JsonNode.Parse(activityJson)!["text"]!.GetValue<string>();
}
