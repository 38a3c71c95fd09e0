using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Structure (branch r4-frames): the frame each clause gets and the organisation and day it inherits, read end to end,
/// and a message cut into parts read once with no recursion. Sentences other than the blind batches'.
/// </summary>
public sealed class ClauseFrameReadingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations());

    private UnderstandingResult Understand(string text, string user = "u_zhang") => understanding.Understand(text, FixtureLedger.Users()[user], Now);

    [Theory]
    [InlineData("瑞康医疗党支部派驻帮建，安捷电子和鹏城数据的联合党支部昨天建好了", "dispatched")]
    [InlineData("微光软件党委派了两名党员过来帮建 安捷电子和鹏城数据昨天建起了联合党支部", "dispatched")]
    [InlineData("由微光软件党支部带着 安捷电子和鹏城数据昨天成立了联合党支部", "leading")]
    public void A_helper_before_a_joint_formation_is_no_unit_and_gives_the_mode(string text, string mode)
    {
        var formation = Assert.Single(Understand(text).Actions);
        Assert.Equal(ActionKind.Formation, formation.Kind);
        Assert.Equal(["深圳市安捷电子有限公司", "深圳市鹏城数据服务有限公司"], formation.Units);
        Assert.Equal(mode, formation.JointMode.ToString()!.ToLowerInvariant());
        Assert.Equal(new DateOnly(2026, 12, 7), formation.Date);
        Assert.Null(formation.Members); // the helper's 两名党员 are nobody's members
    }

    [Fact]
    public void A_pairing_in_its_own_clause_does_not_stop_the_formation_after_it()
    {
        var actions = Understand("今天我跟安捷电子结对了 安捷和鹏城数据也一起成立了联合党支部", "u_li").Actions;
        Assert.Contains(actions, a => a.Kind == ActionKind.Pairing && a.Organization == "深圳市安捷电子有限公司");
        Assert.Contains(actions, a => a.Kind == ActionKind.Formation && a.Units!.Count == 2);
    }

    [Fact]
    public void A_find_said_on_after_a_day_correction_keeps_the_corrected_day()
    {
        var actions = Understand("上周三去了汇通汽车不对是上周四发现了两名流动党员").Actions;
        var found = Assert.Single(actions, a => a.Kind == ActionKind.MemberDiscovery);
        Assert.Equal((2, new DateOnly(2026, 12, 3)), (found.Count!.Value, found.Date!.Value));
        Assert.Equal(new DateOnly(2026, 12, 3), Assert.Single(actions, a => a.Kind == ActionKind.Visit).Date);
    }

    [Fact]
    public void A_figure_after_a_plan_to_set_up_a_body_is_a_fact_again()
    {
        var update = Assert.Single(Understand("今天去了汇通汽车 下个月打算帮他们建工会 党员现在是五名").Actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal(5, update.PartyMembers);
    }

    [Fact]
    public void A_request_after_a_report_is_read_once_about_the_reported_organisation()
    {
        var actions = Understand("今天走访了皮包公司，建议怎么处理？他们这种情况适合怎么组建").Actions;
        Assert.NotEmpty(actions); // once a stack overflow; parts are never cut again

        var advice = Assert.Single(Understand("上午走访智联物流，职工85人。另外想问下他们这种情况适合怎么组建").Actions, a => a.Kind == ActionKind.FormationAdvice);
        Assert.Equal("深圳市智联物流有限公司", advice.Organization);
        Assert.Contains("深圳市智联物流有限公司", advice.Question); // the documents get the name in place of 他们
    }
}
