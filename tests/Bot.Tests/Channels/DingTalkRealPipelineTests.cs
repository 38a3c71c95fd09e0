using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using InstructorBot.Bot.Channels.DingTalk;
using InstructorBot.Bot.Tests.Conversation;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// /channels/dingtalk end to end with the real turn pipeline and a real LiteDB file: signed callbacks in, records in the
/// store, replies POSTed to the message's sessionWebhook (a loopback fake of DingTalk).
/// </summary>
public sealed class DingTalkRealPipelineTests : IAsyncLifetime
{
    private const string AppSecret = "dingtalk-real-pipeline-secret";
    private const string Webhook = "/robot/sendBySession";
    private LoopbackVendorApi api = null!;
    private BotHost host = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        api = await LoopbackVendorApi.StartAsync();
        host = RealPipeline.Host(new Dictionary<string, string?>
        {
            ["Channels:DingTalk:AppSecret"] = AppSecret,
            ["Channels:DingTalk:AllowLoopbackWebhook"] = "true",
        });
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        await api.DisposeAsync();
    }

    /// <summary>A one-to-one message, or with <paramref name="group"/> a group message that @-mentions the robot first.</summary>
    private string Body(string staffId, string text, string msgId, bool group = false) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["conversationId"] = group ? "cidGroup001==" : "cid" + staffId + "==",
        ["conversationType"] = group ? "2" : "1",
        ["isInAtList"] = group,
        ["msgId"] = msgId,
        ["msgtype"] = "text",
        ["text"] = new { content = (group ? "@党建助手 " : " ") + text },
        ["createAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["senderStaffId"] = staffId,
        ["senderId"] = "$:LWCP_v1:$" + staffId,
        ["senderNick"] = "指导员",
        ["sessionWebhook"] = api.DingTalkWebhook(msgId).ToString(),
        ["sessionWebhookExpiredTime"] = DateTimeOffset.UtcNow.AddMinutes(90).ToUnixTimeMilliseconds(),
    });

    private async Task<HttpStatusCode> PostAsync(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/channels/dingtalk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("timestamp", timestamp);
        request.Headers.Add("sign", DingTalkSignature.Compute(AppSecret, timestamp));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Sends one message and returns the text POSTed to its sessionWebhook (the webhook's session is the msgId).</summary>
    private async Task<string> ReplyTextAsync(string staffId, string text, string msgId, bool group = false)
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Body(staffId, text, msgId, group)));
        var posts = await WaitForRepliesAsync(msgId, 1);
        var post = Assert.Single(posts);
        Assert.Equal("text", post.Body.GetProperty("msgtype").GetString());
        return post.Body.GetProperty("text").GetProperty("content").GetString()!;
    }

    private async Task<IReadOnlyList<RecordedRequest>> WaitForRepliesAsync(string msgId, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var posts = (await api.WaitForAsync(Webhook, 0, TimeSpan.Zero)).Where(r => r.Query == "?session=" + msgId).ToList();
            if (posts.Count >= count || DateTime.UtcNow > deadline)
            {
                return posts;
            }

            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task A_bound_instructors_report_at_the_robot_in_a_group_is_recorded_once_and_the_webhook_reply_says_recorded_with_the_organisation()
    {
        RealPipeline.Bind(host, "dingtalk", "manager4012", "u_zhang");
        var before = host.Organization(RealPipeline.YunQi).PartyMembers;

        var reply = await ReplyTextAsync("manager4012", RealPipeline.Report, "msgReal01", group: true);

        RealPipeline.AssertReportReply(reply);
        RealPipeline.AssertReportRecorded(host, before);
    }

    [Fact]
    public async Task The_same_msgid_delivered_three_times_concurrently_and_three_times_after_writes_one_visit_and_answers_once()
    {
        RealPipeline.Bind(host, "dingtalk", "manager4012", "u_zhang");
        var before = host.Organization(RealPipeline.YunQi).PartyMembers;
        var body = Body("manager4012", RealPipeline.Report, "msgReal02");

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostAsync(body)));
        Assert.All(concurrent, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Single(await WaitForRepliesAsync("msgReal02", 1));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(body));
        }

        await Task.Delay(600);
        var reply = Assert.Single(api.Requests);
        RealPipeline.AssertReportReply(reply.Body.GetProperty("text").GetProperty("content").GetString());
        RealPipeline.AssertReportRecorded(host, before);
    }

    [Fact]
    public async Task An_unbound_dingtalk_user_is_told_how_to_bind_and_nothing_is_written()
    {
        var ledger = host.LedgerSnapshot;

        var reply = await ReplyTextAsync("stranger01", RealPipeline.Report, "msgReal03");

        Assert.Contains("绑定", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("已记录", reply, StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
        Assert.Equal(0, host.ProcessedTurns);
        Assert.Equal(ledger, host.LedgerSnapshot);
    }

    [Fact]
    public async Task A_one_time_code_binds_the_dingtalk_user_whose_next_report_is_recorded_as_that_user_and_the_code_works_once()
    {
        var code = await host.IssueCodeAsync("u_liu");
        var before = host.Organization(RealPipeline.ShunDa).PartyMembers;

        var bound = await ReplyTextAsync("liuyang88", "绑定 " + code, "msgReal04");
        Assert.Contains("绑定成功", bound, StringComparison.Ordinal);
        Assert.Contains("刘洋", bound, StringComparison.Ordinal);

        var recorded = await ReplyTextAsync("liuyang88", "顺达快递今天去走访了，新发现3名党员", "msgReal05");
        Assert.Contains("已记录", recorded, StringComparison.Ordinal);
        Assert.Contains(RealPipeline.ShunDa, recorded, StringComparison.Ordinal);
        var (visits, discoveries) = RealPipeline.RecordsFor(host, "u_liu", RealPipeline.ShunDa);
        Assert.Single(visits);
        Assert.Equal(3, Assert.Single(discoveries).Count);
        Assert.Equal(before + 3, host.Organization(RealPipeline.ShunDa).PartyMembers);

        var reused = await ReplyTextAsync("intruder02", "绑定 " + code, "msgReal06");
        Assert.Contains("绑定码无效", reused, StringComparison.Ordinal);
        Assert.Null(host.Store.FindUserByChannel("dingtalk", "intruder02"));
        Assert.Equal(2, host.RecordCount);
    }
}
