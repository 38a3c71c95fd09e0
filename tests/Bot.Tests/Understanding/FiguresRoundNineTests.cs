using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r9-ufigures: figures said with change and state words (到, 涨到, 还是那, 倒是), a total said beside a formation,
/// units of a formation said in the clause after it or leaving a joint body (分出), mass bodies listed with 、 sharing one
/// verb, a head count said as a clause of its own after a coverage, an instructor word that titles a secretary.
/// </summary>
public sealed class FiguresRoundNineTests
{
    private const string Hengxin = "深圳市恒信建筑工程有限公司";
    private const string Huading = "深圳市华鼎精密制造有限公司";
    private const string Qinghe = "深圳市青禾文化传媒有限公司";
    private const string Renai = "深圳市龙岗区仁爱医院";
    private const string Sunshine = "深圳市龙岗区阳光社工服务中心";
    private const string HuadingLogistics = "深圳市华鼎物流有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 11, 18, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhao") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        // First run 0.733 (2026-12-06 03:29 UTC); the misses left are in docs/understanding.md (round 9, r9-ufigures).
        var score = UnderstandingScorer.EvaluateFile("understanding-r9-ufigures.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.83, $"{score}\n{string.Join("\n", score.Failures)}");
    }

    [Theory]
    [InlineData("恒信建筑党员还是那五个", 5)]
    [InlineData("恒信建筑党员还是原来那五个，没变", 5)]
    [InlineData("恒信建筑党员到九个了", 9)]
    public void A_figure_said_with_a_state_or_change_word_is_the_total(string text, int members)
    {
        var update = Assert.Single(Read(text));
        Assert.Equal(ActionKind.OrgUpdate, update.Kind);
        Assert.Equal(Hengxin, update.Organization);
        Assert.Equal(members, update.PartyMembers);
    }

    [Fact]
    public void Staff_said_to_have_risen_to_a_figure_after_a_contrast_word_are_the_total()
    {
        var update = Assert.Single(Read("华鼎精密党员还是一个没有，员工倒是涨到三百一十个了"));
        Assert.Equal(Huading, update.Organization);
        Assert.Equal(310, update.Employees);
        Assert.Equal(0, update.PartyMembers);
    }

    [Fact]
    public void A_total_said_now_beside_a_formation_is_an_update_not_the_members()
    {
        var actions = Read("青禾文化党员现在是六个了 今天党支部成立 书记林青禾");
        var update = Assert.Single(actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal(6, update.PartyMembers);
        var formation = Assert.Single(actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal(Qinghe, formation.Organization);
        Assert.Null(formation.Members);
    }

    [Fact]
    public void A_unit_that_splits_out_of_a_joint_body_forms_a_single_one()
    {
        var formation = Assert.Single(Read("仁爱医院从联合党支部中分出，今天单独成立了党支部"));
        Assert.Equal(ActionKind.Formation, formation.Kind);
        Assert.Equal(Renai, formation.Organization);
        Assert.Equal(FormationMethod.Single, formation.Method);
    }

    [Fact]
    public void Mass_bodies_listed_share_the_verb_after_the_last()
    {
        var actions = Read("阳光社工的工会、妇委会今天都挂牌成立了");
        Assert.Equal([WorkCoverageMeasure.TradeUnion, WorkCoverageMeasure.WomenFederation], actions.Select(a => a.Measure!.Value));
        Assert.All(actions, a => Assert.Equal(Sunshine, a.Organization));
    }

    [Fact]
    public void A_head_count_said_on_its_own_after_a_coverage_is_the_staff()
    {
        var actions = Read("华鼎物流工会今天挂牌了，一百三十号人");
        Assert.Contains(actions, a => a.Kind == ActionKind.WorkCoverage && a.Measure == WorkCoverageMeasure.TradeUnion);
        var update = Assert.Single(actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal(HuadingLogistics, update.Organization);
        Assert.Equal(130, update.Employees);
    }

    [Fact]
    public void An_instructor_who_serves_as_secretary_is_no_coverage()
    {
        var actions = Read("恒信建筑和华鼎精密派驻帮建的联合党支部今天成立，街道派的指导员赵敏当书记");
        var formation = Assert.Single(actions);
        Assert.Equal(ActionKind.Formation, formation.Kind);
        Assert.Equal("赵敏", formation.Secretary);
    }

    [Theory]
    [InlineData("恒信建筑党员少了两个")]
    [InlineData("恒信建筑党员多了两个")]
    [InlineData("恒信建筑党员涨了两个")] // 涨了 left figure_particles (round 9 merge): a rise is no total
    public void A_figure_said_as_a_difference_is_no_total(string text) =>
        Assert.DoesNotContain(Read(text), a => a.PartyMembers == 2);

    [Fact]
    public void A_rise_is_no_head_count_and_a_rise_to_a_figure_is()
    {
        Assert.DoesNotContain(Read("恒信建筑员工涨了二十个"), a => a.Employees == 20);
        Assert.Contains(Read("恒信建筑员工涨到一百二了"), a => a.Kind == ActionKind.OrgUpdate && a.Employees == 120);
    }
}
