using InstructorBot.Knowledge.Formation;

namespace InstructorBot.Knowledge.Tests;

/// <summary>How the advice reads a question's figures, whether it asks for advice, and the level it takes from them (issue 12, round 5).</summary>
public sealed class FactReadingTests(AdviceKnowledge fixture) : IClassFixture<AdviceKnowledge>
{
    /// <summary>Round 17's classes stated with sentences of their own (none from a batch).</summary>
    [Theory]
    [InlineData("有个家具厂 工人八十来个 党员就俩 该用啥法子", FormationMethod.Joint)] // 俩 = 两个; a way noun asks
    [InlineData("这家电子厂之前一个党员都没有 今年排查出四个正式党员 怎么设比较好", FormationMethod.Single)] // none was earlier
    [InlineData("有个仓库 搬运工里有六个是流动党员 关系都在外省老家 走哪条路合适", FormationMethod.Functional)]
    [InlineData("有一家花店、一家理发店，每家都只有一个党员，怎么建合适", FormationMethod.Joint)] // units counted one by one
    [InlineData("这家律所正式党员现在有五个 该怎么设置", FormationMethod.Single)]
    [InlineData("一家修车厂二十来人 一个党员都没有 下一步走什么路子", FormationMethod.WorkCoverage)]
    [InlineData("有家奶茶店暂时建不了支部 能不能先把工会搞起来", null)] // mass organisations first: a policy question
    public void Reads_colloquial_requests_and_loosely_said_facts(string question, FormationMethod? method) =>
        Assert.Equal(method, fixture.Knowledge.Ask(question).Recommendation?.Method);

    [Theory]
    [InlineData("一家外资企业党员五十五个，其中预备党员八个，该建什么级别的党组织", FormationMethod.Single, OrganizationLevel.GeneralBranch)] // 47 正式 decide single, 55 党员 the level (001: 党员人数超过50名)
    [InlineData("有家制衣厂 工人三百多 党员五十好几个 应该建支部还是总支", FormationMethod.Single, OrganizationLevel.GeneralBranch)] // at least 51
    [InlineData("这家公司党员一百多名，能成立党委吗？", FormationMethod.Single, OrganizationLevel.Committee)] // at least 101
    [InlineData("有家公司党员五十来个，建支部还是总支？", FormationMethod.Single, null)] // about 50: the level waits for the count
    public void Decides_the_method_on_full_members_and_the_level_on_all_members_taking_an_approximate_figure_as_a_bound(
        string question, FormationMethod method, OrganizationLevel? level)
    {
        var answer = fixture.Knowledge.Ask(question);

        Assert.Equal((method, level), (answer.Recommendation?.Method, answer.Recommendation?.Level));
        Assert.True(level is not null || answer.Text.Contains("以确切数为准", StringComparison.Ordinal), answer.Text);
        Assert.True(!question.Contains("多", StringComparison.Ordinal) || answer.Text.Contains("按下限计至少", StringComparison.Ordinal), answer.Text);
    }

    [Theory]
    [InlineData("这家电子厂党员一百零五名", 105)]
    [InlineData("这家公司正式党员一百二十名，都是正式的", 120)]
    [InlineData("这家公司党员一百二", 120)] // 一百二 is 120, said as people say it
    [InlineData("这家集团党员一千二百名", 1200)]
    [InlineData("这家幼儿园党员俩，都是正式党员", 2)] // a count at the end of its clause needs no unit
    [InlineData("这家公司现在党员发展到六个了", 6)]
    [InlineData("这家餐馆最近新来了一个党员，加上原来的一共三个了", 3)] // the sum the question arrives at
    [InlineData("这家公司员工五十五个，党员没有", 0)]
    public void Reads_spoken_numerals_and_the_count_a_question_arrives_at(string question, int members)
    {
        var facts = FactExtractor.Extract(question);

        Assert.Equal(members, facts.FullMembers ?? facts.PartyMembers);
    }

    [Theory]
    [InlineData("有家制衣厂 工人三百多 党员五十好几个", 51, 59, 301)]
    [InlineData("这家公司党员六十多了", 61, 69, null)]
    [InlineData("这家公司员工五百多人，党员一百多名", 101, 199, 501)]
    [InlineData("这家公司员工三十来个，党员二十来个", 16, 24, 24)]
    public void Keeps_an_approximate_figure_as_the_range_it_certainly_lies_in(string question, int low, int high, int? employeesLow)
    {
        var facts = FactExtractor.Extract(question);

        Assert.Null(facts.PartyMembers);
        Assert.Equal((low, high), (facts.PartyMembersAbout!.Low, facts.PartyMembersAbout.High));
        Assert.Equal(employeesLow, facts.EmployeesAbout?.Low);
    }

    [Fact]
    public void An_approximate_figure_in_the_question_keeps_the_ledgers_exact_one_when_that_lies_within_it()
    {
        var ledger = new OrganizationFacts(Name: "深圳市星辰半导体有限公司", Employees: 520, PartyMembers: 63);

        var within = ledger.OverriddenBy(FactExtractor.Extract("星辰半导体党员六十多了"));
        var outside = ledger.OverriddenBy(FactExtractor.Extract("星辰半导体党员八十多了"));

        Assert.Equal((63, (CountRange?)null), (within.PartyMembers, within.PartyMembersAbout));
        Assert.Equal((null, 81), (outside.PartyMembers, outside.PartyMembersAbout?.Low));
    }

    [Theory]
    [InlineData("社区有个摄影协会 党员全是机关事业单位退下来的 关系都在原单位 建哪种合适")] // which kind
    [InlineData("一个协会 流动党员有五个 关系都不在这 建啥样的")]
    [InlineData("我们社区有家物业公司，正式党员4名。他们应该自己建还是跟别家联建？")] // a choice
    [InlineData("这个科技公司能不能跟隔壁两家小企业一起联合建个支部？他们就一名党员")] // a yes/no
    [InlineData("这家公司党员六十多了 支部够不够用")]
    [InlineData("一家新能源企业党员一百三十名，能不能升格成党委？")]
    [InlineData("律所三十五个人 党员零 咋覆盖")] // a kind of unit with its figures right after it
    [InlineData("一个社工机构，党员四名都是正式的，可以单独成立支部吗")]
    public void Recognises_an_advice_request_asked_as_which_kind_whether_or_which_of_two(string question)
    {
        Assert.True(FactExtractor.AsksForAdvice(question, namedInLedger: false));
    }

    [Theory]
    [InlineData("这家超市八十多名员工，党员一个也没有，我该从哪入手？", FormationMethod.WorkCoverage, null)] // where to begin
    [InlineData("有家做物流的企业，正式党员一百二十多名，现在只有一个支部，应该怎么调整？", FormationMethod.Single, OrganizationLevel.Committee)] // 该咋调整
    [InlineData("这家餐馆有两个党员，想成立党组织，哪种方式好", FormationMethod.Joint, OrganizationLevel.Branch)] // the purpose told, then the way asked
    [InlineData("有个培训公司，在这上班的党员有四个，组织关系都在老家，想给他们搞个组织，用什么路子？", FormationMethod.Functional, OrganizationLevel.Branch)] // 搞个组织, 什么路子; a unit introduced by 有个/有家
    [InlineData("有家咨询公司，党员有四个，关系全在外地，想给他们弄个组织，走哪条路？", FormationMethod.Functional, OrganizationLevel.Branch)]
    public void Recognises_an_advice_request_asked_as_where_to_begin_how_to_adjust_or_which_way_after_the_purpose(
        string question, FormationMethod method, OrganizationLevel? level)
    {
        var answer = fixture.Knowledge.Ask(question);

        Assert.True(FactExtractor.AsksForAdvice(question, namedInLedger: false));
        Assert.Equal((method, level), (answer.Recommendation?.Method, answer.Recommendation?.Level));
    }

    [Theory]
    [InlineData("我联系的那家汽修公司一个党员都没有，能不能先把工会、团支部这些搞起来？")] // 团支部 is no party organisation
    [InlineData("僵尸企业还算党建基数里吗")] // 党建 is no forming
    [InlineData("我们楼里有五家小公司，每家就一两个党员，一个联合的能带这么多家吗？")] // several units: a class
    [InlineData("走访中发现好多小企业一个党员都没有，对这种企业文件说怎么开展工作？")]
    [InlineData("我们社区有家物业公司的工会主席是党员，能不能兼着当党组织书记？")] // a post, not a formation
    [InlineData("企业三个党员能不能单独建支部？")]
    [InlineData("两新组织党建工作从哪下手？")] // where to begin, of no unit
    [InlineData("支部设置一般怎么调整？")] // a kind said generally opens a rule, not a unit
    public void Leaves_a_question_about_a_class_of_units_or_about_something_else_to_the_documents(string question)
    {
        Assert.False(FactExtractor.AsksForAdvice(question, namedInLedger: false) && FactExtractor.Extract(question).KnowsMembers);
    }
}
