using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 14, branch r14-uvoice: dictated reports and requests in other words (docs/understanding.md, round 14). Each class is
/// read over units, people, titles and scopes it was not written from: a secretary said again after a repair (the first person
/// given another role) or after a hesitation; an instructor's appointment dated by its own clauses, not by a body founded in
/// another; help asked of the tool pointed at; a figure's noun with a breakdown; a set of units named alone; members said to
/// exist and then told by their category.
/// </summary>
public sealed class VoiceInOtherWordsTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 17, 20, 0, 0, TimeSpan.FromHours(8)); // a Thursday
    private static readonly DateOnly Today = new(2026, 12, 17);

    /// <summary>A unit of the sender's street (short name, ledger name), a person, and the sender.</summary>
    public static readonly TheoryData<string, string, string, string> Units = new()
    {
        { "u_zhang", "金桥投资", "深圳市金桥投资发展有限公司", "苏文博" },
        { "u_liu", "宏图贸易", "深圳市宏图贸易有限公司", "魏晓东" },
        { "u_zhao", "智联物流", "深圳市智联物流有限公司", "钱立群" },
        { "u_sun", "书画家协会", "深圳市龙岗区书画家协会", "姚振华" },
    };

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user) =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    [Theory]
    [MemberData(nameof(Units))]
    public void A_secretary_said_again_after_a_repair_is_the_secretary(string user, string unit, string name, string person)
    {
        var surname = person[..1];
        foreach (var said in (string[])[
            $"{unit}今天单独成立了党支部 书记是{person} 哦不对 {surname}总是老板 书记是他们办公室主任严丽华",
            $"{unit}今天单独成立了党支部 书记是{surname}总 说错了 {surname}总是副书记 书记是严丽华"])
        {
            var formation = Assert.Single(Read(said, user), a => a.Kind == ActionKind.Formation);
            Assert.Equal((name, "严丽华"), (formation.Organization, formation.Secretary));
        }

        // Control: the post said once keeps its holder.
        Assert.Equal(person, Assert.Single(Read($"{unit}今天单独成立了党支部 书记是{person}", user), a => a.Kind == ActionKind.Formation).Secretary);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_secretary_after_a_hesitation_is_read(string user, string unit, string name, string person)
    {
        var formation = Assert.Single(Read($"{unit}今天单独成立了党支部 书记是 嗯 街道派的{person}", user), a => a.Kind == ActionKind.Formation);
        Assert.Equal((name, person), (formation.Organization, formation.Secretary));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void An_appointment_is_dated_by_its_own_clauses_not_by_a_body_founded_in_another(string user, string unit, string name, string person)
    {
        var actions = Read($"{unit}那边 街道派了{person}去当党建指导员 然后上周三他们把工会也建起来了", user);
        Assert.Equal(Today, Assert.Single(actions, a => a.Measure == WorkCoverageMeasure.Instructor).Date);
        Assert.Equal(new DateOnly(2026, 12, 9), Assert.Single(actions, a => a.Measure == WorkCoverageMeasure.TradeUnion).Date);

        actions = Read($"{unit} 昨天团支部成立了 街道还派了{person}去当党建指导员 今天就开始", user);
        Assert.Equal(Today, Assert.Single(actions, a => a.Measure == WorkCoverageMeasure.Instructor).Date);
        Assert.Equal(Today.AddDays(-1), Assert.Single(actions, a => a.Measure == WorkCoverageMeasure.YouthLeague).Date);

        // Control: a day said in the appointment's own clause dates it.
        var own = Assert.Single(Read($"昨天街道派了{person}去当{unit}的党建指导员", user), a => a.Measure == WorkCoverageMeasure.Instructor);
        Assert.Equal((name, Today.AddDays(-1)), (own.Organization, own.Date));
    }

    [Theory]
    [InlineData("这个咋用啊")]
    [InlineData("这玩意儿怎么用")]
    [InlineData("这个东西如何使用？")]
    [InlineData("可以帮我录点什么")]
    [InlineData("能帮我记些啥呀")]
    public void Help_asked_of_the_tool_pointed_at_is_help(string said) =>
        Assert.Equal(ActionKind.Help, Assert.Single(Read(said, "u_chen")).Kind);

    [Theory]
    [MemberData(nameof(Units))]
    public void Asking_the_bot_to_do_something_for_a_unit_is_no_help(string user, string unit, string name, string person)
    {
        _ = person;
        _ = name;
        Assert.DoesNotContain(Read($"能帮我查一下{unit}吗", user), a => a.Kind == ActionKind.Help);
        Assert.DoesNotContain(Read("这个月的走访怎么统计", user), a => a.Kind == ActionKind.Help);
    }

    [Theory]
    [InlineData("布吉本月走访按社区分一下", "布吉", ProgressMetric.Visits)]
    [InlineData("大浪这个月走访的情况 按指导员排一下", "大浪", ProgressMetric.Visits)]
    [InlineData("龙城街道本月新建党组织 按社区分一下", "龙城街道", ProgressMetric.Formations)]
    public void A_figures_noun_with_a_breakdown_asks_for_that_figure(string said, string scope, ProgressMetric metric)
    {
        var query = Assert.Single(Read(said, "u_wang"));
        Assert.Equal((ActionKind.ProgressQuery, scope, (ProgressMetric?)metric), (query.Kind, query.Scope, query.Metric));
    }

    [Fact]
    public void A_visit_told_beside_a_breakdown_is_still_a_visit() =>
        Assert.Contains(Read("今天走访了宏图贸易 按社区的要求填了表", "u_liu"), a => a.Kind == ActionKind.Visit);

    [Theory]
    [InlineData("龙城街道30人以上没党员的企业", "龙城街道")]
    [InlineData("大浪一个党员都没有的单位", "大浪")]
    public void A_set_of_units_named_alone_asks_for_that_set(string said, string scope)
    {
        var query = Assert.Single(Read(said, "u_wang"));
        Assert.Equal((ActionKind.ProgressQuery, scope, (ProgressMetric?)ProgressMetric.Unformed), (query.Kind, query.Scope, query.Metric));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Members_said_to_exist_and_told_by_category_are_found(string user, string unit, string name, string person)
    {
        _ = person;
        var found = Assert.Single(Read($"今天去了{unit} 有两个员工是党员 组织关系都在老家没转过来 算口袋的", user), a => a.Kind == ActionKind.MemberDiscovery);
        Assert.Equal((name, (int?)2, 2), (found.Organization, found.Count, found.Categories?.Pocket));

        found = Assert.Single(Read($"{unit}今天去了 有个司机是党员 关系在江西 算流动的吧", user), a => a.Kind == ActionKind.MemberDiscovery);
        Assert.Equal((name, (int?)1, 1), (found.Organization, found.Count, found.Categories?.Flowing));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_total_or_members_with_no_category_stay_an_update(string user, string unit, string name, string person)
    {
        _ = person;
        foreach (var said in (string[])[$"{unit}现在有三个党员了", $"今天去了{unit} 他们有三个党员 都挺积极"])
        {
            var update = Assert.Single(Read(said, user), a => a.Kind == ActionKind.OrgUpdate);
            Assert.Equal((name, (int?)3), (update.Organization, update.PartyMembers));
        }
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_status_with_the_ledger_asked_to_take_it_is_the_status_and_a_visit_by_finding_out_is_a_visit(string user, string unit, string name, string person)
    {
        _ = person;
        var actions = Read($"{unit}上个月就注销了 台账里标一下", user);
        Assert.DoesNotContain(actions, a => a.Kind == ActionKind.OrgLookup);
        Assert.Equal((name, (OperatingStatus?)OperatingStatus.Deregistered), Assert.Single(actions, a => a.Kind == ActionKind.OrgUpdate) is var update ? (update.Organization, update.Status) : default);

        actions = Read($"{unit}今天按地址去找了 根本没这家 是个空壳", user);
        Assert.Equal(name, Assert.Single(actions, a => a.Kind == ActionKind.Visit).Organization);
        Assert.Equal(OperatingStatus.Shell, Assert.Single(actions, a => a.Kind == ActionKind.OrgUpdate).Status);

        // Control: the card asked for with no status said is a lookup.
        Assert.Equal(name, Assert.Single(Read($"{unit}的台账调出来我看一下", user), a => a.Kind == ActionKind.OrgLookup).Organization);
    }
}
