using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 13, branch r13-uroles: three classes read over units, names, titles and wordings they were not written from
/// (docs/understanding.md, round 13): a person named after a phrase that describes them (titles, places, 的, a nickname
/// before the full name; a task handed with 交给, a post changed with 换成, 把…定成), a figure said after a unit whose
/// name holds a staff noun (阳光社工 五个党员: 社工 of the name takes no figure), and a real word heard for a campaign term
/// in the slot the term fills (功能性党支部, 书籍是店长 叫…, 公会 with a day between it and its verb).
/// </summary>
public sealed class RoleClassesTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 17, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Short name and ledger name (none of them the units the classes were read from in aa–ac or the own batch).</summary>
    public static readonly TheoryData<string, string> Units = new()
    {
        { "青禾文化", "深圳市青禾文化传媒有限公司" },
        { "金桥投资", "深圳市金桥投资发展有限公司" },
        { "明税税务所", "深圳市明税税务师事务所有限公司" },
        { "宏图贸易", "深圳市宏图贸易有限公司" },
    };

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    private static UnderstoodAction One(string text, ActionKind kind, string name) =>
        Assert.Single(Read(text), a => a.Kind == kind && a.Organization == name);

    [Theory]
    [MemberData(nameof(Units))]
    public void A_secretary_described_by_a_title_before_a_pause_is_the_name_after_it(string unit, string name)
    {
        Assert.Equal("戴春燕", One($"{unit}今天单独成立了党支部 党员五个 书记是他们的财务总监，叫戴春燕", ActionKind.Formation, name).Secretary);
        Assert.Equal("韦宏伟", One($"{unit}今天单独成立了党支部，党员三个，书记是办公室主任 叫韦宏伟", ActionKind.Formation, name).Secretary);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void An_instructor_named_after_a_nickname_is_the_full_name(string unit, string name)
    {
        Assert.Equal("贺晓东", One($"{unit}的指导员换成小贺，贺晓东，从今天开始", ActionKind.WorkCoverage, name).Person);
        Assert.Equal("温建平", One($"{unit}的指导员定了 派社区的老温 温建平 今天就去", ActionKind.WorkCoverage, name).Person);
        // A full name of another surname is no nickname's: not read as its holder.
        Assert.NotEqual("王立新", One($"{unit}的指导员定了 派社区的小温 王立新 今天就去", ActionKind.WorkCoverage, name).Person);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_holder_after_a_title_chain_or_a_handing_verb_is_read(string unit, string name)
    {
        Assert.Equal("倪红梅", One($"今天街道安排了社区党建专干倪红梅当{unit}的党建指导员", ActionKind.WorkCoverage, name).Person);
        Assert.Equal("柯志勇", One($"{unit}的一对一帮扶交给街道的柯志勇了", ActionKind.Pairing, name).Secretary);
        Assert.Equal("张伟", One($"{unit}那边 今天把我定成他们的党建指导员了", ActionKind.WorkCoverage, name).Person);
    }

    [Theory]
    [InlineData("六", "四十五", 6, 45)]
    [InlineData("三", "二十八", 3, 28)]
    [InlineData("十二", "一百五十", 12, 150)]
    public void A_staff_noun_inside_a_units_name_takes_no_figure(string membersSaid, string employeesSaid, int members, int employees)
    {
        var said = $"阳光社工 {membersSaid}个党员 {employeesSaid}个员工 你看应该怎么建";
        var advice = One(said, ActionKind.FormationAdvice, "深圳市龙岗区阳光社工服务中心");
        Assert.Equal((members, employees), (advice.PartyMembers, advice.Employees));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_real_word_in_the_slot_of_a_campaign_term_is_the_term(string unit, string name)
    {
        Assert.Equal(FormationMethod.Functional, One($"{unit}今天成立了功能性党支部 党员四个", ActionKind.Formation, name).Method);
        Assert.Equal("鲁文清", One($"{unit}今天单独成立了党支部 党员四个 书籍是总经理 叫鲁文清", ActionKind.Formation, name).Secretary);
        Assert.Equal(WorkCoverageMeasure.TradeUnion, One($"{unit}目前没有党员，他们的公会这周三也已经成立了", ActionKind.WorkCoverage, name).Measure);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void The_real_word_out_of_the_slot_stays_itself(string unit, string name)
    {
        Assert.DoesNotContain(Read($"今天去了{unit} 送了几本党建书籍 员工八十个"), a => a.Secretary is not null);
        Assert.DoesNotContain(Read($"今天去了{unit} 他们的产品功能性很强"), a => a.Kind == ActionKind.Formation);
        Assert.Contains(Read($"今天去了{unit} 送了几本党建书籍"), a => a.Kind == ActionKind.Visit && a.Organization == name);
    }
}
