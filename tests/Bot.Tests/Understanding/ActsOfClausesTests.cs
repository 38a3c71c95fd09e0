using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 22, branch r22-uacts: which act each clause of a message does (docs/understanding.md, round 22). A question about
/// using the bot (a reporting verb with the bot addressed, a way of input) is help, not a question for the documents; a
/// question the unit's people asked, passed on unanswered, is the sender's advice question; a unit introduced by 开了家 and a
/// forming verb with a question word (建个啥) ask advice; an earlier claim quoted and corrected, or an earlier record the bot is
/// told not to keep, is undone; a figure said with the ledger asked to take it is no lookup; a question put to someone else
/// asks nothing of the bot. Units and wordings other than the branch batch's (tests/data/understanding-r22-uacts.jsonl) and
/// the development batches', with controls; each checked through the CLI first.
/// </summary>
public sealed class ActsOfClausesTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 17, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<UnderstoodAction> Read(string text) =>
        Understanding.Understand(text, FixtureLedger.Users()["u_liu"], Now).Actions;

    private static List<ActionKind> Kinds(string text) => [.. Read(text).Select(a => a.Kind)];

    [Fact]
    public void A_question_about_reporting_to_the_bot_is_help()
    {
        Assert.Equal([ActionKind.Help], Kinds("想问下 走访的情况是不是直接在这儿打字发给你就行"));

        // Controls: a rule's place asked (no bot addressed) is for the documents; a count of the records is a progress figure.
        Assert.DoesNotContain(ActionKind.Help, Kinds("党组织关系转接要在哪里办理"));
        Assert.DoesNotContain(ActionKind.Help, Kinds("这周我报的走访你一共记了几次"));
    }

    [Fact]
    public void A_question_passed_on_unanswered_is_the_senders_advice_question()
    {
        var advice = Assert.Single(Read("恒信建筑党员六个 员工两百 老板问是单独建还是跟别家联建好"));
        Assert.Equal(ActionKind.FormationAdvice, advice.Kind);
        Assert.Equal("深圳市恒信建筑工程有限公司", advice.Organization);
        Assert.Equal(6, advice.PartyMembers);
        Assert.Equal(200, advice.Employees);

        // Control: answered by the sender (我跟他说…), the question is reported, not put.
        Assert.DoesNotContain(ActionKind.FormationAdvice, Kinds("恒信建筑老板问能不能单独建支部 我跟他说要看党员数"));
    }

    [Fact]
    public void A_unit_introduced_by_a_verb_of_opening_and_a_way_asked_is_advice()
    {
        var advice = Assert.Single(Read("坂田新开了家物流公司 三十个人 党员三个 这种建个啥好"));
        Assert.Equal(ActionKind.FormationAdvice, advice.Kind);
        Assert.Equal(3, advice.PartyMembers);
        Assert.Equal(30, advice.Employees);
    }

    [Fact]
    public void An_earlier_claim_quoted_and_corrected_is_undone_and_restated()
    {
        var actions = Read("刚才说青禾文化工会是上周成立的 说错了 是昨天");
        Assert.Equal([ActionKind.Undo, ActionKind.WorkCoverage], actions.Select(a => a.Kind));
        Assert.Equal(new DateOnly(2026, 12, 15), actions[1].Date);

        // Round 24 (r24-undo, as this branch's own gold ua22-13): the last message quoted (刚才说…) is taken back even for a
        // ledger figure; a report named by its time (上次说…) keeps round 17's convention: the figure overwrites itself, no undo.
        Assert.Equal([ActionKind.Undo, ActionKind.OrgUpdate], Kinds("刚才说青禾文化员工八十个 说错了 是九十个"));
        Assert.DoesNotContain(ActionKind.Undo, Kinds("上次说青禾文化员工八十个 说错了 是九十个"));
    }

    [Fact]
    public void An_earlier_record_the_bot_is_told_not_to_keep_is_undone_whatever_plan_follows()
    {
        Assert.Equal([ActionKind.Undo], Kinds("上一条先别登记 我明天再去确认"));

        // Control: no earlier record pointed at.
        Assert.DoesNotContain(ActionKind.Undo, Kinds("这个不用记 就跟你说一声"));
    }

    [Fact]
    public void A_figure_said_with_the_ledger_asked_to_take_it_is_no_lookup()
    {
        var update = Assert.Single(Read("星辰半导体那边职工现在三百二了 台账上更新一下"));
        Assert.Equal(ActionKind.OrgUpdate, update.Kind);
        Assert.Equal(320, update.Employees);
    }

    [Fact]
    public void A_question_put_to_someone_else_asks_nothing_of_the_bot()
    {
        Assert.Empty(Read("老周上午去过宏图贸易了 我没去 晚点我问问他怎么样"));
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        // 0.880 through the CLI after (first run on r22-int 6f82be5: 0.680; docs/understanding.md, round 22, r22-uacts).
        var score = UnderstandingScorer.EvaluateFile("understanding-r22-uacts.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.84, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
