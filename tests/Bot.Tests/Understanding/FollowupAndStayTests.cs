using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Kinds found on batch d (branch r3b-u2kinds), in sentences of their own: stays said by a verb of spending time, a status
/// that is only planned, a unit that only asks to be shown, the same request asked twice, "none" with 还.
/// </summary>
public sealed class FollowupAndStayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations());

    private UnderstandingResult Understand(string text, string user = "u_zhang") => understanding.Understand(text, FixtureLedger.Users()[user], Now);

    [Theory]
    [InlineData("昨天下午都泡在恒信建筑了，跟老板聊了聊")]
    [InlineData("今天我人在恒信建筑，开了个座谈会")]
    public void A_verb_of_spending_time_before_the_place_is_a_visit(string text)
    {
        var visit = Assert.Single(Understand(text).Actions, a => a.Kind == ActionKind.Visit);
        Assert.Equal("深圳市恒信建筑工程有限公司", visit.Organization);
    }

    [Theory]
    [InlineData("一下午都耗在开会上了")]
    [InlineData("恒信建筑的材料都待在我这里了")]
    public void Spending_time_elsewhere_is_no_visit(string text) =>
        Assert.DoesNotContain(Understand(text).Actions, a => a.Kind == ActionKind.Visit);

    [Fact]
    public void A_status_only_planned_is_no_update_and_one_said_is()
    {
        Assert.DoesNotContain(Understand("华鼎精密准备明年注销").Actions, a => a.Status is not null);
        Assert.Contains(Understand("华鼎精密上个月已经注销了").Actions, a => a.Status is not null);
    }

    [Fact]
    public void A_unit_that_only_asks_to_be_shown_adds_no_request()
    {
        var query = Assert.Single(Understand("民治街道还有哪些单位没建党组织？列个清单给我").Actions);
        Assert.Equal(ActionKind.ProgressQuery, query.Kind);
    }

    [Fact]
    public void The_same_request_asked_twice_is_one()
    {
        var help = Assert.Single(Understand("你能做什么？有哪些功能？").Actions);
        Assert.Equal(ActionKind.Help, help.Kind);
    }

    [Fact]
    public void One_member_then_still_none_is_none()
    {
        var update = Assert.Single(Understand("智联物流30人，一个党员也还没有").Actions);
        Assert.Equal(0, update.PartyMembers);
    }

    [Fact]
    public void A_staff_word_after_a_short_name_is_no_part_of_the_name()
    {
        var update = Assert.Single(Understand("德润物业全公司一共七十人").Actions);
        Assert.Equal(("深圳市德润物业管理有限公司", 70), (update.Organization, update.Employees));
    }

    [Fact]
    public void A_bare_formation_verb_before_a_pairing_clause_names_the_work_paired()
    {
        var paired = Understand("智联物流的党支部成立，由我来结对帮扶").Actions;
        Assert.DoesNotContain(paired, a => a.Kind == ActionKind.Formation);
        Assert.Contains(paired, a => a.Kind == ActionKind.Pairing);

        Assert.Contains(Understand("智联物流党支部今天成立了，由我来结对帮扶").Actions, a => a.Kind == ActionKind.Formation);
    }
}
