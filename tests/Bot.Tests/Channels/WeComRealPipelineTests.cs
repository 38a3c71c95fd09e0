using System.Net;
using InstructorBot.Bot.Tests.Conversation;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// /channels/wecom end to end with the real turn pipeline and a real LiteDB file: signed, encrypted callbacks in, records in
/// the store, encrypted passive replies out (decrypted with WeComCrypto). WeCom's message API is a loopback fake.
/// </summary>
public sealed class WeComRealPipelineTests : IAsyncLifetime
{
    private LoopbackVendorApi api = null!;
    private BotHost host = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        api = await LoopbackVendorApi.StartAsync();
        host = RealPipeline.Host(WeComRequests.Settings(api.BaseUrl));
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        await api.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string from, string text, string msgId, string nonce = "1372623149")
    {
        using var request = WeComRequests.Post(WeComRequests.Crypto.Encrypt(WeComRequests.TextMessage(from, text, msgId)), nonce: nonce);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The reply's text: the passive reply when there is one, else what went through the message API.</summary>
    private async Task<string> ReplyTextAsync(string from, string text, string msgId)
    {
        var (status, body) = await SendAsync(from, text, msgId);
        Assert.Equal(HttpStatusCode.OK, status);
        if (body.Length > 0)
        {
            var reply = WeComRequests.OpenReply(body);
            Assert.Equal(from, reply["ToUserName"]);
            return reply["Content"];
        }

        var send = (await api.WaitForAsync("/cgi-bin/message/send", 1, TimeSpan.FromSeconds(15))).Last();
        return send.Body.GetProperty("text").GetProperty("content").GetString()!;
    }

    [Fact]
    public async Task A_bound_instructors_report_is_recorded_once_and_the_decrypted_passive_reply_says_recorded_with_the_organisation()
    {
        RealPipeline.Bind(host, "wecom", "ZhangWei", "u_zhang");
        var before = host.Organization(RealPipeline.YunQi).PartyMembers;

        var (status, body) = await SendAsync("ZhangWei", RealPipeline.Report, "7100000000000000001");

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = WeComRequests.OpenReply(body);
        Assert.Equal("ZhangWei", reply["ToUserName"]);
        Assert.Equal(WeComRequests.CorpId, reply["FromUserName"]);
        RealPipeline.AssertReportReply(reply["Content"]);
        RealPipeline.AssertReportRecorded(host, before);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task The_same_msgid_delivered_three_times_concurrently_and_three_times_after_writes_one_visit_and_answers_once()
    {
        RealPipeline.Bind(host, "wecom", "ZhangWei", "u_zhang");
        var before = host.Organization(RealPipeline.YunQi).PartyMembers;
        const string msgId = "7100000000000000002";

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => SendAsync("ZhangWei", RealPipeline.Report, msgId, "20" + i)));
        var sequential = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 3; i++)
        {
            sequential.Add(await SendAsync("ZhangWei", RealPipeline.Report, msgId, "30" + i));
        }

        Assert.All(concurrent.Concat(sequential), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var answered = Assert.Single(concurrent.Concat(sequential), r => r.Body.Length > 0);
        RealPipeline.AssertReportReply(WeComRequests.OpenReply(answered.Body)["Content"]);
        await Task.Delay(500);
        Assert.Empty(api.Requests);
        RealPipeline.AssertReportRecorded(host, before);
    }

    [Fact]
    public async Task An_unbound_wecom_user_is_told_how_to_bind_and_nothing_is_written()
    {
        var ledger = host.LedgerSnapshot;

        var reply = await ReplyTextAsync("Stranger01", RealPipeline.Report, "7100000000000000003");

        Assert.Contains("绑定", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("已记录", reply, StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
        Assert.Equal(0, host.ProcessedTurns);
        Assert.Equal(ledger, host.LedgerSnapshot);
    }

    [Fact]
    public async Task A_one_time_code_binds_the_wecom_user_whose_next_report_is_recorded_as_that_user_and_the_code_works_once()
    {
        var code = await host.IssueCodeAsync("u_liu");
        var before = host.Organization(RealPipeline.ShunDa).PartyMembers;

        var bound = await ReplyTextAsync("LiuYang", "绑定 " + code, "7100000000000000004");
        Assert.Contains("绑定成功", bound, StringComparison.Ordinal);
        Assert.Contains("刘洋", bound, StringComparison.Ordinal);

        var recorded = await ReplyTextAsync("LiuYang", "今天走访了顺达快递，发现1名党员", "7100000000000000005");
        Assert.Contains("已记录", recorded, StringComparison.Ordinal);
        Assert.Contains(RealPipeline.ShunDa, recorded, StringComparison.Ordinal);
        var (visits, discoveries) = RealPipeline.RecordsFor(host, "u_liu", RealPipeline.ShunDa);
        Assert.Single(visits);
        Assert.Single(discoveries);
        Assert.Equal(before + 1, host.Organization(RealPipeline.ShunDa).PartyMembers);

        var reused = await ReplyTextAsync("Intruder02", "绑定 " + code, "7100000000000000006");
        Assert.Contains("绑定码无效", reused, StringComparison.Ordinal);
        Assert.Null(host.Store.FindUserByChannel("wecom", "Intruder02"));
        Assert.Equal(2, host.RecordCount);
    }

    [Fact]
    public async Task A_msgid_delivered_again_after_a_restart_writes_nothing_more_and_gets_the_first_reply_again()
    {
        RealPipeline.Bind(host, "wecom", "ZhangWei", "u_zhang");
        var before = host.Organization(RealPipeline.YunQi).PartyMembers;
        var first = await ReplyTextAsync("ZhangWei", RealPipeline.Report, "7100000000000000007");

        // The channel's in-memory claim is gone after a restart; the pipeline's durable turn log still knows the MsgId.
        client.Dispose();
        host = host.Restart();
        client = host.CreateClient();
        var again = await ReplyTextAsync("ZhangWei", RealPipeline.Report, "7100000000000000007");

        Assert.Equal(first, again);
        RealPipeline.AssertReportRecorded(host, before);
    }
}
