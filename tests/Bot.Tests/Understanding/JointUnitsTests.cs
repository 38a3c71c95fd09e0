using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 24, branch r24-joint: which units a joint formation covers, as reports list them (docs/understanding.md, round 24):
/// a list in the clauses after the verb, a subject list before 和/跟 + a unit, 以X为主 naming the first unit, units before 由 in
/// a helper's clause, a name that starts with 和 after a joiner; a list that holds units it does not name asks. Units and
/// wordings other than the branch batch's (tests/data/understanding-r24-joint.jsonl), with controls.
/// </summary>
public sealed class JointUnitsTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 17, 0, 0, TimeSpan.FromHours(8));

    private static UnderstoodAction Formation(string text)
    {
        var understood = Understanding.Understand(text, FixtureLedger.Users()["u_liu"], Now);
        return Assert.Single(understood.Actions, a => a.Kind == ActionKind.Formation);
    }

    [Fact]
    public void Units_listed_in_the_clauses_after_the_verb_are_all_the_units()
    {
        var formation = Formation("昨天联合党支部挂牌了，参与单位两家：智联物流、汇通汽车，还有美好时光家政，书记何丽");
        Assert.Equal(["深圳市智联物流有限公司", "深圳市汇通汽车服务有限公司", "深圳市美好时光家政服务有限公司"], formation.Units);
        Assert.Equal("深圳市智联物流有限公司", formation.Organization);

        // Control: a clause that says more than names is no list of units.
        var single = Formation("顺达快递今天成立了联合党支部，佳和餐饮下个月也想建");
        Assert.Equal(["深圳市顺达快递服务有限公司"], single.Units);
    }

    [Fact]
    public void A_subject_list_before_and_a_unit_after_he_are_the_units()
    {
        var formation = Formation("青禾文化和金桥投资两家都只有一两个党员，昨天跟优品超市一起成立了联合党支部");
        Assert.Equal(["深圳市青禾文化传媒有限公司", "深圳市金桥投资发展有限公司", "深圳市优品连锁超市有限公司"], formation.Units);
    }

    [Fact]
    public void The_unit_said_with_yi_wei_zhu_is_the_first_unit()
    {
        var formation = Formation("以佳和餐饮为主，联合宏图贸易成立了联合党支部");
        Assert.Equal(["深圳市佳和餐饮管理有限公司", "深圳市宏图贸易有限公司"], formation.Units);
        Assert.Equal("深圳市佳和餐饮管理有限公司", formation.Organization);
    }

    [Fact]
    public void Units_before_you_in_a_helpers_clause_are_units_and_the_helper_is_not()
    {
        var formation = Formation("顺达快递和佳和餐饮由恒信建筑党支部龙头带建 昨天成立了联合党支部");
        Assert.Equal(["深圳市顺达快递服务有限公司", "深圳市佳和餐饮管理有限公司"], formation.Units);
        Assert.Equal(JointMode.Leading, formation.JointMode);
    }

    [Fact]
    public void A_name_that_starts_with_he_after_a_joiner_is_read_whole()
    {
        var formation = Formation("宏图贸易与和丰五金厂今天片区联建成立了联合党支部");
        Assert.Equal(["深圳市宏图贸易有限公司", "和丰五金厂"], formation.Units);
    }

    [Fact]
    public void A_list_with_units_it_does_not_name_asks_which()
    {
        var understood = Understanding.Understand("华鼎物流跟周边的几家商户今天联合成立了党支部", FixtureLedger.Users()["u_liu"], Now);
        var formation = Assert.Single(understood.Actions, a => a.Kind == ActionKind.Formation);
        Assert.Null(formation.Organization);
        Assert.Null(formation.Units);
        Assert.Contains("organization", understood.Missing);

        // Control: a count of named units is no unnamed unit.
        Assert.Equal(2, Formation("华鼎物流跟智联物流两家企业今天联合成立了党支部").Units?.Count);
    }

    [Fact]
    public void A_list_said_with_pauses_before_gen_and_a_unit_is_all_the_units()
    {
        var formation = Formation("汇通汽车，美好时光家政，跟宏图贸易今天片区联建成立了联合党支部");
        Assert.Equal(["深圳市汇通汽车服务有限公司", "深圳市美好时光家政服务有限公司", "深圳市宏图贸易有限公司"], formation.Units);
    }

    [Fact]
    public void A_formation_verb_before_an_event_noun_leaves_the_formation_to_the_clause_that_sets_it_up()
    {
        var formation = Formation("上午去开了一个联合党支部的成立大会。汇通汽车和美好时光家政两家各有一名党员，由华鼎精密党支部带建，成立了联合党支部");
        Assert.Equal(["深圳市汇通汽车服务有限公司", "深圳市美好时光家政服务有限公司"], formation.Units);
        Assert.Equal(JointMode.Leading, formation.JointMode);

        // Controls: with no later clause that sets it up, the event's verb is the formation; a later mode word sets none up.
        Assert.Equal(JointMode.Leading, Formation("华鼎精密牵头，把汇通汽车和美好时光家政带起来，开了联合党支部成立大会，算龙头带建。").JointMode);
        Assert.Equal(2, Formation("今天开了联合党支部成立大会，顺达快递和佳和餐饮两家").Units?.Count);
    }

    [Fact]
    public void A_host_marker_begins_no_units_name()
    {
        var formation = Formation("依托横岗五金行业协会，青禾文化和金桥投资今天同业共建成立了联合党支部");
        Assert.Equal(["深圳市青禾文化传媒有限公司", "深圳市金桥投资发展有限公司"], formation.Units);
    }

    [Fact]
    public void A_count_of_units_that_disagrees_with_the_names_read_asks()
    {
        var understood = Understanding.Understand("宏图贸易、金桥投资三家今天联合成立了党支部", FixtureLedger.Users()["u_liu"], Now);
        Assert.Null(Assert.Single(understood.Actions, a => a.Kind == ActionKind.Formation).Organization);
        Assert.Contains("organization", understood.Missing);

        // Controls: the count agrees; a self-repair restates the list and its count, and the last count decides.
        Assert.Equal(2, Formation("宏图贸易、金桥投资两家今天联合成立了党支部").Units?.Count);
        Assert.Equal(["深圳市宏图贸易有限公司", "深圳市金桥投资发展有限公司"],
            Formation("今天宏图贸易和金桥投资还有青禾文化三家片区联建成立了联合支部 哦说错了青禾没进来 就宏图跟金桥两家").Units);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        // First run on main 41cb311: 0.667 (16/24); after: see docs/understanding.md, round 24, r24-joint.
        var score = UnderstandingScorer.EvaluateFile("understanding-r24-joint.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.95, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
