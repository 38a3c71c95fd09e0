using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.BotFramework;

/// <summary>The Bot Framework v3 endpoint in the Emulator's local mode (no app id, opted in by <see cref="BotHost"/>), over real HTTP.</summary>
public sealed class BotFrameworkProtocolTests : IDisposable
{
    private readonly BotHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("{\"type\": \"message\", ", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("not json at all", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\": \"message\"}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("<activity/>", "application/xml", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("{\"type\": 5, \"serviceUrl\": \"http://127.0.0.1:9/\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"serviceUrl\": \"http://127.0.0.1:9/\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\": \"message\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"not a url\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"id\": \"1\", \"conversation\": {\"id\": \"c\"}, \"text\": \"hi\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"id\": \"1\", \"from\": {\"id\": \"u\"}, \"conversation\": {\"id\": \"c\"}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\": \"teleport\", \"serviceUrl\": \"http://127.0.0.1:9/\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"timestamp\": \"yesterday\"}", "application/json", HttpStatusCode.BadRequest)]
    public async Task Bad_input_gets_a_4xx_problem_in_Chinese_and_writes_nothing(string body, string contentType, HttpStatusCode expected)
    {
        var ledger = host.LedgerSnapshot;
        var response = await host.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = BotFrameworkClient.Json(await response.Content.ReadAsStringAsync()).GetProperty("detail").GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail);
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
        Assert.Equal(0, host.ProcessedTurns);
        Assert.Equal(ledger, host.LedgerSnapshot);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_413_and_writes_nothing()
    {
        var activity = BotFrameworkClient.Message("bf-zhang", new string('走', 70_000));
        var response = await new BotFrameworkClient(host.CreateClient()).PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, host.ProcessedTurns);
    }

    [Fact]
    public async Task In_local_mode_a_non_loopback_serviceUrl_is_refused_and_nothing_is_sent_or_written()
    {
        var activity = BotFrameworkClient.Message("bf-zhang", "帮助", serviceUrl: "https://evil.example.com/", expectReplies: false);
        var response = await new BotFrameworkClient(host.CreateClient()).PostAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("回环", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.ProcessedTurns);
    }

    [Fact]
    public async Task A_conversationUpdate_adding_a_user_is_welcomed_inline_and_one_adding_only_the_bot_is_not()
    {
        var client = new BotFrameworkClient(host.CreateClient());
        var update = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = "cu1",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["channelId"] = "emulator",
            ["from"] = new JsonObject { ["id"] = "someone" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = "c1" },
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "someone" }, new JsonObject { ["id"] = "bot" }),
            ["deliveryMode"] = "expectReplies",
        };

        var welcome = BotFrameworkClient.Json(await (await client.PostAsync(update)).Content.ReadAsStringAsync()).GetProperty("activities");
        update["id"] = "cu2";
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "bot" });
        var none = BotFrameworkClient.Json(await (await client.PostAsync(update)).Content.ReadAsStringAsync()).GetProperty("activities");

        Assert.Equal(1, welcome.GetArrayLength());
        Assert.Contains("帮助", welcome[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("someone", welcome[0].GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("cu1", welcome[0].GetProperty("replyToId").GetString());
        Assert.Equal(0, none.GetArrayLength());
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("endOfConversation")]
    [InlineData("event")]
    public async Task Other_known_activity_types_are_accepted_and_ignored(string type)
    {
        var activity = new JsonObject { ["type"] = type, ["serviceUrl"] = "http://127.0.0.1:9/", ["id"] = "x" };
        var response = await new BotFrameworkClient(host.CreateClient()).PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, host.ProcessedTurns);
    }

    [Fact]
    public async Task An_unknown_sender_is_told_how_to_bind_and_nothing_is_written()
    {
        var ledger = host.LedgerSnapshot;
        var replies = await new BotFrameworkClient(host.CreateClient()).SayAsync("stranger", "今天走访了云启科技，发现2名党员");

        Assert.Contains("绑定 K7PX-M3QD", Assert.Single(replies), StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
        Assert.Equal(0, host.ProcessedTurns);
        Assert.Equal(ledger, host.LedgerSnapshot);
    }

    [Fact]
    public async Task An_unbound_sender_binds_themself_with_a_one_time_code_that_works_only_once()
    {
        var client = new BotFrameworkClient(host.CreateClient());
        var code = await host.IssueCodeAsync("u_zhang");

        var first = await client.SayAsync("bf-new", $"绑定 {code}");
        var again = await client.SayAsync("bf-other", $"绑定 {code}");

        Assert.Contains("绑定成功", Assert.Single(first), StringComparison.Ordinal);
        Assert.Equal("u_zhang", host.Store.FindUserByChannel("botframework", "bf-new")?.Id);
        Assert.Contains("无效", Assert.Single(again), StringComparison.Ordinal);
        Assert.Null(host.Store.FindUserByChannel("botframework", "bf-other"));
    }

    [Fact]
    public async Task Without_expectReplies_the_bot_answers_202_and_posts_the_reply_to_the_loopback_connector()
    {
        await using var connector = await LoopbackServer.ConnectorAsync();
        await host.Services.GetRequiredService<InstructorBot.Bot.Conversation.ChannelBindings>()
            .BindAsync("u_zhang", "botframework", "bf-zhang", CancellationToken.None);
        var activity = BotFrameworkClient.Message("bf-zhang", "帮助", id: "act-1", serviceUrl: connector.Address.ToString(), expectReplies: false);

        var response = await new BotFrameworkClient(host.CreateClient()).PostAsync(activity);
        var posted = await connector.WaitForAsync(1, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var (path, _, body) = Assert.Single(posted);
        Assert.Equal("/v3/conversations/conv-bf-zhang/activities/act-1", path);
        var reply = BotFrameworkClient.Json(body);
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.Equal("bf-zhang", reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Contains("张伟", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
