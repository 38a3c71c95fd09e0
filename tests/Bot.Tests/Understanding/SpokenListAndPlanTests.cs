using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Voice batch c's forms in their general form (branch r3b-u2voice), in sentences of their own: lists spoken with particles
/// and pointed back at (这三家), rounds of units, hosted formations, progress questions with 一共…几家, breakdowns by
/// person, a conjunction closing a name, and a plan that governs the clause after it.
/// </summary>
public sealed class SpokenListAndPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations());

    private UnderstandingResult Understand(string text, string user = "u_zhang") => understanding.Understand(text, FixtureLedger.Users()[user], Now);

    [Theory]
    [InlineData("智联物流啊 汇通汽车啊 还有恒信建筑 这三家昨天都走访了")]
    [InlineData("智联物流、汇通汽车和恒信建筑，这三家昨天都去过了")]
    public void A_counted_pointer_before_the_verb_takes_the_whole_list_said_before_it(string text)
    {
        var visits = Understand(text).Actions.Where(a => a.Kind == ActionKind.Visit).ToList();
        Assert.Equal(3, visits.Select(v => v.Organization).Distinct().Count());
        Assert.All(visits, v => Assert.Equal(new DateOnly(2026, 12, 7), v.Date));
    }

    [Fact]
    public void A_walk_with_a_count_of_units_is_a_round_of_visits_and_a_walk_alone_is_not()
    {
        var visits = Understand("上午走了两家 顺达快递 德润物业").Actions.Where(a => a.Kind == ActionKind.Visit).ToList();
        Assert.Equal(2, visits.Count);

        Assert.DoesNotContain(Understand("顺达快递党员走了两个").Actions, a => a.Kind == ActionKind.Visit);
    }

    [Fact]
    public void A_unit_attached_to_a_host_party_body_is_a_hosted_formation_and_nobody_went_to_the_host()
    {
        var actions = Understand("德润物业挂靠到恒信建筑党支部了", "u_zhao").Actions;
        var formation = Assert.Single(actions);
        Assert.Equal((ActionKind.Formation, FormationMethod.Joint, JointMode.Affiliated), (formation.Kind, formation.Method, formation.JointMode));
        Assert.DoesNotContain("恒信", formation.Organization, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conjunction_closing_the_message_is_the_last_character_of_a_name()
    {
        var formation = Assert.Single(Understand("顺达快递和德润物业联合成立了党支部 书记王立和").Actions);
        Assert.Equal("王立和", formation.Secretary);
    }

    [Fact]
    public void How_many_units_in_all_is_a_progress_question_and_by_person_asks_for_the_instructors()
    {
        var own = Assert.Single(Understand("这个月我总共去了几家").Actions);
        Assert.Equal((ActionKind.ProgressQuery, ProgressMetric.Visits), (own.Kind, own.Metric));

        var ranked = Assert.Single(Understand("各位指导员这个月走访了多少家 按人统计一下", "u_wang").Actions);
        Assert.Equal(BreakdownLevel.Instructor, ranked.By);
    }

    [Fact]
    public void A_plan_to_go_governs_the_clause_of_seeing_after_it()
    {
        Assert.Empty(Understand("后天打算去一趟智联物流 看看他们党员到底啥情况").Actions);

        // Without a plan, the same question is one for the unit's card.
        Assert.Contains(Understand("智联物流党员到底啥情况").Actions, a => a.Kind == ActionKind.OrgLookup);
    }
}
