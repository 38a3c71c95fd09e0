using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r8-uagent (MessageParser.Agents.cs, the trip plan in MessageParser.Plans.cs): who did it and did it happen. A
/// visit or a discovery is the sender's only where the sender did it; an earlier record taken back is not a new one; a
/// planned trip and what it is for are not records or questions; the people go to the right slots.
/// </summary>
public sealed class AgentsTests
{
    private const string Yunqi = "深圳市云启科技有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 18, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    /// <summary>Someone other than the sender, said as the doer in a closed word class, before the verb.</summary>
    [Theory]
    [InlineData("云启科技我们网格员上午去过了")]
    [InlineData("云启科技是街道的王干事去走访的")]
    [InlineData("云启科技上礼拜已经有人去过了")]
    [InlineData("云启科技是区里的同志去的 不是我")]
    [InlineData("孙委员替我去了一趟云启科技")]
    [InlineData("张伟说他昨天去了云启科技")]
    public void Another_persons_visit_is_no_visit_of_the_sender(string text) =>
        Assert.DoesNotContain(Read(text), a => a.Kind == ActionKind.Visit);

    /// <summary>Controls: the sender went along (陪, 跟, 带我), or stood in for someone else (我替他).</summary>
    [Theory]
    [InlineData("今天陪街道的李委员去了云启科技")]
    [InlineData("今天跟网格员一起去了云启科技")]
    [InlineData("今天网格员带我去了云启科技")]
    [InlineData("今天我替他去了云启科技")]
    [InlineData("帮我记一下 今天去了云启科技")]
    public void The_senders_visit_with_or_for_others_is_a_visit(string text) =>
        Assert.Equal(Yunqi, Assert.Single(Read(text), a => a.Kind == ActionKind.Visit).Organization);

    [Theory]
    [InlineData("云启科技那边孙建国说他昨天发现了一个流动党员 让他自己报")]
    [InlineData("据云启科技的人讲 上个月已经有人来排查过了 发现了两个党员")]
    public void A_discovery_another_made_is_no_discovery_and_its_members_no_total(string text)
    {
        var actions = Read(text);
        Assert.DoesNotContain(actions, a => a.Kind is ActionKind.MemberDiscovery or ActionKind.OrgUpdate);
    }

    [Fact]
    public void A_fact_the_grid_worker_saw_is_still_a_fact() =>
        Assert.Equal(215, Assert.Single(Read("云启科技我们网格员上午去过了 说是职工现在215人"), a => a.Kind == ActionKind.OrgUpdate).Employees);

    [Theory]
    [InlineData("刚才所报云启科技走访一条日期有误，请撤回。")]
    [InlineData("前面发的云启科技那条不算，请删除")]
    public void An_earlier_record_taken_back_is_an_undo_and_nothing_else(string text) =>
        Assert.Equal(ActionKind.Undo, Assert.Single(Read(text)).Kind);

    [Theory]
    [InlineData("下礼拜我准备去趟云启科技 看能不能把联合支部的事定下来")]
    [InlineData("下周一打算去云启科技走访一次，看看他们的团组织建得怎么样了")]
    [InlineData("明天准备去云启科技 顺便问问他们党员的情况")]
    public void A_planned_trip_and_what_it_is_for_ask_nothing(string text) => Assert.Empty(Read(text));

    [Fact]
    public void A_planned_trip_with_a_fact_after_it_still_gives_the_fact() =>
        Assert.Equal(6, Assert.Single(Read("明天准备去云启科技 他们现在党员6个"), a => a.Kind == ActionKind.OrgUpdate).PartyMembers);

    [Theory]
    [InlineData("今天去了云启科技 老板说刚招聘进来一个程序员 是党员", 1)]
    [InlineData("今天去了云启科技 人事说新招的两个保安里有一个是党员", 1)]
    public void People_hired_are_no_head_count(string text, int found)
    {
        var actions = Read(text);
        Assert.Equal(found, Assert.Single(actions, a => a.Kind == ActionKind.MemberDiscovery).Count);
        Assert.DoesNotContain(actions, a => a.Kind == ActionKind.OrgUpdate && a.Employees is not null);
    }

    [Theory]
    [InlineData("街道安排刘洋去云启科技当党建指导员", "u_zhang", "刘洋")]
    [InlineData("街道选派我到云启科技担任党建指导员", "u_zhang", "张伟")]
    [InlineData("今天陪刘洋去了云启科技 街道派他当云启的党建指导员", "u_zhang", "刘洋")]
    [InlineData("云启科技的党建指导员街道定了赵敏 今天派过去", "u_zhang", "赵敏")]
    public void The_appointed_instructor_is_the_person_appointed(string text, string user, string person) =>
        Assert.Equal(person, Assert.Single(Read(text, user), a => a.Kind == ActionKind.WorkCoverage).Person);

    [Fact]
    public void The_one_sent_goes_not_the_sender() =>
        Assert.DoesNotContain(Read("街道安排刘洋去云启科技当党建指导员"), a => a.Kind == ActionKind.Visit);

    [Fact]
    public void A_secretary_saying_benren_pairs_herself() =>
        Assert.Equal("李娜", Assert.Single(Read("本人自今日起一对一帮扶顺达快递组建党组织", "u_li"), a => a.Kind == ActionKind.Pairing).Secretary);

    /// <summary>The branch's blind batch (first run 0.467, 2026-12-06) stays where the work left it.</summary>
    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r8-uagent.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.95, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
