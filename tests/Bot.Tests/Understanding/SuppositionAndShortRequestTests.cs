using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Suppositions (如果/假如/要是…，就…) record nothing; short requests after a name or with 些/点 are still read.</summary>
public sealed class SuppositionAndShortRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations());

    private UnderstandingResult Understand(string text, string user = "u_zhang") => understanding.Understand(text, FixtureLedger.Users()[user], Now);

    [Theory]
    [InlineData("假如智联物流成立了工会，我们就上报")]
    [InlineData("倘若金桥投资是空壳，就建议注销")]
    [InlineData("要是青禾文化再找到一名党员，就可以单独组建党支部了")]
    [InlineData("万一汇通汽车停业了，联建方案就得调整了")]
    public void A_supposition_and_its_consequence_record_nothing(string text)
    {
        Assert.Empty(Understand(text).Actions);
    }

    [Fact]
    public void A_condition_reaches_no_further_than_the_clause_after_it()
    {
        var result = Understand("今天走访了云启科技，如果负责人同意，下周就成立党支部");
        Assert.Equal([ActionKind.Visit], result.Actions.Select(a => a.Kind));

        var next = Understand("如果有空再去青禾文化。今天发现优品超市有1名口袋党员");
        Assert.Equal([ActionKind.MemberDiscovery], next.Actions.Select(a => a.Kind));
    }

    [Fact]
    public void 主要是_and_只要是_are_no_condition()
    {
        var result = Understand("顺达快递今天发现党员2名，主要是流动党员", "u_liu");
        Assert.Equal([ActionKind.MemberDiscovery], result.Actions.Select(a => a.Kind));
    }

    [Fact]
    public void A_supposition_asked_as_a_question_still_asks()
    {
        var result = Understand("如果青禾文化有3名党员，可以单独建支部吗");
        Assert.Equal([ActionKind.FormationAdvice], result.Actions.Select(a => a.Kind));
    }

    [Theory]
    [InlineData("华鼎物流查一下")]
    [InlineData("恒信建筑 帮我看看吧")]
    public void A_name_followed_only_by_a_lookup_verb_asks_for_its_card(string text)
    {
        Assert.Equal(ActionKind.OrgLookup, Understand(text).Actions.Single().Kind);
    }

    [Fact]
    public void Going_to_a_name_to_look_is_a_visit_not_a_lookup()
    {
        var result = Understand("今天到华鼎物流看看");
        Assert.Equal([ActionKind.Visit], result.Actions.Select(a => a.Kind));
        Assert.Equal("深圳市华鼎物流有限公司", result.Actions[0].Organization);
    }

    [Theory]
    [InlineData("你能帮我做些什么")]
    [InlineData("小助手能干点啥")]
    [InlineData("你有一些什么功能")]
    public void 些_and_点_inside_a_help_question_change_nothing(string text)
    {
        Assert.Equal(ActionKind.Help, Understand(text).Actions.Single().Kind);
    }

    [Theory]
    [InlineData("手造咖啡12个员工，没有党员，适合挂靠组建吗", 12, 0)]
    [InlineData("汇通汽车55名职工，党员0名，可以联建吗", 55, 0)]
    public void Asking_whether_a_joint_mode_fits_asks_for_advice(string text, int employees, int members)
    {
        var advice = Understand(text).Actions.Single();
        Assert.Equal(ActionKind.FormationAdvice, advice.Kind);
        Assert.Equal(employees, advice.Employees);
        Assert.Equal(members, advice.PartyMembers);
    }
}
