using InstructorBot.Knowledge.Formation;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// Issue 12, round 6: the advice reads a figure with the noun it counts wherever it stands, adds members who came since to the
/// count known before, takes the user's newer count over the ledger's and says so, and tells an advice request from a plan,
/// a past fact or a class of units. Each class is stated with sentences of its own, none from the batches.
/// </summary>
public sealed class FigurePhraseTests(AdviceKnowledge fixture) : IClassFixture<AdviceKnowledge>
{
    [Theory]
    [InlineData("这家公司党员现在只剩下一个了", 1)] // noun first, adverbs and a verb of change between
    [InlineData("这家公司党员其实目前有七个", 7)]
    [InlineData("这家公司党员从两个增加到了九个", 9)] // from … to: the second figure is now's
    [InlineData("这家协会党员去年发展了不少，二十二个", 22)] // the figure in the next clause
    [InlineData("这家公司有3个技术骨干，都是党员", 3)] // a count of a noun the clause after says all are members
    [InlineData("这家公司党员原来八个，后来调走几个，现在剩五个", 5)] // several counts: the last said is now's
    [InlineData("这家公司原来挂在联合支部，今年新进了两名党员，现在党员有四个了", 4)] // a count said as now's already holds the arrivals
    [InlineData("这家公司党员今年发展到了一百三十个", 130)] // a verb of change with 了
    [InlineData("这家协会党员去年少了两个，目前有六个", 6)] // adverbs before the verb in the next clause
    [InlineData("这家店党员就店长和会计两个人", 2)] // a list closed by its count
    [InlineData("这家公司目前一个党员都没有", 0)] // a count negated is none
    public void Reads_the_members_figure_before_or_after_its_noun_and_takes_the_last_said_as_the_count_now(string question, int members)
    {
        var facts = FactExtractor.Extract(question);

        Assert.Equal(members, facts.CountingMembers);
    }

    [Theory]
    [InlineData("正式党员五个，预备党员两个", 7, 5, null, null)] // the members are the sum of both kinds
    [InlineData("这家公司十来个流动党员", null, null, 8, 12)] // a range of flowing members is kept as a range
    [InlineData("这家公司流动党员七八个", null, null, 7, 8)] // two neighbouring digits: a range
    public void Sums_full_and_probationary_members_and_keeps_a_flowing_range(string question, int? members, int? full, int? flowingLow, int? flowingHigh)
    {
        var facts = FactExtractor.Extract(question);

        Assert.Equal((members, full), (facts.PartyMembers, facts.FullMembers));
        Assert.Equal((flowingLow, flowingHigh), (facts.FlowingMembersAbout?.Low, facts.FlowingMembersAbout?.High));
    }

    [Fact]
    public void Reads_two_neighbouring_digits_as_a_range_and_keeps_the_ledgers_count_within_it()
    {
        var ledger = new OrganizationFacts(Name: "深圳市某某有限公司", PartyMembers: 5);

        var facts = ledger.OverriddenBy(FactExtractor.Extract("这家公司党员大概五六个"));

        Assert.Equal((5, (CountRange?)null), (facts.PartyMembers, facts.PartyMembersAbout));
        Assert.Equal((3, 4), (FactExtractor.Extract("这家公司党员有三四个").PartyMembersAbout?.Low, FactExtractor.Extract("这家公司党员有三四个").PartyMembersAbout?.High));
    }

    [Theory]
    [InlineData(1, "这家公司今年又调来两名党员", 3)] // added to the ledger's count
    [InlineData(0, "这家公司最近新招了5个大学生，都是正式党员", 5)] // the noun counted, then said to be members
    [InlineData(2, "这家公司原来有1个党员，后来又转进来两个", 3)] // added to the question's own earlier count
    [InlineData(2, "这家公司刚转入一名党员，现在总共4名", 4)] // a total already holds them
    [InlineData(2, "这家公司新招了20个工人", 2)] // staff hired are no members
    public void Adds_members_who_came_since_to_the_count_known_before_but_not_to_a_total(int ledgerMembers, string question, int members)
    {
        var ledger = new OrganizationFacts(Name: "深圳市某某有限公司", Type: OrganizationType.Enterprise, PartyMembers: ledgerMembers);

        var facts = ledger.OverriddenBy(FactExtractor.Extract(question));

        Assert.Equal(members, facts.CountingMembers);
    }

    [Fact]
    public void Takes_the_users_count_over_the_ledgers_and_says_why_in_the_reply()
    {
        // 顺达快递: the ledger says 2 members; the user reports 5 now.
        const string question = "顺达快递现在党员有五个了，台账里登记的还是老数字，能不能单独建支部";

        var answer = fixture.Knowledge.Ask(question, FixtureLedger.FactsFor(question));

        Assert.Equal((FormationMethod.Single, OrganizationLevel.Branch), (answer.Recommendation?.Method, answer.Recommendation?.Level));
        Assert.Contains("台账记该单位党员2名，您说的是5名", answer.Text, StringComparison.Ordinal);
        Assert.Contains("比台账上次导入的数据新", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_nothing_of_the_ledger_when_the_user_repeats_its_count()
    {
        const string question = "顺达快递两个党员，建什么样的党组织";

        var answer = fixture.Knowledge.Ask(question, FixtureLedger.FactsFor(question));

        Assert.Equal(FormationMethod.Joint, answer.Recommendation?.Method);
        Assert.DoesNotContain("台账记", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("有个物流园，正式党员六个，建啥比较好")] // which kind, with an evaluative word
    [InlineData("一个项目部，流动党员二十来个，这种情况咋建")] // a back-reference to the unit just described
    [InlineData("街上有两家小店，每家一个党员，能不能合在一起建个支部")] // several units to be formed together
    [InlineData("这家培训机构两个党员，成立个什么合适？")]
    [InlineData("这家货运站流动党员大概有六七个，组建走哪条路子好")] // which way, said with 哪 + a classifier
    public void Recognises_which_kind_requests_back_references_and_units_formed_together(string question)
    {
        var answer = fixture.Knowledge.Ask(question);

        Assert.NotNull(answer.Recommendation);
    }

    [Theory]
    [InlineData("这家公司三个正式党员，我们打算下个月帮它单独建支部。")] // a plan: nothing asked
    [InlineData("这家公司三个正式党员，支部是什么时候建的？")] // asks when
    [InlineData("这家公司三个正式党员，支部书记由谁来当合适？")] // asks who
    [InlineData("那家公司三个党员，之前是联合组建的吗？")] // a past fact
    [InlineData("那家公司三个党员，说好单独建支部，建好了没有？")] // whether a formation is done
    [InlineData("很多小店每家一两个党员，联合组建一般怎么分片？")] // a class of units, not formed together
    [InlineData("这条街六家小店每家一两个党员，打算合起来建一个支部。联合支部最多能管几家？")] // a plan told, then a rule asked
    [InlineData("这家公司党员快五十个了，党员要多少才能成立总支？")] // a threshold asked of the rule
    public void Leaves_plans_past_facts_time_or_person_questions_and_classes_of_units_without_advice(string question)
    {
        Assert.False(FactExtractor.AsksForAdvice(question, namedInLedger: false));
    }
}
