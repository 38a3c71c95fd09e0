using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 18, branch r18-uextra: records the user did not mean (issue 11, write safety). A plan whose outcome says it failed
/// (未能成行); a formation named as the topic of a talk (聊聊建支部的事); a set-up meant and then no progress (到现在还没动静);
/// a clause that leads into a question (…以后，…？); a count of those present (都到了, 参加) is no unit's total, and in a
/// formation's sentence is the new body's members. Units and wordings other than the evidence's (a–ar) and the branch
/// batch's (tests/data/understanding-r18-uextra.jsonl), with controls where the record is meant.
/// </summary>
public sealed class UnmeantRecordsTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 17, 0, 0, TimeSpan.FromHours(8));

    private static UnderstandingResult Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_liu"], Now);

    private static void NoRecord(string text) => Assert.DoesNotContain(Read(text).Actions, a => a.IsRecord);

    [Theory]
    [InlineData("原计划今天上午去恒信建筑调研，因工地临时停工，调研未能成行")]
    [InlineData("本来约了下午去云启网络，对方临时开会，没能去成")]
    public void A_plan_whose_outcome_says_it_failed_records_no_visit(string text) => NoRecord(text);

    [Fact]
    public void A_visit_told_done_is_still_recorded() =>
        Assert.Contains(Read("今天上午去恒信建筑调研了，工地在停工").Actions, a => a.Kind == ActionKind.Visit);

    [Theory]
    [InlineData("过两天想去金桥投资，跟他们老板商量商量成立党支部的事")]
    [InlineData("跟安捷电子的负责人沟通一下建支部的事")]
    public void A_formation_named_as_the_topic_of_a_talk_is_no_formation(string text) =>
        Assert.DoesNotContain(Read(text).Actions, a => a.Kind == ActionKind.Formation);

    [Fact]
    public void A_formation_told_done_after_a_talk_is_recorded() =>
        Assert.Contains(Read("今天跟金桥投资老板聊完，他们当场单独成立了党支部").Actions, a => a.Kind == ActionKind.Formation);

    [Theory]
    [InlineData("优品超市说上礼拜就要把团支部建起来，到现在也没见动静")]
    [InlineData("鹏城数据讲好这个月把党支部成立起来，到现在还没下文")]
    public void A_set_up_meant_and_then_no_progress_records_nothing(string text) => NoRecord(text);

    [Fact]
    public void A_set_up_done_is_recorded_where_nothing_says_no_progress() =>
        Assert.Contains(Read("优品超市今天把团支部建起来了").Actions, a => a.Kind == ActionKind.WorkCoverage);

    [Theory]
    [InlineData("企业单独成立党支部以后，支部书记要不要报街道备案？")]
    [InlineData("联合党支部建起来之后，党员的组织关系转到哪里")]
    public void A_clause_leading_into_a_question_is_asked_too(string text)
    {
        var result = Read(text);
        Assert.DoesNotContain(result.Actions, a => a.IsRecord);
        Assert.Contains(result.Actions, a => a.Kind == ActionKind.PolicyQuestion);
    }

    [Fact]
    public void A_count_of_those_present_is_no_total()
    {
        NoRecord("星辰半导体今天开了党员大会，9个党员都到齐了，还在等批复");
        var formation = Assert.Single(Read("金桥投资今天成立了功能型党支部，一共8个人参加，书记由副总刘强兼任").Actions, a => a.IsRecord);
        Assert.Equal(ActionKind.Formation, formation.Kind);
        Assert.Equal(8, formation.Members);
    }

    [Fact]
    public void A_total_said_as_such_stays_a_fact() =>
        Assert.Contains(Read("金桥投资现在有8个党员，今天都来参加了培训").Actions, a => a.Kind == ActionKind.OrgUpdate && a.PartyMembers == 8);

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        // Through the CLI: first run 0.577 on the unchanged code (main 47daa07), 0.769 after the branch; ux18-01, -02, -04,
        // -05, -06 (members found, missed: r18-umissed's area) and -17 (none said as context) miss (docs/understanding.md).
        var score = UnderstandingScorer.EvaluateFile("understanding-r18-uextra.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.76, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
