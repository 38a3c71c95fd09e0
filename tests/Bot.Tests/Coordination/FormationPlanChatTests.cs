using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Coordination;

/// <summary>
/// 一企一策 and the monthly report by chat, over the real host and a real LiteDB file (the Bot Framework client's day is
/// Wednesday 2026-11-18). Which units must form is counted here from tests/data/ledger.csv by 002's thresholds, not by the
/// product's code.
/// </summary>
public sealed class FormationPlanChatTests : IDisposable
{
    private static readonly Jurisdiction Bantian = new("龙岗区", "坂田街道");
    private readonly BotHost host = new();
    private readonly BotFrameworkClient bot;

    public FormationPlanChatTests()
    {
        var bindings = host.Services.GetRequiredService<ChannelBindings>();
        foreach (var user in (string[])["u_wang", "u_zhang", "u_liu"])
        {
            bindings.BindAsync(user, "botframework", "bf-" + user, CancellationToken.None).GetAwaiter().GetResult();
        }

        bot = new BotFrameworkClient(host.CreateClient());
    }

    public void Dispose() => host.Dispose();

    /// <summary>应建未建 of a street, from the ledger file: in the base (正常), 未建, and ≥3 members, or an enterprise of ≥100 staff, or a 律师/会计师/税务师 unit of ≥30.</summary>
    private static List<string> MustForm(string street) =>
    [
        .. File.ReadAllLines(BotHost.DataFile("ledger.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Where(f => f[6] == street && f[11] == "未建" && f[15] == "正常")
            .Where(f => int.Parse(f[10], System.Globalization.CultureInfo.InvariantCulture) >= 3
                || (f[3] == "非公企业" && int.Parse(f[9], System.Globalization.CultureInfo.InvariantCulture) >= 100)
                || (f[4].Contains("师事务所", StringComparison.Ordinal) && int.Parse(f[9], System.Globalization.CultureInfo.InvariantCulture) >= 30))
            .Select(f => f[1])
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public async Task A_plan_said_in_its_explicit_form_is_recorded_with_measures_deadline_and_person_and_can_be_undone()
    {
        var reply = string.Join("\n", await bot.SayAsync("bf-u_zhang", "云启科技计划：12月底前发展1名党员转正后单独组建，责任人张伟"));

        Assert.Contains("已记录", reply, StringComparison.Ordinal);
        Assert.Contains("深圳市云启科技有限公司 一企一策：措施：发展1名党员转正后单独组建；时限：2026年12月31日前；责任人：张伟", reply, StringComparison.Ordinal);
        var plan = Assert.Single(host.Store.FormationPlans(Bantian)).Value;
        Assert.Equal((host.Organization("深圳市云启科技有限公司").Id, "发展1名党员转正后单独组建", new DateOnly(2026, 12, 31), "张伟", "u_zhang"),
            (plan.OrganizationId, plan.Measures, plan.Due, plan.Person, plan.ReportedBy));
        Assert.Contains(host.Store.AuditOf("u_zhang"), e => e.Action == "record" && e.Records.Any(r => r.Kind == FormationPlan.KindName));

        Assert.Contains("已撤销", string.Join("\n", await bot.SayAsync("bf-u_zhang", "撤销")), StringComparison.Ordinal);
        Assert.Empty(host.Store.FormationPlans(Bantian));
    }

    [Fact]
    public async Task A_later_plan_for_the_same_unit_replaces_the_earlier_one()
    {
        await bot.SayAsync("bf-u_zhang", "云启科技计划：12月底前单独组建，责任人张伟");
        await bot.SayAsync("bf-u_zhang", "给云启科技定个一企一策：先选派指导员，联合组建，12月15日前完成，责任人李明");

        var plan = Assert.Single(host.Store.FormationPlans(Bantian)).Value;
        Assert.Equal(("先选派指导员，联合组建", new DateOnly(2026, 12, 15), "李明"), (plan.Measures, plan.Due, plan.Person));
    }

    [Theory]
    [InlineData("工会下礼拜成立")]
    [InlineData("云启科技计划下周成立党支部")]
    [InlineData("准备下周去云启科技")]
    [InlineData("云启科技下个月计划组建党支部")]
    public async Task A_plan_said_in_passing_records_nothing(string message)
    {
        await bot.SayAsync("bf-u_zhang", message);

        Assert.Empty(host.Store.FormationPlans(Bantian));
        Assert.Empty(host.Store.RecordsBy("u_zhang"));
    }

    [Fact]
    public async Task A_plan_for_a_unit_outside_the_senders_jurisdiction_is_refused_and_nothing_is_written()
    {
        var reply = string.Join("\n", await bot.SayAsync("bf-u_zhang", "给顺达快递定个一企一策：联合组建，12月30日前完成，责任人张伟"));

        Assert.Contains("不在您的辖区", reply, StringComparison.Ordinal);
        Assert.Empty(host.Store.FormationPlans(Jurisdiction.Everywhere));
    }

    [Fact]
    public async Task Units_without_a_plan_and_overdue_plans_are_listed_against_the_ledgers_own_count()
    {
        var mustForm = MustForm("坂田街道");
        Assert.Equal(3, mustForm.Count); // the fixture's 应建未建 in 坂田街道, as CLI.md's report example lists them
        await bot.SayAsync("bf-u_zhang", "云启科技计划：12月底前单独组建，责任人张伟");
        await bot.SayAsync("bf-u_zhang", "优品连锁一企一策：发展党员后单独组建，11月10日前完成，责任人张伟");

        var missing = Assert.Single(await bot.SayAsync("bf-u_zhang", "哪些单位还没有一企一策"));
        var expectedMissing = mustForm.Except(["深圳市云启科技有限公司", "深圳市优品连锁超市有限公司"]).ToList();
        Assert.StartsWith($"坂田街道 尚未制定一企一策的应建未建单位 {expectedMissing.Count} 家（应建未建 {mustForm.Count} 家，已制定一企一策 2 家）", missing, StringComparison.Ordinal);
        foreach (var unit in expectedMissing)
        {
            Assert.Contains(unit, missing, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("云启", missing, StringComparison.Ordinal);

        // 11月10日 to 11月18日: 8 days late.
        var overdue = Assert.Single(await bot.SayAsync("bf-u_zhang", "逾期的计划"));
        Assert.Contains("逾期未完成的一企一策 1 个", overdue, StringComparison.Ordinal);
        Assert.Contains("深圳市优品连锁超市有限公司：措施：发展党员后单独组建；时限：2026年11月10日前；责任人：张伟（逾期 8 天）", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("云启", overdue, StringComparison.Ordinal);

        var card = Assert.Single(await bot.SayAsync("bf-u_zhang", "云启科技的一企一策"));
        Assert.Contains("一企一策：措施：单独组建；时限：2026年12月31日前；责任人：张伟（按期推进）", card, StringComparison.Ordinal);
        Assert.Contains("一企一策：未制定", Assert.Single(await bot.SayAsync("bf-u_zhang", "正衡律师事务所的一企一策")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_report_is_made_by_chat_for_the_askers_scope_and_a_scope_outside_it_is_refused_by_name()
    {
        var rows = File.ReadAllLines(BotHost.DataFile("ledger.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Where(f => f[6] == "坂田街道" && f[15] == "正常").ToList();
        var covered = rows.Count(f => f[11] != "未建");

        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", "导出11月进度报表"));

        Assert.StartsWith($"坂田街道 2026年11月进度报表已生成：党的组织覆盖 {covered} → {covered} 家（党建基数 {rows.Count}，", reply, StringComparison.Ordinal);
        Assert.Contains("进度报表-坂田街道-202611.xlsx", reply, StringComparison.Ordinal);

        var refused = Assert.Single(await bot.SayAsync("bf-u_zhang", "导出布吉街道上个月的进度报表"));
        Assert.StartsWith("“布吉街道”不在您的辖区", refused, StringComparison.Ordinal);

        var district = Assert.Single(await bot.SayAsync("bf-u_wang", "导出上个月的进度报表"));
        Assert.StartsWith("龙岗区 2026年10月进度报表已生成", district, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_on_Bot_Framework_keeps_its_conversation_reference_for_the_scheduler()
    {
        var conversations = host.Services.GetRequiredService<InstructorBot.Bot.Channels.BotFramework.BotFrameworkConversations>();
        Assert.Null(conversations.Find("bf-u_wang"));

        await bot.SayAsync("bf-u_wang", "你好");

        var reference = conversations.Find("bf-u_wang");
        Assert.NotNull(reference);
        Assert.Equal("http://127.0.0.1:9/", reference.ServiceUrl);
        Assert.False(string.IsNullOrEmpty(reference.ConversationId));
    }
}
