using InstructorBot.Bot.Channels.WeCom;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Coordination;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InstructorBot.Bot.Tests.Coordination;

/// <summary>
/// The proactive scheduler on a fake clock over a real LiteDB file with the fixture ledger and users: the coordinator
/// u_wang (龙岗区) and the instructor u_zhang (坂田街道) are bound to 企业微信, the other instructors to no channel (their
/// messages go to the web chat). Calendar: 003's (reporting on the 10th and 25th); reminders on Mondays from 08:30.
/// Expected figures are counted in the test from the ledger's organisations, not by the code under test.
/// </summary>
public sealed class ProactiveSchedulerTests : IDisposable
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "instructorbot-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 9, 7, 0, 0, China));
    private readonly RecordingWeCom weCom = new();
    private readonly SchedulerOptions settings = new();
    private InstructorStore store;

    public ProactiveSchedulerTests()
    {
        Directory.CreateDirectory(folder);
        store = InstructorStore.Open(DatabasePath, clock);
        store.ImportLedgerAsync(FixtureLedgerFile("ledger.csv")).GetAwaiter().GetResult();
        store.ImportUsersAsync(FixtureLedgerFile("users.csv")).GetAwaiter().GetResult();
        Bind("u_wang", "WangQiang");
        Bind("u_zhang", "ZhangWei");
    }

    private string DatabasePath => Path.Combine(folder, "bot.db");

    private static string FixtureLedgerFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private void Bind(string userId, string weComId) => Bind(store, userId, weComId);

    private static void Bind(InstructorStore on, string userId, string weComId) =>
        on.SaveUserAsync(on.FindUser(userId)! with { ChannelIdentities = [new ChannelIdentity("wecom", weComId)] }).GetAwaiter().GetResult();

    /// <param name="on">Another store than the test's (a second host on the same PostgreSQL database).</param>
    private ProactiveScheduler Scheduler(InstructorBot.Bot.Charts.CoverageChart? charts = null, InstructorStore? on = null)
    {
        var store = on ?? this.store;
        var calendar = new CampaignCalendar(CampaignCalendarOptions.Wuhan003(), 2026);
        var log = new NoticeLog(store);
        var weComOptions = Options.Create(new WeComOptions { Token = "t", EncodingAESKey = "k", CorpId = "ww1", AgentId = 1000002, Secret = "s" });
        return new ProactiveScheduler(
            store, log, new NoticeDelivery(new TurnLog(store), weCom, weComOptions), new NoticeComposer(store, calendar, log),
            new ReminderPreferences(store, clock), calendar, Options.Create(settings), clock, NullLogger<ProactiveScheduler>.Instance, charts);
    }

    private void At(int month, int day, int hour, int minute = 0) => clock.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, China));

    private IReadOnlyList<string> WebNotices(string userId) =>
        [.. new TurnLog(store).History("web", userId, 50).Where(t => string.IsNullOrEmpty(t.Turn.Text)).SelectMany(t => t.Replies).Select(r => r.Text)];

    private (int Base, int Covered) Count(string? street = null)
    {
        var units = store.Organizations().Where(o => o.District == "龙岗区" && (street is null || o.Street == street) && o.Status == OperatingStatus.Normal).ToList();
        return (units.Count, units.Count(o => o.PartyOrganization.Kind != PartyOrganizationKind.None));
    }

    [Fact]
    public async Task A_digest_goes_to_the_coordinator_on_a_reporting_day_from_the_sending_time_once()
    {
        var scheduler = Scheduler();

        At(11, 9, 9);
        await scheduler.RunOnceAsync(default); // a Monday, not a reporting day: reminders only
        Assert.Empty(weCom.To("WangQiang"));

        At(11, 10, 8, 29);
        Assert.Equal(0, await scheduler.RunOnceAsync(default)); // before 08:30

        At(11, 10, 8, 31);
        await scheduler.RunOnceAsync(default);
        var digest = Assert.Single(weCom.To("WangQiang"));
        var (total, covered) = Count();
        Assert.StartsWith("【报送日汇总】龙岗区 11月10日", digest, StringComparison.Ordinal);
        Assert.Contains($"组织覆盖率 {100.0 * covered / total:0.0}%（{covered}/{total}）", digest, StringComparison.Ordinal);
        Assert.Contains("（依据：《武汉市", digest, StringComparison.Ordinal);
        Assert.Contains("发送“不要提醒”可停止接收", digest, StringComparison.Ordinal);

        At(11, 10, 17);
        Assert.Equal(0, await scheduler.RunOnceAsync(default));
        At(11, 11, 9); // the day after: the 10th's digest is not sent again
        Assert.Equal(0, await scheduler.RunOnceAsync(default));
        At(11, 24, 9);
        await scheduler.RunOnceAsync(default);
        Assert.Single(weCom.To("WangQiang"));
        Assert.Empty(WebNotices("u_wang")); // bound to 企业微信: not also in the web chat
    }

    [Fact]
    public async Task The_digest_names_the_plans_past_their_deadline_and_leaves_out_those_on_time_or_done()
    {
        Organization Unit(string name) => store.FindOrganizationByName(name)!;
        var day = new DateOnly(2026, 11, 1);
        await store.RecordAsync("u_zhang", new FormationPlan { OrganizationId = Unit("深圳市优品连锁超市有限公司").Id, Date = day, Measures = "发展党员后单独组建", Due = new DateOnly(2026, 11, 20), Person = "张伟" });
        await store.RecordAsync("u_zhang", new FormationPlan { OrganizationId = Unit("广东正衡律师事务所").Id, Date = day, Measures = "联合组建", Due = new DateOnly(2026, 11, 30) });
        await store.RecordAsync("u_zhang", new FormationPlan { OrganizationId = Unit("深圳市云启科技有限公司").Id, Date = day, Measures = "单独组建", Due = new DateOnly(2026, 11, 15) });
        await store.RecordAsync("u_zhang", new Formation { OrganizationId = Unit("深圳市云启科技有限公司").Id, Date = new DateOnly(2026, 11, 14), Method = FormationMethod.Single, Members = 6 });

        At(11, 25, 9);
        await Scheduler().RunOnceAsync(default);

        // 优品: due 11月20日, 5 days late on the 25th; 正衡: due later; 云启: formed, so done whatever its deadline.
        var digest = Assert.Single(weCom.To("WangQiang"));
        Assert.Contains("逾期一企一策 1 个：深圳市优品连锁超市有限公司（时限 11月20日，已逾期 5 天，责任人 张伟）", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("正衡律师事务所（时限", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_digest_says_what_changed_and_names_the_units_struck_off_since()
    {
        var scheduler = Scheduler();
        At(11, 10, 9);
        await scheduler.RunOnceAsync(default);
        var (total, covered) = Count();
        var yunqi = store.FindOrganizationByName("深圳市云启科技有限公司")!;
        Assert.Equal(PartyOrganizationKind.None, yunqi.PartyOrganization.Kind);
        await store.RecordAsync("u_zhang", new Formation { OrganizationId = yunqi.Id, Date = new DateOnly(2026, 11, 12), Method = FormationMethod.Single, Members = 6 });

        At(11, 25, 9);
        await scheduler.RunOnceAsync(default);

        var second = weCom.To("WangQiang")[1];
        Assert.StartsWith("【报送日汇总】龙岗区 11月25日", second, StringComparison.Ordinal);
        Assert.Contains($"组织覆盖率 {100.0 * (covered + 1) / total:0.0}%（{covered + 1}/{total}），+1 家", second, StringComparison.Ordinal);
        Assert.Contains("（变化为较上次汇总 11月10日）", second, StringComparison.Ordinal);
        Assert.Contains("本期销号（11月10日后组建）1 家：深圳市云启科技有限公司（11月12日 单独组建）", second, StringComparison.Ordinal);
        Assert.Contains("应建未建剩余", second, StringComparison.Ordinal);
        Assert.DoesNotContain("应建未建剩余 0", second, StringComparison.Ordinal);
        Assert.Contains("−1 家：", second, StringComparison.Ordinal); // 云启 (6 members) left the 应建未建 list
    }

    [Fact]
    public async Task Each_instructor_is_reminded_once_a_week_of_uncovered_units_not_visited_for_30_days()
    {
        var scheduler = Scheduler();
        var qinghe = store.FindOrganizationByName("深圳市青禾文化传媒有限公司")!;
        var lanhai = store.FindOrganizationByName("深圳市蓝海跨境电子商务有限公司")!;
        await store.RecordAsync("u_zhang", new Visit { OrganizationId = qinghe.Id, Date = new DateOnly(2026, 11, 2) });  // 14 days before: not listed
        await store.RecordAsync("u_zhang", new Visit { OrganizationId = lanhai.Id, Date = new DateOnly(2026, 10, 1) }); // 46 days before: listed

        At(11, 16, 9); // Monday
        await scheduler.RunOnceAsync(default);

        var reminder = Assert.Single(weCom.To("ZhangWei"));
        var expected = store.Organizations()
            .Where(o => o.Street == "坂田街道" && o.Status == OperatingStatus.Normal && o.PartyOrganization.Kind == PartyOrganizationKind.None && o.Id != qinghe.Id)
            .Select(o => o.Name).ToList();
        Assert.StartsWith("【每周提醒】张伟，坂田街道本周待办：", reminder, StringComparison.Ordinal);
        Assert.Contains($"30 天内未走访的未建党组织单位 {expected.Count} 家：", reminder, StringComparison.Ordinal);
        Assert.All(expected, name => Assert.Contains(name, reminder, StringComparison.Ordinal));
        Assert.Contains("深圳市蓝海跨境电子商务有限公司（上次 10月1日）", reminder, StringComparison.Ordinal);
        Assert.DoesNotContain("青禾", reminder.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("组建截止（11月20日，还有 4 天）前组建", reminder, StringComparison.Ordinal);

        // Instructors bound to no channel find theirs in the web chat, once.
        Assert.StartsWith("【每周提醒】刘洋，布吉街道本周待办：", Assert.Single(WebNotices("u_liu")), StringComparison.Ordinal);

        At(11, 17, 9);
        await scheduler.RunOnceAsync(default);
        At(11, 22, 20); // Sunday, same ISO week
        await scheduler.RunOnceAsync(default);
        Assert.Single(weCom.To("ZhangWei"));
        Assert.Single(WebNotices("u_liu"));

        At(11, 23, 9); // next Monday
        await scheduler.RunOnceAsync(default);
        Assert.Equal(2, weCom.To("ZhangWei").Count);
        Assert.Equal(2, WebNotices("u_liu").Count);
    }

    [Fact]
    public async Task A_host_down_on_the_reminder_day_sends_it_on_its_first_run_later_that_week()
    {
        At(11, 18, 10); // Wednesday; Monday and Tuesday passed without a run
        await Scheduler().RunOnceAsync(default);

        Assert.Single(weCom.To("ZhangWei"));
    }

    [Fact]
    public async Task Each_message_goes_once_across_a_restart_on_the_same_database_file()
    {
        At(11, 10, 9); // a reporting day (the digest) in a week whose reminders are due (Tuesday)
        var instructors = store.Users().Count(u => u.Role == UserRole.Instructor);
        Assert.Equal(1 + instructors, await Scheduler().RunOnceAsync(default));

        // Restart: the process lets go of the file and a new one opens it.
        store.Dispose();
        store = InstructorStore.Open(DatabasePath, clock);
        At(11, 10, 9, 30);
        Assert.Equal(0, await Scheduler().RunOnceAsync(default));
        At(11, 11, 9); // within the digest's catch-up and the same week
        Assert.Equal(0, await Scheduler().RunOnceAsync(default));

        Assert.Single(weCom.To("WangQiang"));
        Assert.Single(weCom.To("ZhangWei"));
        Assert.Single(WebNotices("u_liu"));
        var notices = new NoticeLog(store).Of("u_zhang");
        Assert.Equal(NoticeState.Sent, Assert.Single(notices).State);
        Assert.Equal(("visit_reminder", "2026-W46", "wecom"), (notices[0].Kind, notices[0].Period, notices[0].Channel));
    }

    /// <summary>
    /// LiteDB: two schedulers on the one store of the process. PostgreSQL: two hosts, each with its store and scheduler,
    /// on one database: the notice's unique key (documents_notice_key) lets one claim through.
    /// </summary>
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Two_schedulers_racing_send_each_message_once(StoreEngineKind engine)
    {
        weCom.Delay = TimeSpan.FromMilliseconds(20);
        At(11, 16, 9); // a Monday: reminders to every instructor with something to do
        var database = engine == StoreEngineKind.Postgres ? PostgresCluster.Instance.CreateDatabase() : null;
        InstructorStore? other = null;
        try
        {
            if (database is not null)
            {
                store.Dispose();
                var options = new StoreOptions { Engine = StoreEngineKind.Postgres, ConnectionString = database };
                store = InstructorStore.Open(options, clock);
                await store.ImportLedgerAsync(FixtureLedgerFile("ledger.csv"));
                await store.ImportUsersAsync(FixtureLedgerFile("users.csv"));
                Bind("u_wang", "WangQiang");
                Bind("u_zhang", "ZhangWei");
                other = InstructorStore.Open(options, clock);
            }

            var first = Scheduler();
            var second = Scheduler(on: other);

            var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).RunOnceAsync(default))));

            var instructors = store.Users().Count(u => u.Role == UserRole.Instructor);
            Assert.Equal(instructors, sent.Sum());
            Assert.Single(weCom.To("ZhangWei"));
            Assert.All(store.Users().Where(u => u.Role == UserRole.Instructor && u.Id != "u_zhang"), u => Assert.Single(WebNotices(u.Id)));
            Assert.All(store.Users().Where(u => u.Role == UserRole.Instructor), u => Assert.Equal(NoticeState.Sent, Assert.Single(new NoticeLog(store).Of(u.Id)).State));
        }
        finally
        {
            other?.Dispose();
            if (database is not null)
            {
                store.Dispose();
                PostgresCluster.Instance.DropDatabase(database);
                store = InstructorStore.Open(DatabasePath, clock);
            }
        }
    }

    [Fact]
    public async Task A_user_who_said_no_reminders_gets_none_until_they_resume()
    {
        var preferences = new ReminderPreferences(store, clock);
        await preferences.SetAsync("u_zhang", enabled: false, default);
        await preferences.SetAsync("u_wang", enabled: false, default);
        var scheduler = Scheduler();

        At(11, 10, 9); // a reporting day in a week whose reminders are due
        await scheduler.RunOnceAsync(default);
        Assert.Empty(weCom.Sent);
        Assert.Single(WebNotices("u_liu")); // the others still get theirs

        await preferences.SetAsync("u_zhang", enabled: true, default);
        At(11, 10, 10);
        await scheduler.RunOnceAsync(default);
        Assert.Single(weCom.To("ZhangWei"));
        Assert.Empty(weCom.To("WangQiang"));
    }

    [Fact]
    public async Task A_message_the_channel_refused_is_sent_at_the_next_run_and_then_not_again()
    {
        weCom.Refuse = 1;
        At(11, 10, 9);
        var scheduler = Scheduler();

        await scheduler.RunOnceAsync(default);
        Assert.Empty(weCom.To("WangQiang"));
        Assert.Empty(new NoticeLog(store).Of("u_wang")); // the claim was given back

        clock.Advance(settings.Interval);
        await scheduler.RunOnceAsync(default);
        clock.Advance(settings.Interval);
        await scheduler.RunOnceAsync(default);
        Assert.Single(weCom.To("WangQiang"));
    }

    [Fact]
    public async Task A_claim_is_unique_per_user_kind_and_period_in_the_store_itself()
    {
        var log = new NoticeLog(store);
        var notice = new Notice { UserId = "u_zhang", Kind = NoticeKinds.VisitReminder, Period = "2026-W47" };

        Assert.NotNull(await log.ClaimAsync(notice, default));
        Assert.Null(await log.ClaimAsync(notice, default));
        Assert.NotNull(await log.ClaimAsync(notice with { UserId = "U_ZHANG" }, default)); // another user, though the database ignores case
        Assert.NotNull(await log.ClaimAsync(notice with { Period = "2026-W48" }, default));
        Assert.NotNull(await log.ClaimAsync(notice with { Kind = NoticeKinds.Digest }, default));

        // The index itself refuses a duplicate written past the claim's check.
        var duplicate = await Assert.ThrowsAsync<LiteDB.LiteException>(() => store.WriteAsync(db =>
            db.GetCollection<Notice>(NoticeLog.Collection).Insert(notice with { Key = NoticeLog.Key("u_zhang", NoticeKinds.VisitReminder, "2026-W47") })));
        Assert.Equal(LiteDB.LiteException.INDEX_DUPLICATE_KEY, duplicate.ErrorCode);
    }

    [Fact]
    public async Task A_digest_in_the_web_chat_carries_the_coverage_chart_of_the_streets_as_a_png_kept_with_the_message()
    {
        await store.SaveUserAsync(store.FindUser("u_wang")! with { ChannelIdentities = [] });
        At(11, 10, 9);

        await Scheduler(new InstructorBot.Bot.Charts.CoverageChart(new InstructorBot.Store.Figures.CoverageCalculator())).RunOnceAsync(default);

        var reply = Assert.Single(new TurnLog(store).History("web", "u_wang", 50)).Replies.Single();
        Assert.StartsWith("【报送日汇总】龙岗区", reply.Text, StringComparison.Ordinal);
        var attachment = reply.Attachment!;
        Assert.Equal("image/png", attachment.ContentType);
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, attachment.Url, StringComparison.Ordinal);
        var png = Convert.FromBase64String(attachment.Url[prefix.Length..]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.True(png.Length > 2000, $"a chart of some size, got {png.Length} bytes");
        Assert.Empty(weCom.To("WangQiang"));
    }
}
