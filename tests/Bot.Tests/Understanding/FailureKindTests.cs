using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// The sealed sets' failure kinds read in their general form (branch r3-kinds): what the case files do not show, the
/// confirmation a weaker reading carries, and the readings that must not fire.
/// </summary>
public sealed class FailureKindTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations());

    private UnderstandingResult Understand(string text, string user = "u_zhang") => understanding.Understand(text, FixtureLedger.Users()[user], Now);

    [Fact]
    public void A_visit_read_from_a_stay_alone_is_asked_before_it_is_written()
    {
        var visit = Assert.Single(Understand("今天上午一直在恒信建筑，开了个座谈会").Actions, a => a.Kind == ActionKind.Visit);
        Assert.Equal("深圳市恒信建筑工程有限公司", visit.Organization);
        Assert.True(visit.Doubtful);

        var said = Assert.Single(Understand("今天走访了恒信建筑").Actions);
        Assert.False(said.Doubtful); // a visit verb needs no confirmation
    }

    [Theory]
    [InlineData("一整天都在开会")]
    [InlineData("党员关系都在华鼎精密")]
    public void A_stay_that_is_no_visit_records_nothing(string text) =>
        Assert.DoesNotContain(Understand(text).Actions, a => a.Kind == ActionKind.Visit);

    [Fact]
    public void Members_said_to_be_hired_are_a_doubtful_hired_discovery_not_a_total()
    {
        var found = Assert.Single(Understand("启航外国语学校新来的老师里有两名是党员，都是这学期招聘进来的").Actions);
        Assert.Equal((ActionKind.MemberDiscovery, 2, 2), (found.Kind, found.Count, found.Categories!.Hired));
        Assert.True(found.Doubtful);
    }

    [Fact]
    public void Finds_at_one_unit_in_one_report_add_up_and_finds_at_two_units_do_not()
    {
        var one = Assert.Single(Understand("美好时光家政招进来一名党员，另外还亮出来一名隐形的").Actions);
        Assert.Equal((2, 1, 1), (one.Count, one.Categories!.Hired, one.Categories.Hidden));

        var two = Understand("云启科技发现1名流动党员，青禾文化发现2名口袋党员").Actions;
        Assert.Equal([1, 2], two.Where(a => a.Kind == ActionKind.MemberDiscovery).Select(a => a.Count));
    }

    [Theory]
    [InlineData("智联物流130人，一个党员没有", 0)]
    [InlineData("蓝海电商员工六十个，党员还是一个没有", 0)]
    [InlineData("青禾文化有一个党员没有亮明身份", 1)]
    public void One_then_a_negation_closing_the_clause_is_none(string text, int members)
    {
        var figures = Understand(text).Actions.Select(a => a.PartyMembers ?? a.Count).Where(v => v is not null);
        Assert.Equal(members, figures.First());
    }

    [Fact]
    public void The_leading_unit_is_no_unit_and_its_mode_is_leading()
    {
        var formation = Assert.Single(Understand("星辰半导体带领华鼎物流和顺达快递联合组建了党支部").Actions);
        Assert.Equal((FormationMethod.Joint, JointMode.Leading), (formation.Method, formation.JointMode));
        Assert.Equal(["深圳市华鼎物流有限公司", "深圳市顺达快递服务有限公司"], formation.Units);
    }

    [Fact]
    public void A_unit_sent_to_help_made_no_visit_and_is_no_unit()
    {
        var actions = Understand("瑞康医疗党支部派人到仁爱医院和阳光社工帮建，联合党支部今天组建完毕，书记由瑞康医疗党支部组织委员周海兼任").Actions;
        var formation = Assert.Single(actions);
        Assert.Equal(JointMode.Dispatched, formation.JointMode);
        Assert.Equal("周海", formation.Secretary);
        Assert.DoesNotContain("深圳市瑞康医疗器械有限公司", formation.Units!);
    }

    [Fact]
    public void One_pairing_per_unit_however_many_clauses_say_it()
    {
        var pairing = Assert.Single(Understand("佳和餐饮已经落实了一对一帮扶组建，由社区书记结对", "u_wang").Actions);
        Assert.Equal(ActionKind.Pairing, pairing.Kind);
        Assert.Null(pairing.Secretary);
    }

    [Fact]
    public void An_instructor_post_said_settled_is_doubtful_and_an_appointment_is_not()
    {
        var settled = Assert.Single(Understand("蓝海电商的指导员定了，就是我").Actions);
        Assert.Equal(("张伟", true), (settled.Person, settled.Doubtful));

        var appointed = Assert.Single(Understand("给汇通汽车派了个指导员，叫吴刚").Actions);
        Assert.Equal(("吴刚", false), (appointed.Person, appointed.Doubtful));
    }

    [Theory]
    [InlineData("那个协会的台账给我看看")]
    [InlineData("那家物业公司的台账调出来")]
    [InlineData("这个商会的台账调出来看看")]
    public void An_unnamed_units_card_asks_which(string text)
    {
        var result = Understand(text, "u_wang");
        var lookup = Assert.Single(result.Actions);
        Assert.Equal((ActionKind.OrgLookup, (string?)null), (lookup.Kind, lookup.Organization));
        Assert.Equal(["organization"], result.Missing);
    }

    [Fact]
    public void A_scopes_ledger_shown_is_still_an_export() =>
        Assert.Equal(ActionKind.Export, Assert.Single(Understand("坂田街道的台账给我看看", "u_wang").Actions).Kind);

    [Fact]
    public void Few_after_a_numeral_asks_nothing()
    {
        var rules = new UnderstandingRules(Vocabulary.Default());
        Assert.True(rules.IsFew("十几个人", 1));
        Assert.True(rules.IsFew("好几家", 1));
        Assert.False(rules.IsFew("去了几家", 2));

        var actions = Understand("下午去了一家快递网点，十几个人").Actions;
        Assert.DoesNotContain(actions, a => a.Kind == ActionKind.ProgressQuery);
        Assert.Contains(actions, a => a.Kind == ActionKind.Visit);
    }

    [Fact]
    public void A_status_word_wins_over_a_description()
    {
        var update = Assert.Single(Understand("金桥投资去看了 人去楼空 就是个空壳").Actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal(OperatingStatus.Shell, update.Status);
    }

    [Fact]
    public void A_name_the_ledger_lacks_keeps_its_unit_kind() =>
        Assert.Equal("宏发五金厂", Assert.Single(Understand("今天去了宏发五金厂").Actions).Organization);

    [Fact]
    public void Longest_word_ending_at_a_position()
    {
        var words = new KeywordSet(["物业", "业", "快递物流", "物流"]);
        Assert.Equal(2, words.LongestEndingAt("那家物业公司", 4));
        Assert.Equal(4, words.LongestEndingAt("快递物流公司", 4));
        Assert.Equal(0, words.LongestEndingAt("那家公司", 2));
    }
}
