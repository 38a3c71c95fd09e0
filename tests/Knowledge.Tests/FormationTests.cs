using InstructorBot.Knowledge.Formation;

namespace InstructorBot.Knowledge.Tests;

public sealed class FormationTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly KnowledgeBase knowledge;

    public FormationTests()
    {
        knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);
    }

    [Fact]
    public void Every_rule_source_is_found_word_for_word_in_the_documents()
    {
        foreach (var rule in knowledge.Rules.Rules)
        {
            Assert.True(knowledge.Rules.Cite(rule.Id).Count == rule.Sources.Count, $"rule {rule.Id}: a source quote is not in the documents");
        }
    }

    [Theory]
    [InlineData(0, null, null, FormationMethod.WorkCoverage, null)]
    [InlineData(1, null, null, FormationMethod.Joint, OrganizationLevel.Branch)]
    [InlineData(2, null, null, FormationMethod.Joint, OrganizationLevel.Branch)]
    [InlineData(3, null, null, FormationMethod.Single, OrganizationLevel.Branch)]
    [InlineData(50, null, null, FormationMethod.Single, OrganizationLevel.Branch)]
    [InlineData(51, null, null, FormationMethod.Single, OrganizationLevel.GeneralBranch)]
    [InlineData(100, null, null, FormationMethod.Single, OrganizationLevel.Committee)]
    [InlineData(null, 5, null, FormationMethod.Functional, OrganizationLevel.Branch)]
    [InlineData(6, 4, null, FormationMethod.Functional, OrganizationLevel.Branch)]
    [InlineData(8, 4, null, FormationMethod.Single, OrganizationLevel.Branch)]
    [InlineData(4, null, true, FormationMethod.Functional, OrganizationLevel.Branch)]
    public void Decides_the_method_and_level_by_the_members(int? members, int? flowing, bool? publicStaffSocialOrg, FormationMethod method, OrganizationLevel? level)
    {
        var facts = new OrganizationFacts(
            Type: publicStaffSocialOrg == true ? OrganizationType.SocialOrg : OrganizationType.Enterprise,
            PartyMembers: members, FlowingMembers: flowing, MostlyPublicStaff: publicStaffSocialOrg);

        var recommendation = knowledge.Advise(facts);

        Assert.NotNull(recommendation);
        Assert.Equal(method, recommendation.Method);
        Assert.Equal(level, recommendation.Level);
        Assert.All(recommendation.Reasons, r => Assert.NotNull(r.Citation));
        Assert.Equal(method == FormationMethod.Joint ? 5 : 0, recommendation.JointModes?.Count ?? 0);
    }

    [Fact]
    public void A_unit_with_three_members_inside_a_joint_organisation_is_told_to_split_out_and_a_100_staff_enterprise_gets_its_threshold()
    {
        var recommendation = knowledge.Advise(new OrganizationFacts(Type: OrganizationType.Enterprise, Employees: 120, FullMembers: 4, CurrentOrganization: FormationMethod.Joint));

        Assert.NotNull(recommendation);
        Assert.Contains(recommendation.Reasons, r => r.Text.Contains("单独组建", StringComparison.Ordinal) && r.Citation!.Quote.Contains("具备单独组建党组织条件的", StringComparison.Ordinal));
        Assert.Contains(recommendation.Reasons, r => r.Text.Contains("职工100人以上的非公企业应建立党组织", StringComparison.Ordinal));
    }

    [Fact]
    public void Three_full_members_of_its_own_beside_more_than_three_flowing_ones_form_a_single_organisation()
    {
        var recommendation = knowledge.Advise(new OrganizationFacts(Type: OrganizationType.Enterprise, FullMembers: 3, FlowingMembers: 6));

        Assert.NotNull(recommendation);
        Assert.Equal(FormationMethod.Single, recommendation.Method);
    }

    [Theory]
    [InlineData("华鼎精密有12名党员，该建支部还是总支？", FormationMethod.Single, OrganizationLevel.Branch)]
    [InlineData("某社会组织成员都是退休干部，有5名党员，怎么建党组织？", FormationMethod.Functional, OrganizationLevel.Branch)]
    [InlineData("这家企业有3名党员，但有1名是预备党员，怎么组建？", FormationMethod.Joint, OrganizationLevel.Branch)]
    [InlineData("该建支部还是总支？我们有45名党员", FormationMethod.Single, OrganizationLevel.Branch)]
    [InlineData("一个律所就1名党员，建什么样的党组织？", FormationMethod.Joint, OrganizationLevel.Branch)]
    [InlineData("3名党员但有1名是预备党员，怎么建", FormationMethod.Joint, OrganizationLevel.Branch)]
    [InlineData("这家公司有4名党员，都是流动党员，怎么建？", FormationMethod.Functional, OrganizationLevel.Branch)]
    [InlineData("这家企业党员有50名，能成立总支吗？", FormationMethod.Single, OrganizationLevel.Branch)]
    [InlineData("我们公司没党员，就二十几个员工，咋整？", FormationMethod.WorkCoverage, null)]
    [InlineData("这家超市就一个党员，挂靠到社区党支部行不行？", FormationMethod.Joint, OrganizationLevel.Branch)]
    [InlineData("这家公司有个党员是从外地流动过来的，就他一个，怎么办？", FormationMethod.Joint, OrganizationLevel.Branch)]
    [InlineData("某基金会工作人员大多是事业单位退休人员，党员4名，建什么党组织？", FormationMethod.Functional, OrganizationLevel.Branch)]
    [InlineData("这个社区社会组织没党员，咋覆盖？", FormationMethod.WorkCoverage, null)]
    [InlineData("街道里有个老年协会，会员多是从机关退休的，党员5名，建什么党组织？", FormationMethod.Functional, OrganizationLevel.Branch)]
    [InlineData("一个印刷厂有党员7名，下一步怎么做？", FormationMethod.Single, OrganizationLevel.Branch)] // 一个…厂, 怎么做
    [InlineData("有家培训学校原来在联合党支部，现在4个正式党员了，该调整吗？", FormationMethod.Single, OrganizationLevel.Branch)]
    [InlineData("有个棋牌协会，会员大多退休前在事业单位工作，党员6名，建什么党组织？", FormationMethod.Functional, OrganizationLevel.Branch)]
    [InlineData("这家公司5名党员，组织关系都在原单位，怎么建？", FormationMethod.Functional, OrganizationLevel.Branch)]
    // Relations kept at each member's own workplace are members from elsewhere; an alumni/hometown association is a social organisation.
    [InlineData("有个同乡会，党员5名，组织关系都在各自的工作单位，建什么党组织？", FormationMethod.Functional, OrganizationLevel.Branch)]
    [InlineData("这家联谊会会员多是机关干部，党员4名，建什么样的党组织？", FormationMethod.Functional, OrganizationLevel.Branch)]
    // "怎么把党的工作做进去/开展起来": how to reach a described unit, an advice request.
    [InlineData("有家小饭店二十个员工，没有党员，怎么把党建工作开展起来？", FormationMethod.WorkCoverage, null)]
    [InlineData("这家公司有2名党员，如何把党的工作做进去？", FormationMethod.Joint, OrganizationLevel.Branch)]
    // A demonstrative before the noun ("把这家的党建工作…") is the same request.
    [InlineData("街上新开了一家奶茶店，六个店员，没有党员，怎么把这家的党建工作搞起来？", FormationMethod.WorkCoverage, null)]
    public void Advises_a_unit_the_question_describes_without_the_ledger(string question, FormationMethod method, OrganizationLevel? level)
    {
        var answer = knowledge.Ask(question);

        Assert.NotNull(answer.Recommendation);
        Assert.Equal(method, answer.Recommendation.Method);
        Assert.Equal(level, answer.Recommendation.Level);
    }

    [Theory]
    [InlineData("顺达快递有2名党员，职工95人", 2, null, 95, OrganizationType.Enterprise)]
    [InlineData("德润物业党员6名，员工200多人", 6, null, null, OrganizationType.Enterprise)]
    [InlineData("明税税务师事务所没有党员，从业人员35人", 0, null, 35, OrganizationType.SocialOrg)]
    [InlineData("这家公司两名党员，另有5名流动党员", 2, 5, null, OrganizationType.Enterprise)]
    [InlineData("协会里有十二个党员", 12, null, null, OrganizationType.SocialOrg)]
    [InlineData("这家公司有仨党员，职工捌拾陆人", 3, null, 86, OrganizationType.Enterprise)]
    [InlineData("这家公司党员贰名，另有叁名流动党员，员工壹拾伍人", 2, 3, 15, OrganizationType.Enterprise)]
    [InlineData("这家公司原来有4名党员，现在只剩2名党员了", 2, null, null, OrganizationType.Enterprise)]
    [InlineData("这家门店以前5个党员，现在就剩1个党员", 1, null, null, OrganizationType.Enterprise)]
    [InlineData("这家门店就经理一个人是党员", 1, null, null, OrganizationType.Enterprise)]
    [InlineData("某商会党员都是外地流动来的，一共4个", 4, 4, null, OrganizationType.SocialOrg)]
    [InlineData("商场里大多数门店都没有党员", null, null, null, OrganizationType.Enterprise)]
    [InlineData("这家店的店长和三个店员都是党员", 4, null, null, OrganizationType.Enterprise)] // one named and a count of others
    // "一个X都没有" in any negation people write (standard, dialect, phone) is zero, not the one it counts.
    [InlineData("某某汽车公司一个党员都木有", 0, null, null, OrganizationType.Enterprise)]
    [InlineData("这家公司一个党员也冇", 0, null, null, OrganizationType.Enterprise)]
    [InlineData("这家店一个党员都没得，员工20人", 0, null, 20, OrganizationType.Enterprise)]
    [InlineData("这家公司党员一个都没", 0, null, null, OrganizationType.Enterprise)]
    [InlineData("这家公司木有党员", 0, null, null, OrganizationType.Enterprise)]
    [InlineData("这家公司有一个党员也没用上", 1, null, null, OrganizationType.Enterprise)] // 没用: not a negation of members
    public void Reads_the_facts_a_question_states_and_leaves_out_approximate_figures(string question, int? members, int? flowing, int? employees, OrganizationType type)
    {
        var facts = FactExtractor.Extract(question);

        Assert.Equal(members, facts.PartyMembers);
        Assert.Equal(flowing, facts.FlowingMembers);
        Assert.Equal(employees, facts.Employees);
        Assert.Equal(type, facts.Type);
    }

    [Fact]
    public void Facts_in_the_question_override_the_ledger_and_the_ledger_fills_the_rest()
    {
        var ledger = new OrganizationFacts(Name: "深圳市云启科技有限公司", Type: OrganizationType.Enterprise, Employees: 150, PartyMembers: 1);

        var fromLedger = knowledge.Ask("云启科技该怎么建党组织？", ledger);
        var overridden = knowledge.Ask("云启科技现在有5名党员了，该怎么建党组织？", ledger);

        Assert.Equal(FormationMethod.Joint, fromLedger.Recommendation?.Method);
        Assert.Equal(FormationMethod.Single, overridden.Recommendation?.Method);
        Assert.Contains(overridden.Recommendation!.Reasons, r => r.Text.Contains("职工150人", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("请问德润物业该怎么建党组织？它有3名党员", FormationMethod.Single)]
    [InlineData("顺达快递2名党员怎么建", FormationMethod.Joint)]
    [InlineData("我们协会有2名党员，能单独建支部吗", FormationMethod.Joint)]
    [InlineData("一家培训学校有30名员工、没有党员，该怎么实现覆盖？", FormationMethod.WorkCoverage)]
    [InlineData("华南物流有3名党员，其中1名是预备党员，能单独建支部吗？", FormationMethod.Joint)]
    public void A_question_about_a_named_or_described_unit_gets_a_recommendation(string question, FormationMethod method)
    {
        var answer = knowledge.Ask(question);

        Assert.Equal(method, answer.Recommendation?.Method);
        Assert.NotEmpty(answer.Citations);
    }

    [Theory]
    [InlineData("党员不足3名的企业怎么建立党组织？")]
    [InlineData("没有党员的律师事务所怎么实现覆盖？")]
    [InlineData("什么是功能型党组织？")]
    [InlineData("没有党员的企业怎么实现党的工作覆盖？")]
    public void A_policy_question_about_a_class_of_units_gets_no_recommendation(string question)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.Null(answer.Recommendation);
    }

    public void Dispose()
    {
        knowledge.Dispose();
        folder.Dispose();
    }

    [Theory]
    [InlineData("一个僵尸企业还有2名党员，需要组建党组织吗？")]
    [InlineData("这家空壳公司没有党员也没有员工，要覆盖吗？")]
    [InlineData("一家有名无实的公司挂着1名党员，怎么建？")]
    [InlineData("一家长期停产的工厂还有3名党员，怎么建？")]
    public void A_shell_or_dormant_unit_is_struck_from_the_base_with_its_source_rather_than_advised(string question)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.Null(answer.Recommendation);
        Assert.Contains("剔除", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Quote.Contains("久不运转的“僵尸”企业", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deregistered_unit_gets_the_rule_that_its_organisation_goes_with_it_rather_than_advice()
    {
        var answer = knowledge.Ask("这家酒店去年已注销，党员3名，怎么建？");

        Assert.True(answer.Answered);
        Assert.Null(answer.Recommendation);
        Assert.Contains(answer.Citations, c => c.Quote.Contains("同步对党组织做出变更撤销决定", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dormant_unit_from_the_ledger_gets_no_recommendation()
    {
        Assert.Null(knowledge.Advise(new OrganizationFacts(Type: OrganizationType.Enterprise, PartyMembers: 5, Dormant: true)));
    }
}
