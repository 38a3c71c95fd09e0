using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 15, branch r15-uform: forming, assigning and pairing said in other words, read as classes over units, names and
/// wordings they were not written from (docs/understanding.md, round 15): a party body or a post cut short (党支, 联合党支,
/// 指导), verbs of forming with their aspect (搭了个, 组了个), units in apposition between dashes and units named by their tie
/// to another (和它的会员单位…), a unit attached to a host's body (挂到…的党支部, 挂靠到…社区党委下面的联合党支部), and the
/// holder of an instructor post after a link (就…吧, 就我, 定的是). Each with its controls: the other words the cut or the
/// phrase could be, and plans.
/// </summary>
public sealed class FormingClassesTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 11, 17, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Short name and ledger name (none of them a unit the classes were read from in a–ai or the branch batch).</summary>
    public static readonly TheoryData<string, string> Units = new()
    {
        { "云启科技", "深圳市云启科技有限公司" },
        { "华鼎物流", "深圳市华鼎物流有限公司" },
        { "蓝海跨境", "深圳市蓝海跨境电子商务有限公司" },
        { "正衡律所", "广东正衡律师事务所" },
    };

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    private static UnderstoodAction One(string text, ActionKind kind, string? name, string user = "u_zhang") =>
        Assert.Single(Read(text, user), a => a.Kind == kind && a.Organization == name);

    [Theory]
    [MemberData(nameof(Units))]
    public void A_party_body_cut_short_is_the_body(string unit, string name)
    {
        var single = One($"{unit}今天单独建了党支 五个党员 书记邵丽君", ActionKind.Formation, name);
        Assert.Equal((FormationMethod.Single, PartyOrganizationLevel.Branch, 5, "邵丽君"), (single.Method, single.Level, single.Members, single.Secretary));
        var joint = One($"{unit}和宏图贸易 同业共建 联合党支今天成立 书记侯晓峰", ActionKind.Formation, name);
        Assert.Equal(PartyOrganizationLevel.Branch, joint.Level);
        Assert.Equal([name, "深圳市宏图贸易有限公司"], joint.Units);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void The_cut_that_is_another_word_stays_itself(string unit, string _)
    {
        Assert.DoesNotContain(Read($"今天去了{unit} 他们原来单位的党支书也来了"), a => a.Kind == ActionKind.Formation);
        Assert.DoesNotContain(Read($"今天去了{unit} 老板说需要街道指导一下"), a => a.Kind == ActionKind.WorkCoverage);
        Assert.DoesNotContain(Read($"{unit}想请社区派人来指导 建支部的事还没定"), a => a.Kind == ActionKind.WorkCoverage);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_post_cut_short_in_its_slot_is_the_post(string unit, string name)
    {
        Assert.Equal("范志远", One($"{unit} 派了指导 范志远 今天定的", ActionKind.WorkCoverage, name).Person);
        Assert.Equal("孙磊", One($"{unit} 头回上门 指导就我 先跟着", ActionKind.WorkCoverage, name, "u_sun").Person);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void An_instructor_named_after_a_link_is_read(string unit, string name)
    {
        Assert.Equal("丁海燕", One($"给{unit}配个党建指导员 就丁海燕吧 街道同意了", ActionKind.WorkCoverage, name).Person);
        Assert.Equal("贺文军", One($"{unit}那边选派指导员了 定的是贺文军 下周开始联系", ActionKind.WorkCoverage, name).Person);
        Assert.Equal("张伟", One($"{unit} 街道派党建指导员过去 就是我", ActionKind.WorkCoverage, name).Person);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_verb_of_forming_with_its_aspect_forms(string unit, string name)
    {
        Assert.Equal(PartyOrganizationLevel.Branch, One($"{unit}今天搭了个党支部 三个党员", ActionKind.Formation, name).Level);
        Assert.Equal(FormationMethod.Joint, One($"{unit}和宏图贸易今天组了个联合党支部", ActionKind.Formation, name).Method);
        Assert.DoesNotContain(Read($"下周准备帮{unit}搭个党支部"), a => a.Kind == ActionKind.Formation);
    }

    [Theory]
    [InlineData("鑫盛五金", "顺发建材")]
    [InlineData("快购电商", "乐淘电商")] // 优家电商 + 乐淘电商 is not read (left, docs)
    [InlineData("雅居装饰", "华美家具")]
    public void Units_in_apposition_between_dashes_are_the_units(string first, string second)
    {
        var formation = One($"今天星辰半导体牵头，把两家小公司——{first}和{second}——带了起来，成立了联合党支部，算龙头带建。", ActionKind.Formation, first);
        Assert.Equal([first, second], formation.Units);
        Assert.Equal(JointMode.Leading, formation.JointMode);
    }

    [Fact]
    public void Words_in_apposition_that_name_no_unit_leave_it_to_ask()
    {
        var said = Understanding.Understand("今天帮两家小公司——老板和会计都是党员——搭了个联合党支部", FixtureLedger.Users()["u_zhang"], Now);
        Assert.DoesNotContain(said.Actions, a => a.Kind == ActionKind.Formation && a.Organization is not null);
    }

    [Theory]
    [InlineData("会员单位", "顺捷货运")]
    [InlineData("配套供应商", "精工模具")]
    public void A_unit_named_by_its_tie_to_another_is_a_unit(string tie, string unknown)
    {
        var formation = One($"物流行业协会和它的{tie}{unknown}今天组了个联合党支部，同业共建", ActionKind.Formation, "深圳市龙岗区物流行业协会");
        Assert.Equal(["深圳市龙岗区物流行业协会", unknown], formation.Units);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_unit_attached_to_a_hosts_body_is_an_affiliated_formation(string unit, string name)
    {
        var toUnit = One($"{unit}今天挂到恒信建筑的党支部去了", ActionKind.Formation, name);
        Assert.Equal((FormationMethod.Joint, JointMode.Affiliated), (toUnit.Method, toUnit.JointMode));
        Assert.Equal([name], toUnit.Units);
        Assert.DoesNotContain(Read($"{unit}今天挂到恒信建筑的党支部去了"), a => a.Kind == ActionKind.Visit);
        var toPlace = One($"{unit}今天挂靠到荷花社区党委下面的联合党支部了", ActionKind.Formation, name);
        Assert.Equal((FormationMethod.Joint, JointMode.Affiliated, PartyOrganizationLevel.Branch), (toPlace.Method, toPlace.JointMode, toPlace.Level));
        Assert.DoesNotContain(Read($"{unit}打算挂到恒信建筑的党支部"), a => a.Kind == ActionKind.Formation);
    }
}
