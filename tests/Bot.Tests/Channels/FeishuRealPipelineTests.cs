using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using InstructorBot.Bot.Channels.Feishu;
using InstructorBot.Bot.Tests.Conversation;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// /channels/feishu end to end with the real turn pipeline and a real LiteDB file: encrypted, signed events in, records in
/// the store, replies through the message reply API (a loopback fake of Feishu's open API).
/// </summary>
public sealed class FeishuRealPipelineTests : IAsyncLifetime
{
    private const string VerificationToken = "feishu-real-pipeline-token";
    private const string EncryptKey = "feishu-real-pipeline-key";
    private const string Replies = "/open-apis/im/v1/messages/";
    private LoopbackVendorApi api = null!;
    private BotHost host = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        api = await LoopbackVendorApi.StartAsync();
        host = RealPipeline.Host(new Dictionary<string, string?>
        {
            ["Channels:Feishu:VerificationToken"] = VerificationToken,
            ["Channels:Feishu:EncryptKey"] = EncryptKey,
            ["Channels:Feishu:AppId"] = "cli_real",
            ["Channels:Feishu:AppSecret"] = "real-pipeline-app-secret",
            ["Channels:Feishu:ApiBaseUrl"] = api.BaseUrl.ToString(),
        });
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        await api.DisposeAsync();
    }

    private static string MessageEvent(string userId, string text, string eventId) => JsonSerializer.Serialize(new
    {
        schema = "2.0",
        header = new
        {
            event_id = eventId,
            token = VerificationToken,
            create_time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            event_type = "im.message.receive_v1",
            tenant_key = "tenant-1",
            app_id = "cli_real",
        },
        @event = new
        {
            sender = new { sender_id = new { union_id = "on_" + userId, user_id = userId, open_id = "ou_" + userId }, sender_type = "user", tenant_key = "tenant-1" },
            message = new
            {
                message_id = "om_" + eventId,
                create_time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                chat_id = "oc_p2p_" + userId,
                chat_type = "p2p",
                message_type = "text",
                content = JsonSerializer.Serialize(new { text }),
            },
        },
    });

    private async Task<HttpStatusCode> PostAsync(string plainJson)
    {
        var body = JsonSerializer.Serialize(new { encrypt = FeishuCrypto.Encrypt(EncryptKey, plainJson) });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string nonce = "n0nce";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/channels/feishu") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Lark-Request-Timestamp", timestamp);
        request.Headers.Add("X-Lark-Request-Nonce", nonce);
        request.Headers.Add("X-Lark-Signature", FeishuCrypto.Sign(timestamp, nonce, EncryptKey, Encoding.UTF8.GetBytes(body)));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static string TextOf(RecordedRequest reply)
    {
        Assert.Equal("text", reply.Body.GetProperty("msg_type").GetString());
        using var content = JsonDocument.Parse(reply.Body.GetProperty("content").GetString()!);
        return content.RootElement.GetProperty("text").GetString()!;
    }

    /// <summary>Sends one message event and returns the text of the reply to its message.</summary>
    private async Task<string> ReplyTextAsync(string userId, string text, string eventId)
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(MessageEvent(userId, text, eventId)));
        var reply = Assert.Single(await api.WaitForAsync(Replies + "om_" + eventId + "/reply", 1, TimeSpan.FromSeconds(15)));
        Assert.Equal("Bearer " + LoopbackVendorApi.FeishuTenantToken, reply.Authorization);
        return TextOf(reply);
    }

    [Fact]
    public async Task A_bound_instructors_report_is_recorded_once_and_the_reply_api_gets_recorded_with_the_organisation()
    {
        RealPipeline.Bind(host, "feishu", "zhangwei01", "u_zhang");
        var before = host.Organization(RealPipeline.YunQi).PartyMembers;

        var reply = await ReplyTextAsync("zhangwei01", RealPipeline.Report, "evReal01");

        RealPipeline.AssertReportReply(reply);
        RealPipeline.AssertReportRecorded(host, before);
    }

    [Fact]
    public async Task The_same_event_id_delivered_three_times_concurrently_and_three_times_after_writes_one_visit_and_answers_once()
    {
        RealPipeline.Bind(host, "feishu", "zhangwei01", "u_zhang");
        var before = host.Organization(RealPipeline.YunQi).PartyMembers;
        var message = MessageEvent("zhangwei01", RealPipeline.Report, "evReal02");

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostAsync(message)));
        Assert.All(concurrent, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Single(await api.WaitForAsync(Replies, 1, TimeSpan.FromSeconds(15)));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(message));
        }

        await Task.Delay(600);
        var reply = Assert.Single(api.Requests, r => r.Path.StartsWith(Replies, StringComparison.Ordinal));
        RealPipeline.AssertReportReply(TextOf(reply));
        RealPipeline.AssertReportRecorded(host, before);
    }

    [Fact]
    public async Task An_unbound_feishu_user_is_told_how_to_bind_and_nothing_is_written()
    {
        var ledger = host.LedgerSnapshot;

        var reply = await ReplyTextAsync("stranger01", RealPipeline.Report, "evReal03");

        Assert.Contains("绑定", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("已记录", reply, StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
        Assert.Equal(0, host.ProcessedTurns);
        Assert.Equal(ledger, host.LedgerSnapshot);
    }

    [Fact]
    public async Task A_one_time_code_binds_the_feishu_user_whose_next_report_is_recorded_as_that_user_and_the_code_works_once()
    {
        var code = await host.IssueCodeAsync("u_liu");
        var before = host.Organization(RealPipeline.ShunDa).PartyMembers;

        var bound = await ReplyTextAsync("liuyang01", "绑定 " + code, "evReal04");
        Assert.Contains("绑定成功", bound, StringComparison.Ordinal);
        Assert.Contains("刘洋", bound, StringComparison.Ordinal);

        var recorded = await ReplyTextAsync("liuyang01", "上午到顺达快递走访，发现2名党员", "evReal05");
        Assert.Contains("已记录", recorded, StringComparison.Ordinal);
        Assert.Contains(RealPipeline.ShunDa, recorded, StringComparison.Ordinal);
        var (visits, discoveries) = RealPipeline.RecordsFor(host, "u_liu", RealPipeline.ShunDa);
        Assert.Single(visits);
        Assert.Equal(2, Assert.Single(discoveries).Count);
        Assert.Equal(before + 2, host.Organization(RealPipeline.ShunDa).PartyMembers);

        var reused = await ReplyTextAsync("intruder02", "绑定 " + code, "evReal06");
        Assert.Contains("绑定码无效", reused, StringComparison.Ordinal);
        Assert.Null(host.Store.FindUserByChannel("feishu", "intruder02"));
        Assert.Equal(2, host.RecordCount);
    }

    [Fact]
    public async Task An_admin_binds_a_feishu_user_in_chat_and_that_users_report_is_recorded_as_the_bound_user()
    {
        RealPipeline.Bind(host, "feishu", "admin01", "u_admin");

        var bound = await ReplyTextAsync("admin01", "绑定 feishu zhangwei02 u_zhang", "evReal07");
        Assert.Contains("已绑定", bound, StringComparison.Ordinal);
        Assert.Equal("u_zhang", host.Store.FindUserByChannel("feishu", "zhangwei02")?.Id);

        var before = host.Organization(RealPipeline.YunQi).PartyMembers;
        RealPipeline.AssertReportReply(await ReplyTextAsync("zhangwei02", RealPipeline.Report, "evReal08"));
        RealPipeline.AssertReportRecorded(host, before);
    }
}
