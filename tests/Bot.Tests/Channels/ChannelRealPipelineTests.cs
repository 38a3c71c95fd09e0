using System.Net;
using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// /channels/wecom, /channels/dingtalk and /channels/feishu end to end with the real turn pipeline and a real LiteDB file,
/// one scenario run on each channel through its <see cref="ChannelDriver"/>: signed (and encrypted) callbacks in, records in
/// the store, replies out (WeCom's passive reply decrypted and its signature checked, DingTalk's sessionWebhook POST,
/// Feishu's reply API call, WeCom's message API). The vendors' clouds are a loopback fake.
/// </summary>
public sealed class ChannelRealPipelineTests
{
    public static TheoryData<string> Channels => ChannelDriver.Names;

    public static TheoryData<string, string, bool> NonTextMessages()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var name in ChannelDriver.Names)
        {
            foreach (var (type, voice) in ChannelDriver.For(name).NonTextTypes)
            {
                data.Add(name, type, voice);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_bound_instructors_report_in_a_group_at_the_bot_is_recorded_once_and_the_reply_says_recorded_with_the_organisation(string channel)
    {
        await using var session = await Session.StartAsync(channel);
        session.Bind("zhangwei01", "u_zhang");
        var before = session.Host.Organization(RealPipeline.YunQi).PartyMembers;

        var reply = await session.ReplyTextAsync("zhangwei01", RealPipeline.Report, session.Driver.MessageId(1), group: true);

        RealPipeline.AssertReportReply(reply);
        RealPipeline.AssertReportRecorded(session.Host, before);
        if (session.Driver.RepliesPassively)
        {
            Assert.Empty(session.Api.Requests);
        }
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task The_same_message_id_delivered_three_times_concurrently_and_three_times_after_writes_one_visit_and_answers_once(string channel)
    {
        await using var session = await Session.StartAsync(channel);
        var driver = session.Driver;
        session.Bind("zhangwei01", "u_zhang");
        var before = session.Host.Organization(RealPipeline.YunQi).PartyMembers;
        var id = driver.MessageId(2);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            driver.SendTextAsync(session.Client, session.Api, "zhangwei01", RealPipeline.Report, id, attempt: i)));
        if (concurrent.All(r => r.Passive is null))
        {
            Assert.Single(await session.WaitForApiRepliesAsync(1));
        }

        var sequential = new List<(HttpStatusCode Status, string? Passive)>();
        for (var i = 0; i < 3; i++)
        {
            sequential.Add(await driver.SendTextAsync(session.Client, session.Api, "zhangwei01", RealPipeline.Report, id, attempt: 3 + i));
        }

        await Task.Delay(600);
        var all = concurrent.Concat(sequential).ToList();
        Assert.All(all, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var reply = Assert.Single(all.Select(r => r.Passive).OfType<string>().Concat(driver.ApiReplies(session.Api)));
        RealPipeline.AssertReportReply(reply);
        RealPipeline.AssertReportRecorded(session.Host, before);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task An_unbound_user_is_told_how_to_bind_and_nothing_is_written(string channel)
    {
        await using var session = await Session.StartAsync(channel);
        var ledger = session.Host.LedgerSnapshot;

        var reply = await session.ReplyTextAsync("stranger01", RealPipeline.Report, session.Driver.MessageId(3));

        Assert.Contains("绑定", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("已记录", reply, StringComparison.Ordinal);
        Assert.Equal(0, session.Host.RecordCount);
        Assert.Equal(0, session.Host.ProcessedTurns);
        Assert.Equal(ledger, session.Host.LedgerSnapshot);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_one_time_code_binds_the_user_whose_next_report_is_recorded_as_that_user_and_the_code_works_once(string channel)
    {
        await using var session = await Session.StartAsync(channel);
        var host = session.Host;
        var code = await host.IssueCodeAsync("u_liu");
        var before = host.Organization(RealPipeline.ShunDa).PartyMembers;

        var bound = await session.ReplyTextAsync("liuyang01", "绑定 " + code, session.Driver.MessageId(4));
        Assert.Contains("绑定成功", bound, StringComparison.Ordinal);
        Assert.Contains("刘洋", bound, StringComparison.Ordinal);

        var (report, members) = session.Driver.ShunDaReport;
        var recorded = await session.ReplyTextAsync("liuyang01", report, session.Driver.MessageId(5));
        Assert.Contains("已记录", recorded, StringComparison.Ordinal);
        Assert.Contains(RealPipeline.ShunDa, recorded, StringComparison.Ordinal);
        var (visits, discoveries) = RealPipeline.RecordsFor(host, "u_liu", RealPipeline.ShunDa);
        Assert.Single(visits);
        Assert.Equal(members, Assert.Single(discoveries).Count);
        Assert.Equal(before + members, host.Organization(RealPipeline.ShunDa).PartyMembers);

        var reused = await session.ReplyTextAsync("intruder02", "绑定 " + code, session.Driver.MessageId(6));
        Assert.Contains("绑定码无效", reused, StringComparison.Ordinal);
        Assert.Null(host.Store.FindUserByChannel(channel, "intruder02"));
        Assert.Equal(2, host.RecordCount);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task An_admin_binds_a_user_in_chat_and_that_users_report_is_recorded_as_the_bound_user(string channel)
    {
        await using var session = await Session.StartAsync(channel);
        session.Bind("admin01", "u_admin");

        var bound = await session.ReplyTextAsync("admin01", $"绑定 {channel} zhangwei02 u_zhang", session.Driver.MessageId(7));
        Assert.Contains("已绑定", bound, StringComparison.Ordinal);
        Assert.Equal("u_zhang", session.Host.Store.FindUserByChannel(channel, "zhangwei02")?.Id);

        var before = session.Host.Organization(RealPipeline.YunQi).PartyMembers;
        RealPipeline.AssertReportReply(await session.ReplyTextAsync("zhangwei02", RealPipeline.Report, session.Driver.MessageId(8)));
        RealPipeline.AssertReportRecorded(session.Host, before);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_message_id_delivered_again_after_a_restart_writes_nothing_more_and_is_not_answered_twice(string channel)
    {
        await using var session = await Session.StartAsync(channel);
        var driver = session.Driver;
        session.Bind("zhangwei01", "u_zhang");
        var before = session.Host.Organization(RealPipeline.YunQi).PartyMembers;
        var id = driver.MessageId(9);
        var first = await session.ReplyTextAsync("zhangwei01", RealPipeline.Report, id);
        if (!driver.RepliesPassively)
        {
            await session.WaitUntilDeliveredAsync(id);
        }

        // The channel's in-memory claim is gone after a restart; the delivery log and the turn log are in the database file.
        await session.RestartAsync();
        var sent = driver.ApiReplies(session.Api).Count;
        var (status, passive) = await driver.SendTextAsync(session.Client, session.Api, "zhangwei01", RealPipeline.Report, id, attempt: 1);
        await Task.Delay(600);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(sent, driver.ApiReplies(session.Api).Count);
        if (driver.RepliesPassively)
        {
            // WeCom retries only a request it got no answer to: the passive reply was lost, so the first reply is the one to give.
            Assert.Equal(first, passive);
        }
        else
        {
            Assert.Null(passive);
        }

        RealPipeline.AssertReportRecorded(session.Host, before);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_reply_the_vendor_refused_before_a_restart_is_sent_by_the_retry_after_it_once_and_nothing_more_is_written(string channel)
    {
        await using var session = await Session.StartAsync(channel, lateReplies: true);
        var driver = session.Driver;
        session.Bind("zhangwei01", "u_zhang");
        var before = session.Host.Organization(RealPipeline.YunQi).PartyMembers;
        var id = driver.MessageId(10);
        session.Api.RefuseReplies = true;

        var (status, passive) = await driver.SendTextAsync(session.Client, session.Api, "zhangwei01", RealPipeline.Report, id);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(passive);
        await session.WaitUntilAsync(() => session.Api.Requests.Any(r => r.Refused));
        Assert.Empty(driver.ApiReplies(session.Api));
        RealPipeline.AssertReportRecorded(session.Host, before);

        await session.RestartAsync();
        session.Api.RefuseReplies = false;
        var reply = await session.ReplyTextAsync("zhangwei01", RealPipeline.Report, id, attempt: 1);

        RealPipeline.AssertReportReply(reply);
        RealPipeline.AssertReportRecorded(session.Host, before);
        if (!driver.RepliesPassively)
        {
            await session.WaitUntilDeliveredAsync(id);
            var (_, third) = await driver.SendTextAsync(session.Client, session.Api, "zhangwei01", RealPipeline.Report, id, attempt: 2);
            await Task.Delay(600);
            Assert.Null(third);
            Assert.Single(driver.ApiReplies(session.Api));
        }
    }

    [Theory]
    [MemberData(nameof(NonTextMessages))]
    public async Task A_picture_voice_message_or_other_non_text_message_gets_a_chinese_hint_once_and_nothing_is_written(string channel, string type, bool voice)
    {
        await using var session = await Session.StartAsync(channel);
        var driver = session.Driver;
        session.Bind("zhangwei01", "u_zhang");
        var ledger = session.Host.LedgerSnapshot;
        var id = driver.MessageId(11);

        var (status, passive) = await driver.SendNonTextAsync(session.Client, session.Api, "zhangwei01", type, id);
        Assert.Equal(HttpStatusCode.OK, status);
        var hint = passive ?? Assert.Single(await session.WaitForApiRepliesAsync(1));
        var (again, passiveAgain) = await driver.SendNonTextAsync(session.Client, session.Api, "zhangwei01", type, id);
        await Task.Delay(600);

        Assert.Contains(voice ? "语音转文字" : "只能处理文字", hint, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Null(passiveAgain);
        Assert.Equal(passive is null ? 1 : 0, driver.ApiReplies(session.Api).Count);
        Assert.Equal(0, session.Host.RecordCount);
        Assert.Equal(0, session.Host.ProcessedTurns);
        Assert.Equal(0, session.Host.Store.Read(db => db.GetCollection<DeliveredReply>(ChannelDeliveryLog.Collection).Count()));
        Assert.Equal(ledger, session.Host.LedgerSnapshot);
    }

    [Fact]
    public async Task A_dingtalk_voice_message_dingtalk_recognised_is_recorded_as_its_text_and_the_reply_says_it_came_from_voice()
    {
        await using var session = await Session.StartAsync("dingtalk");
        session.Bind("zhangwei01", "u_zhang");
        var before = session.Host.Organization(RealPipeline.YunQi).PartyMembers;
        var id = session.Driver.MessageId(12);

        var (status, _) = await DingTalkDriver.SendVoiceAsync(session.Client, session.Api, "zhangwei01", RealPipeline.Report, id);
        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(await session.WaitForApiRepliesAsync(1));
        var lines = reply.Split('\n');
        Assert.Equal("（语音识别：" + RealPipeline.Report + "）", lines[0]);
        RealPipeline.AssertReportReply(string.Join('\n', lines.Skip(1)));
        RealPipeline.AssertReportRecorded(session.Host, before);
        var turn = session.Host.Store.Read(db => db.GetCollection<ProcessedTurn>(TurnLog.Collection).FindById(TurnLog.Key("dingtalk", id)));
        Assert.Equal(RealPipeline.Report, turn.Text);

        await session.WaitUntilDeliveredAsync(id);
        var (again, _) = await DingTalkDriver.SendVoiceAsync(session.Client, session.Api, "zhangwei01", RealPipeline.Report, id);
        await Task.Delay(600);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Single(session.Driver.ApiReplies(session.Api));
        RealPipeline.AssertReportRecorded(session.Host, before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000 ")]
    public async Task A_dingtalk_voice_message_without_recognition_gets_the_voice_hint_and_nothing_is_written(string? recognition)
    {
        await using var session = await Session.StartAsync("dingtalk");
        session.Bind("zhangwei01", "u_zhang");
        var ledger = session.Host.LedgerSnapshot;

        var (status, _) = await DingTalkDriver.SendVoiceAsync(session.Client, session.Api, "zhangwei01", recognition, session.Driver.MessageId(13));

        Assert.Equal(HttpStatusCode.OK, status);
        var hint = Assert.Single(await session.WaitForApiRepliesAsync(1));
        Assert.Contains("语音转文字", hint, StringComparison.Ordinal);
        Assert.DoesNotContain("语音识别：", hint, StringComparison.Ordinal);
        Assert.Equal(0, session.Host.RecordCount);
        Assert.Equal(0, session.Host.ProcessedTurns);
        Assert.Equal(ledger, session.Host.LedgerSnapshot);
    }

    [Fact]
    public async Task A_feishu_rich_text_report_with_a_mention_a_link_and_a_picture_is_recorded_from_its_text()
    {
        await using var session = await Session.StartAsync("feishu");
        session.Bind("zhangwei01", "u_zhang");
        var before = session.Host.Organization(RealPipeline.YunQi).PartyMembers;
        const string post = """
            {"title":"","content":[[{"tag":"at","user_id":"@_user_1","user_name":"党建助手","style":[]},{"tag":"text","text":" 今天走访了","style":[]},
            {"tag":"a","href":"https://www.example.cn/","text":"云启科技","style":["underline"]},{"tag":"text","text":"，发现2名党员","style":["bold"]}],
            [{"tag":"img","image_key":"img_v3_02ab_example","width":800,"height":600}]]}
            """;

        var (status, _) = await FeishuDriver.SendPostAsync(session.Client, "zhangwei01", post, session.Driver.MessageId(14));

        Assert.Equal(HttpStatusCode.OK, status);
        RealPipeline.AssertReportReply(Assert.Single(await session.WaitForApiRepliesAsync(1)));
        RealPipeline.AssertReportRecorded(session.Host, before);
        var turn = session.Host.Store.Read(db => db.GetCollection<ProcessedTurn>(TurnLog.Collection)
            .FindById(TurnLog.Key("feishu", session.Driver.TurnMessageId(session.Driver.MessageId(14)))));
        Assert.Equal(RealPipeline.Report, turn.Text);
    }

    [Fact]
    public async Task A_feishu_rich_text_with_only_a_picture_gets_the_hint_and_nothing_is_written()
    {
        await using var session = await Session.StartAsync("feishu");
        session.Bind("zhangwei01", "u_zhang");
        var ledger = session.Host.LedgerSnapshot;

        var (status, _) = await FeishuDriver.SendPostAsync(
            session.Client, "zhangwei01", """{"title":"","content":[[{"tag":"img","image_key":"img_v3_02ab_example"}]]}""", session.Driver.MessageId(15));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("只能处理文字", Assert.Single(await session.WaitForApiRepliesAsync(1)), StringComparison.Ordinal);
        Assert.Equal(0, session.Host.RecordCount);
        Assert.Equal(0, session.Host.ProcessedTurns);
        Assert.Equal(ledger, session.Host.LedgerSnapshot);
    }

    /// <summary>One channel's host over a temp LiteDB file, its client and the loopback vendor API.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private Session(ChannelDriver driver, LoopbackVendorApi api, BotHost host)
        {
            Driver = driver;
            Api = api;
            Host = host;
            Client = host.CreateClient();
        }

        public ChannelDriver Driver { get; }

        public LoopbackVendorApi Api { get; }

        public BotHost Host { get; private set; }

        public HttpClient Client { get; private set; }

        public static async Task<Session> StartAsync(string channel, bool lateReplies = false)
        {
            var driver = ChannelDriver.For(channel);
            var api = await LoopbackVendorApi.StartAsync();
            return new Session(driver, api, RealPipeline.Host(driver.Settings(api, lateReplies)));
        }

        public void Bind(string channelUserId, string userId) => RealPipeline.Bind(Host, Driver.Channel, channelUserId, userId);

        /// <summary>Sends one text message and returns the one reply the user got: the passive one, else the one new API reply.</summary>
        public async Task<string> ReplyTextAsync(string user, string text, string messageId, int attempt = 0, bool group = false)
        {
            var sent = Driver.ApiReplies(Api).Count;
            var (status, passive) = await Driver.SendTextAsync(Client, Api, user, text, messageId, attempt, group);
            Assert.Equal(HttpStatusCode.OK, status);
            if (passive is not null)
            {
                return passive;
            }

            var replies = await WaitForApiRepliesAsync(sent + 1);
            Assert.Equal(sent + 1, replies.Count);
            return replies[^1];
        }

        public async Task<IReadOnlyList<string>> WaitForApiRepliesAsync(int count)
        {
            await WaitUntilAsync(() => Driver.ApiReplies(Api).Count >= count);
            return Driver.ApiReplies(Api);
        }

        /// <summary>Waits until the delivery log holds the reply to <paramref name="messageId"/> (it is written after the vendor accepted it).</summary>
        public Task WaitUntilDeliveredAsync(string messageId) =>
            WaitUntilAsync(() => Host.Services.GetRequiredService<ChannelDeliveryLog>().WasDelivered(Driver.Channel, Driver.TurnMessageId(messageId)));

        public async Task WaitUntilAsync(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (!condition() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }

        /// <summary>A new host on the same database file.</summary>
        public Task RestartAsync()
        {
            Client.Dispose();
            Host = Host.Restart();
            Client = Host.CreateClient();
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Host.DisposeAsync();
            await Api.DisposeAsync();
        }
    }
}
