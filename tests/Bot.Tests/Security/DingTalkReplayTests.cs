using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using InstructorBot.Bot.Channels.DingTalk;
using InstructorBot.Bot.Tests.Channels;

namespace InstructorBot.Bot.Tests.Security;

/// <summary>
/// Issue 10, finding 8 (DingTalk): the sign covers only the timestamp, so a captured (timestamp, sign) pair must not
/// carry another body: the window is 5 minutes and a sign seen with one message is refused with any other. DingTalk's
/// own retry of the same message is still acknowledged. A loopback fake stands in for DingTalk's webhook.
/// </summary>
public sealed class DingTalkReplayTests : IAsyncLifetime
{
    private const string AppSecret = "dingtalk-replay-secret";
    private LoopbackVendorApi api = null!;

    public async Task InitializeAsync() => api = await LoopbackVendorApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task A_captured_timestamp_and_sign_do_not_carry_another_body()
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline);
        using var client = host.CreateClient();
        var timestamp = UniqueTimestamps.NextMilliseconds();

        var genuine = await client.SendAsync(Post(Body("msgGenuine", "今天走访了云启科技"), timestamp));
        var replayed = await client.SendAsync(Post(Body("msgForged", "撤销"), timestamp));
        var retried = await client.SendAsync(Post(Body("msgGenuine", "今天走访了云启科技"), timestamp));

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await api.WaitForAsync("/robot/sendBySession", 1, TimeSpan.FromSeconds(10));
        Assert.Equal(["msgGenuine"], pipeline.Calls.Select(c => c.ChannelMessageId));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task A_timestamp_more_than_five_minutes_off_is_refused(int minutes)
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline);
        using var client = host.CreateClient();
        var timestamp = DateTimeOffset.UtcNow.AddMinutes(minutes).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var response = await client.SendAsync(Post(Body("msgOld", "今天走访了云启科技"), timestamp));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(pipeline.Calls);
    }

    [Fact]
    public async Task The_window_is_configurable()
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline, new() { ["Channels:DingTalk:MaxClockSkew"] = "00:30:00" });
        using var client = host.CreateClient();
        var timestamp = DateTimeOffset.UtcNow.AddMinutes(-20).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var response = await client.SendAsync(Post(Body("msgLate", "今天走访了云启科技"), timestamp));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static ChannelHost Host(RecordingTurnPipeline pipeline, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:DingTalk:AppSecret"] = AppSecret,
            ["Channels:DingTalk:AllowLoopbackWebhook"] = "true",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new ChannelHost(settings, pipeline);
    }

    private string Body(string msgId, string content) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["conversationId"] = "cidReplay==",
        ["conversationType"] = "1",
        ["msgId"] = msgId,
        ["msgtype"] = "text",
        ["text"] = new { content },
        ["senderStaffId"] = "staff-replay",
        ["sessionWebhook"] = api.DingTalkWebhook("session-replay").ToString(),
        ["sessionWebhookExpiredTime"] = DateTimeOffset.UtcNow.AddMinutes(90).ToUnixTimeMilliseconds(),
    });

    private static HttpRequestMessage Post(string body, string timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/channels/dingtalk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("timestamp", timestamp);
        request.Headers.Add("sign", DingTalkSignature.Compute(AppSecret, timestamp));
        return request;
    }
}
