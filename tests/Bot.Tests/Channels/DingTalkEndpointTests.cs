using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using InstructorBot.Bot.Channels.DingTalk;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>/channels/dingtalk over real HTTP on the real host; the sessionWebhook is a loopback fake of DingTalk.</summary>
public sealed class DingTalkEndpointTests : IAsyncLifetime
{
    private const string AppSecret = "dingtalk-loopback-app-secret";
    private LoopbackVendorApi api = null!;

    public async Task InitializeAsync() => api = await LoopbackVendorApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    private static ChannelHost Host(RecordingTurnPipeline pipeline, bool allowLoopback = true) => new(
        new Dictionary<string, string?>
        {
            ["Channels:DingTalk:AppSecret"] = AppSecret,
            ["Channels:DingTalk:AllowLoopbackWebhook"] = allowLoopback ? "true" : "false",
        },
        pipeline);

    private string Body(string msgId, string content, string? webhook = null, long? expires = null, string conversationType = "2") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["conversationId"] = "cidGroup001==",
            ["conversationType"] = conversationType,
            ["msgId"] = msgId,
            ["msgtype"] = "text",
            ["text"] = new { content },
            ["createAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["senderStaffId"] = "manager4012",
            ["senderId"] = "$:LWCP_v1:$abc",
            ["senderNick"] = "张三",
            ["isInAtList"] = true,
            ["sessionWebhook"] = webhook ?? api.DingTalkWebhook("session-1").ToString(),
            ["sessionWebhookExpiredTime"] = expires ?? DateTimeOffset.UtcNow.AddMinutes(90).ToUnixTimeMilliseconds(),
        });

    private static HttpRequestMessage Post(string body, string? timestamp = null, string? sign = null)
    {
        timestamp ??= UniqueTimestamps.NextMilliseconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/channels/dingtalk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("timestamp", timestamp);
        request.Headers.Add("sign", sign ?? DingTalkSignature.Compute(AppSecret, timestamp));
        return request;
    }

    [Fact]
    public async Task A_signed_group_message_reaches_the_pipeline_and_the_reply_is_posted_to_the_session_webhook()
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline);
        using var client = host.CreateClient();

        using var request = Post(Body("msgA1", "@党建助手 今天走访了云栖科技"));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await api.WaitForAsync("/robot/sendBySession", 1, TimeSpan.FromSeconds(10)));
        Assert.Equal("?session=session-1", post.Query);
        Assert.Equal("text", post.Body.GetProperty("msgtype").GetString());
        Assert.Equal(RecordingTurnPipeline.ReplyTo("今天走访了云栖科技"), post.Body.GetProperty("text").GetProperty("content").GetString());

        var call = Assert.Single(pipeline.Calls);
        Assert.Equal(("dingtalk", "manager4012", "cidGroup001==", "msgA1", "今天走访了云栖科技"), (call.Channel, call.ChannelUserId, call.ConversationId, call.ChannelMessageId, call.Text));
    }

    [Theory]
    [InlineData("forged signature")]
    [InlineData("stale timestamp")]
    [InlineData("missing headers")]
    [InlineData("malformed json")]
    [InlineData("webhook on another host")]
    [InlineData("webhook on an internal address")]
    [InlineData("expired webhook")]
    [InlineData("missing msgId")]
    [InlineData("oversized body")]
    public async Task A_bad_callback_is_refused_with_4xx_and_nothing_is_processed_or_sent(string @case)
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline, allowLoopback: @case != "webhook on an internal address");
        using var client = host.CreateClient();
        var stale = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        using var request = @case switch
        {
            "forged signature" => Post(Body("msgB", "你好"), sign: DingTalkSignature.Compute("another secret", "1")),
            "stale timestamp" => Post(Body("msgB", "你好"), timestamp: stale),
            "missing headers" => new HttpRequestMessage(HttpMethod.Post, "/channels/dingtalk") { Content = new StringContent(Body("msgB", "你好")) },
            "malformed json" => Post("{\"msgId\": \"msgB\", \"text\": {"),
            "webhook on another host" => Post(Body("msgB", "你好", webhook: "https://attacker.example/collect")),
            "webhook on an internal address" => Post(Body("msgB", "你好")),
            "expired webhook" => Post(Body("msgB", "你好", expires: DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds())),
            "missing msgId" => Post(Body("", "你好")),
            _ => Post(Body("msgB", new string('长', 40_000))),
        };
        var response = await client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Task.Delay(150);
        Assert.Empty(pipeline.Calls);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task The_same_msgid_delivered_three_times_is_handled_once_and_answered_once()
    {
        var pipeline = new RecordingTurnPipeline { Delay = TimeSpan.FromMilliseconds(300) };
        await using var host = Host(pipeline);
        using var client = host.CreateClient();
        var body = Body("msgC1", "新发现党员3名", conversationType: "1");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var request = Post(body);
            return (await client.SendAsync(request)).StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Single(await api.WaitForAsync("/robot/sendBySession", 1, TimeSpan.FromSeconds(10)));
        await Task.Delay(600);
        Assert.Single(api.Requests);
        Assert.Single(pipeline.Calls);
    }

    [Fact]
    public async Task Without_configuration_the_endpoint_does_not_exist()
    {
        await using var host = new ChannelHost(new Dictionary<string, string?>(), new RecordingTurnPipeline());
        using var client = host.CreateClient();
        using var request = Post(Body("msgD", "你好"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);
    }
}
