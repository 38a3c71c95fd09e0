using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 16, branch r16-ukinds: requests of several parts, work measures and advice said in other words, read as classes
/// over units, people and wordings they were not written from (docs/understanding.md, round 16): mass bodies listed before
/// a verb the clause boundary cuts off (同时), a body with an adverb before the next clause's verb, a help said done (帮他们
/// 把…建起来了), a measure struck and another said in its place (不是X是Y) as the slot's correction; a question asked again
/// of other people or another place (X和Y呢, 也说一下); help among other requests; a figure bound to its staff noun by 的; unit
/// types for advice; an instructor named with the body they come from. Each with its controls.
/// </summary>
public sealed class MeasuresAndTurnsTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations())
    {
        KnownPeople = () => ["张伟", "刘洋", "赵敏", "孙磊", "陈静", "李娜", "王强"],
    };

    private static readonly DateTimeOffset Now = new(2026, 12, 16, 10, 0, 0, TimeSpan.FromHours(8)); // a Wednesday

    /// <summary>Short name and ledger name: units none of the evidence's measures, advice or the branch batch used.</summary>
    public static readonly TheoryData<string, string> Units = new()
    {
        { "云启科技", "深圳市云启科技有限公司" },
        { "华鼎物流", "深圳市华鼎物流有限公司" },
        { "恒信建筑", "深圳市恒信建筑工程有限公司" },
        { "仁爱医院", "深圳市龙岗区仁爱医院" },
    };

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    private static List<WorkCoverageMeasure?> Measures(string text) =>
        [.. Read(text).Where(a => a.Kind == ActionKind.WorkCoverage).Select(a => a.Measure)];

    [Theory]
    [MemberData(nameof(Units))]
    public void Mass_bodies_listed_share_a_verb_the_clause_boundary_cuts_off(string unit, string name)
    {
        Assert.Equal([WorkCoverageMeasure.TradeUnion, WorkCoverageMeasure.WomenFederation], Measures($"{unit}今天工会和妇委会同时挂牌了"));
        Assert.Equal([WorkCoverageMeasure.YouthLeague, WorkCoverageMeasure.TradeUnion], Measures($"{unit}昨天成立了团支部，工会也同时成立了"));
        Assert.All(Read($"{unit}今天工会和妇委会同时挂牌了"), a => Assert.Equal(name, a.Organization));
        Assert.Equal([WorkCoverageMeasure.TradeUnion], Measures($"{unit}今天工会建好了 妇委会过两天再说"));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_help_said_done_is_a_measure_and_a_help_planned_is_none(string unit, string _)
    {
        Assert.Equal([WorkCoverageMeasure.WomenFederation], Measures($"{unit}那边今天帮他们把妇委会弄起来了"));
        Assert.Equal([WorkCoverageMeasure.YouthLeague], Measures($"上午在{unit} 帮他们成立了团支部"));
        Assert.Empty(Measures($"{unit}下周准备帮他们把工会建起来"));
        Assert.Empty(Measures($"{unit}想让我帮他们建工会"));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_measure_struck_and_said_again_is_the_corrected_value(string unit, string _)
    {
        Assert.Equal([WorkCoverageMeasure.TradeUnion], Measures($"{unit}今天挂牌了妇委会 哦不是妇委会是工会"));
        Assert.Equal([WorkCoverageMeasure.WomenFederation], Measures($"{unit}今天成立团支部了啊不对不是团支部是妇委会"));
        Assert.Equal([WorkCoverageMeasure.TradeUnion], Measures($"{unit}今天成立的是工会，不是团支部"));
    }

    [Fact]
    public void A_question_asked_again_of_other_people_is_one_question_per_person_in_the_order_said()
    {
        var queries = Read("陈静这个月走访了几家？孙磊和赵敏呢？", "u_wang");
        Assert.Equal(["陈静", "孙磊", "赵敏"], queries.Select(q => q.Person));
        Assert.All(queries, q => Assert.Equal((ActionKind.ProgressQuery, ProgressMetric.Visits), (q.Kind, q.Metric)));
        Assert.Equal(["李娜", "刘洋"], Read("李娜上个月建了几个党组织 刘洋的也说一下", "u_wang").Select(q => q.Person));
        Assert.Single(Read("陈静这个月走访了几家？孙磊说他下周去", "u_wang"), q => q.Kind == ActionKind.ProgressQuery);
    }

    [Fact]
    public void A_question_asked_again_of_another_place_is_one_question_per_place()
    {
        var queries = Read("民治街道应建未建有几家？大浪街道呢？", "u_wang");
        Assert.Equal(["民治街道", "大浪街道"], queries.Select(q => q.Scope));
        Assert.All(queries, q => Assert.Equal(ProgressMetric.Unformed, q.Metric));
    }

    [Fact]
    public void Help_among_other_requests_is_one_of_them()
    {
        Assert.Equal([ActionKind.Help, ActionKind.ProgressQuery], Read("你都能干些啥？顺便说下横岗街道的覆盖率", "u_wang").Select(a => a.Kind));
        Assert.Equal([ActionKind.Help], Read("你都能干啥？有哪些功能？", "u_wang").Select(a => a.Kind));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_figure_said_with_de_before_a_staff_noun_is_that_nouns(string unit, string name)
    {
        var advice = Assert.Single(Read($"{unit}三百二的员工就两个党员 这种该咋建"));
        Assert.Equal((ActionKind.FormationAdvice, name, 320, 2), (advice.Kind, advice.Organization, advice.Employees, advice.PartyMembers));
        var plain = Assert.Single(Read($"{unit}员工二百人 党员三个 这种咋建"));
        Assert.Equal((200, 3), (plain.Employees, plain.PartyMembers));
    }

    [Theory]
    [InlineData("有家民办幼儿园 老师15个 党员2个 该怎么建", OrganizationType.SocialOrganization)]
    [InlineData("有个基金会 专职8人 党员1名 适合怎么建", OrganizationType.SocialOrganization)]
    [InlineData("有家公司 员工40人 党员2名 怎么建", OrganizationType.Enterprise)]
    public void A_unit_type_word_gives_advice_its_type(string text, OrganizationType type) =>
        Assert.Equal(type, Assert.Single(Read(text, "u_li"), a => a.Kind == ActionKind.FormationAdvice).OrgType);

    [Theory]
    [MemberData(nameof(Units))]
    public void An_instructor_named_with_the_body_they_come_from_is_the_person(string unit, string name)
    {
        string? Person(string text) => Assert.Single(Read(text), a => a.Kind == ActionKind.WorkCoverage && a.Organization == name).Person;
        Assert.Equal("周文静", Person($"{unit}选派了党建指导员，区人社局派来的周文静"));
        Assert.Equal("林雪", Person($"{unit}今天派了个指导员过去叫那个林雪"));
        Assert.Equal("邓文伟", Person($"{unit}落实了党建指导员，由社区党委的邓文伟负责对接"));
        Assert.Null(Person($"{unit}派了指导员，明天过去对接"));
    }
}
