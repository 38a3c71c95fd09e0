using System.Text.Json;
using InstructorBot.Bot.Channels.BotFramework;
using InstructorBot.Bot.Channels.DingTalk;
using InstructorBot.Bot.Channels.Feishu;
using InstructorBot.Bot.Channels.WeCom;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Coordination;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InstructorBot.Bot.Tests.Coordination;

/// <summary>
/// Proactive messages on 钉钉 and 飞书: the scheduler's weekly reminders reach u_zhang through DingTalk's robot
/// <c>oToMessages/batchSend</c> and u_liu through Feishu's <c>im/v1/messages</c>, with the real vendor clients over HTTP
/// against <see cref="VendorApiStandIn"/>, on a fake clock and a real LiteDB file; exactly once per user, kind and period,
/// across a restart; a refused send is tried again on the next run.
/// </summary>
public sealed class VendorNoticeDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "instructorbot-tests", Guid.NewGuid().ToString("N"));

    // Monday 2026-11-09, after 08:30: the week's reminders are due.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 9, 9, 0, 0, China));
    private VendorApiStandIn vendors = null!;
    private InstructorStore store = null!;
    private ServiceProvider http = null!;

    public async Task InitializeAsync()
    {
        vendors = await VendorApiStandIn.StartAsync();
        Directory.CreateDirectory(folder);
        store = InstructorStore.Open(Path.Combine(folder, "bot.db"), clock);
        await store.ImportLedgerAsync(Path.Combine(AppContext.BaseDirectory, "data", "ledger.csv"));
        await store.ImportUsersAsync(Path.Combine(AppContext.BaseDirectory, "data", "users.csv"));
        await store.SaveUserAsync(store.FindUser("u_zhang")! with { ChannelIdentities = [new ChannelIdentity("dingtalk", "staff-zhangwei")] });
        await store.SaveUserAsync(store.FindUser("u_liu")! with { ChannelIdentities = [new ChannelIdentity("feishu", "liuyang01")] });
        await store.SaveUserAsync(store.FindUser("u_zhao")! with { ChannelIdentities = [new ChannelIdentity("botframework", "teams-zhaomin")] });
        await store.SaveUserAsync(store.FindUser("u_sun")! with { ChannelIdentities = [new ChannelIdentity("botframework", "teams-sunlei")] });
        http = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await http.DisposeAsync();
        store.Dispose();
        await vendors.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private BotFrameworkConversations? conversations;

    /// <summary>u_zhao wrote to the bot one to one (his reference is kept); u_sun only in a group (none is).</summary>
    private async Task<BotFrameworkConversations> ConversationsAsync()
    {
        if (conversations is null)
        {
            conversations = new BotFrameworkConversations(store);
            var bot = new InstructorBot.Bot.Channels.BotFramework.ChannelAccount("bot-28", "党建助手");
            await conversations.RememberAsync(new InstructorBot.Bot.Channels.BotFramework.Activity
            {
                Type = "message", ServiceUrl = vendors.BaseUrl.ToString(), ChannelId = "msteams", From = new("teams-zhaomin", "赵敏"),
                Conversation = new("a:1-zhaomin"), Recipient = bot, Text = "你好",
            }, default);
            await conversations.RememberAsync(new InstructorBot.Bot.Channels.BotFramework.Activity
            {
                Type = "message", ServiceUrl = vendors.BaseUrl.ToString(), ChannelId = "msteams", From = new("teams-sunlei", "孙磊"),
                Conversation = new("19:group-thread", IsGroup: true), Recipient = bot, Text = "你好",
            }, default);
        }

        return conversations;
    }

    private ProactiveScheduler Scheduler()
    {
        var calendar = new CampaignCalendar(CampaignCalendarOptions.Wuhan003(), 2026);
        var log = new NoticeLog(store);
        var factory = http.GetRequiredService<IHttpClientFactory>();
        var dingTalkOptions = Options.Create(new DingTalkOptions { AppKey = "dingstandin", AppSecret = "secret", ApiBaseUrl = vendors.BaseUrl });
        var botOptions = Options.Create(new InstructorBot.Bot.Channels.BotFramework.BotFrameworkOptions { AllowUnauthenticatedLocal = true });
        var feishuOptions = Options.Create(new FeishuOptions { VerificationToken = "v", AppId = "cli_standin", AppSecret = "secret", ApiBaseUrl = vendors.BaseUrl });
        var delivery = new NoticeDelivery(
            new TurnLog(store), new RecordingWeCom(), Options.Create(new WeComOptions()),
            new DingTalkRobotSender(factory, dingTalkOptions, clock, NullLogger<DingTalkRobotSender>.Instance), dingTalkOptions,
            new FeishuReplySender(factory, feishuOptions, clock, NullLogger<FeishuReplySender>.Instance), feishuOptions,
            new InstructorBot.Bot.Channels.BotFramework.BotConnectorClient(factory.CreateClient(), new InstructorBot.Bot.Channels.BotFramework.BotConnectorTokenSource(factory, botOptions, clock), botOptions),
            ConversationsAsync().GetAwaiter().GetResult());
        return new ProactiveScheduler(
            store, log, delivery, new NoticeComposer(store, calendar, log), new ReminderPreferences(store, clock), calendar,
            Options.Create(new SchedulerOptions()), clock, NullLogger<ProactiveScheduler>.Instance);
    }

    private List<(string Path, string Query, string Token, JsonElement Body)> DingTalkSends() =>
        [.. vendors.Sends.Where(s => s.Path == "/v1.0/robot/oToMessages/batchSend")];

    private List<(string Path, string Query, string Token, JsonElement Body)> FeishuSends() =>
        [.. vendors.Sends.Where(s => s.Path == "/open-apis/im/v1/messages")];

    private List<(string Path, string Query, string Token, JsonElement Body)> BotFrameworkSends() =>
        [.. vendors.Sends.Where(s => s.Path.StartsWith("/v3/conversations/", StringComparison.Ordinal))];

    private IReadOnlyList<string> WebNotices(string userId) =>
        [.. new TurnLog(store).History("web", userId, 50).Where(t => string.IsNullOrEmpty(t.Turn.Text)).SelectMany(t => t.Replies).Select(r => r.Text)];

    [Fact]
    public async Task The_weekly_reminder_goes_through_each_vendors_api_once_and_not_again_after_a_restart()
    {
        await Scheduler().RunOnceAsync(default);

        var dingTalk = Assert.Single(DingTalkSends());
        Assert.Equal(VendorApiStandIn.DingTalkToken, dingTalk.Token);
        Assert.Equal("dingstandin", dingTalk.Body.GetProperty("robotCode").GetString());
        Assert.Equal(["staff-zhangwei"], dingTalk.Body.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("sampleText", dingTalk.Body.GetProperty("msgKey").GetString());
        var zhang = JsonDocument.Parse(dingTalk.Body.GetProperty("msgParam").GetString()!).RootElement.GetProperty("content").GetString()!;
        Assert.StartsWith("【每周提醒】张伟，坂田街道本周待办", zhang, StringComparison.Ordinal);

        var feishu = Assert.Single(FeishuSends());
        Assert.Equal("?receive_id_type=user_id", feishu.Query);
        Assert.Equal("Bearer " + VendorApiStandIn.FeishuToken, feishu.Token);
        Assert.Equal(("liuyang01", "text"), (feishu.Body.GetProperty("receive_id").GetString(), feishu.Body.GetProperty("msg_type").GetString()));
        var liu = JsonDocument.Parse(feishu.Body.GetProperty("content").GetString()!).RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("【每周提醒】刘洋，布吉街道本周待办", liu, StringComparison.Ordinal);
        Assert.Contains("深圳市顺达快递服务有限公司", liu, StringComparison.Ordinal); // 布吉街道's unit without a party organisation in the fixture

        // Sent on their channels, so not also left in the web chat; the claims say where they went.
        Assert.Empty(WebNotices("u_zhang"));
        Assert.Empty(WebNotices("u_liu"));
        var claims = store.Read(db => db.GetCollection("notices").FindAll().ToList());
        Assert.Contains(claims, c => c["UserId"] == "u_zhang" && c["Channel"] == "dingtalk");
        Assert.Contains(claims, c => c["UserId"] == "u_liu" && c["Channel"] == "feishu");

        // Bot Framework: a new activity in 赵敏's one-to-one conversation, from the bot; 孙磊, seen only in a group, gets
        // his in the web chat.
        var teams = Assert.Single(BotFrameworkSends());
        Assert.Equal("/v3/conversations/a:1-zhaomin/activities", Uri.UnescapeDataString(teams.Path));
        Assert.Equal(("message", "bot-28", "teams-zhaomin"), (teams.Body.GetProperty("type").GetString(),
            teams.Body.GetProperty("from").GetProperty("id").GetString(), teams.Body.GetProperty("recipient").GetProperty("id").GetString()));
        Assert.False(teams.Body.TryGetProperty("replyToId", out var replyTo) && replyTo.ValueKind == JsonValueKind.String);
        Assert.StartsWith("【每周提醒】赵敏，横岗街道本周待办", teams.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("【每周提醒】孙磊，龙城街道本周待办", Assert.Single(WebNotices("u_sun")), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(3));
        await Scheduler().RunOnceAsync(default); // a new scheduler over the same store: a restart
        Assert.Single(DingTalkSends());
        Assert.Single(FeishuSends());
        Assert.Single(BotFrameworkSends());
    }

    [Fact]
    public async Task A_send_the_vendor_refuses_is_given_back_and_sent_on_the_next_run()
    {
        vendors.Refuse = true;
        await Scheduler().RunOnceAsync(default);
        Assert.Single(DingTalkSends());
        Assert.Single(FeishuSends());
        Assert.DoesNotContain(store.Read(db => db.GetCollection("notices").FindAll().ToList()), c => c["UserId"] == "u_zhang" || c["UserId"] == "u_liu");

        vendors.Refuse = false;
        clock.Advance(TimeSpan.FromMinutes(10));
        var scheduler = Scheduler();
        await scheduler.RunOnceAsync(default);
        await scheduler.RunOnceAsync(default);
        Assert.Equal(2, DingTalkSends().Count);
        Assert.Equal(2, FeishuSends().Count);
        Assert.Equal(2, BotFrameworkSends().Count);
    }
}
