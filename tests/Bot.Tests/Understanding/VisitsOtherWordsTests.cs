using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 17, branch r17-uvisit: visits and formations said in other words (docs/understanding.md, round 17). Talk about
/// forming (聊了聊建支部的事) and a negated potential (建不了) set up no body; a walk through named units (走了A和B) is a round
/// of visits; visits told before 都报过了 or 非本人 are not recorded now, those after stay; a host said as a place
/// (挂靠到X那边) is neither a unit of the body nor visited; 几家 opening a report is no question; 党委下面那个联合党支部 is a
/// branch. Units and wordings other than the evidence's and the branch batch's where the ledger allows, with controls.
/// </summary>
public sealed class VisitsOtherWordsTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 18, 17, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Short name and ledger name.</summary>
    public static readonly TheoryData<string, string> Units = new()
    {
        { "云启科技", "深圳市云启科技有限公司" },
        { "电商协会", "深圳市龙岗区电子商务协会" },
        { "正衡律所", "广东正衡律师事务所" },
        { "美好时光家政", "深圳市美好时光家政服务有限公司" },
    };

    private static UnderstandingResult Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now);

    private static List<UnderstoodAction> Of(string text, ActionKind kind) => [.. Read(text).Actions.Where(a => a.Kind == kind)];

    [Theory]
    [MemberData(nameof(Units))]
    public void Talk_about_forming_and_a_negated_potential_set_up_no_body(string unit, string name)
    {
        Assert.Empty(Of($"今天去{unit}跟负责人商量了商量成立党支部的事", ActionKind.Formation));
        Assert.Empty(Of($"{unit}一时半会儿建不起来支部 人太少", ActionKind.Formation));
        Assert.Equal(name, Assert.Single(Of($"{unit}今天把党支部建起来了", ActionKind.Formation)).Organization);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_walk_through_named_units_is_a_round_of_visits(string unit, string name)
    {
        var visits = Of($"上午走了{unit}和宏图贸易 都没碰上老板", ActionKind.Visit);
        Assert.Contains(visits, v => v.Organization == name);
        Assert.Contains(visits, v => v.Organization == "深圳市宏图贸易有限公司");
        Assert.Empty(Of($"{unit}的党员走了两个", ActionKind.Visit));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Visits_disowned_after_them_are_not_recorded_and_those_after_stay(string unit, string name)
    {
        var visits = Of($"周一去了{unit} 周二去了宏图贸易 这俩之前都报过了 周三还去了智联物流 忘了报", ActionKind.Visit);
        Assert.Equal("深圳市智联物流有限公司", Assert.Single(visits).Organization);
        Assert.Empty(Of($"社区的小李昨天去过{unit}了（非本人走访，仅作参考）", ActionKind.Visit));
        Assert.Equal(name, Assert.Single(Of($"昨天去过{unit}了 跟老板聊了一会儿", ActionKind.Visit)).Organization);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_host_said_as_a_place_is_no_unit_and_nobody_went_there(string unit, string name)
    {
        var read = Read($"宏图贸易只有一个党员 今天挂靠到{unit}那边 成立了联合党支部");
        var formation = Assert.Single(read.Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal("深圳市宏图贸易有限公司", formation.Organization);
        Assert.DoesNotContain(name, formation.Units ?? []);
        Assert.DoesNotContain(read.Actions, a => a.Kind == ActionKind.Visit && a.Organization == name);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Several_units_opening_a_report_are_no_question(string unit, string name)
    {
        var formation = Assert.Single(Of($"几家小公司的流动党员组了个功能型党支部，依托{unit}，书记张明", ActionKind.Formation));
        Assert.Equal(name, formation.Organization);
        Assert.Empty(Of($"{unit}附近几家单位建了党支部？", ActionKind.Formation));
    }

    [Fact]
    public void A_body_below_a_committee_said_with_a_demonstrative_is_a_branch()
    {
        var formation = Assert.Single(Of("宏图贸易今天挂到布吉社区党委下面那个联合党支部了", ActionKind.Formation));
        Assert.Equal(PartyOrganizationLevel.Branch, formation.Level);
    }
}
