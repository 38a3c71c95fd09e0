using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using Signal = InstructorBot.Bot.Understanding.RecordDoubts.Signal;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 12, branch r12-safety (<see cref="RecordSlotDoubts"/>): each signal that a record's slots do not say what the
/// message says, on a reading given (so the signal is tested, not the reader), with a control where it must not hold; then
/// which of them act (<see cref="RecordDoubts.Chosen"/>). None of these sentences is from a blind batch.
/// </summary>
public sealed class RecordSlotDoubtsTests
{
    private static readonly DateOnly Today = new(2026, 12, 16);
    private static readonly RecordDoubts Doubts = new(Vocabulary.Default());

    private static List<Signal> Signals(string text, UnderstoodAction action, params UnderstoodAction[] others) =>
        Doubts.Signals(action, [.. others, action], text, Today);

    private static UnderstoodAction Discovery(int count, MemberCategories? kinds = null) =>
        new(ActionKind.MemberDiscovery) { Organization = "深圳市德润物业管理有限公司", OrganizationId = 11, Date = Today, Count = count, Categories = kinds };

    private static UnderstoodAction Update(int? employees = null, int? members = null) =>
        new(ActionKind.OrgUpdate) { Organization = "深圳市华鼎物流有限公司", OrganizationId = 21, Date = Today, Employees = employees, PartyMembers = members };

    [Theory]
    [InlineData("德润物业又找到两个党员 其中一个是预备党员", null, true)]
    [InlineData("德润物业又找到两个党员 其中一个是预备党员", "probationary", false)]
    [InlineData("德润物业又找到两个党员 没有预备的", null, false)]
    [InlineData("德润物业又找到两个党员 都是新招聘进来的", null, true)]
    public void A_discovery_that_lacks_a_kind_of_member_the_message_names_is_asked(string text, string? kind, bool asked)
    {
        var kinds = kind is null ? null : MemberCategories.None.Plus(kind, 1);
        Assert.Equal(asked, Signals(text, Discovery(2, kinds)).Contains(Signal.KindUnread));
    }

    [Fact]
    public void A_kind_figure_no_numeral_gives_is_asked()
    {
        Assert.Contains(Signal.UnsaidKindFigure, Signals("德润物业碰上两个党员 一个预备的", Discovery(3, new MemberCategories { Probationary = 3 })));
        Assert.DoesNotContain(Signal.UnsaidKindFigure, Signals("德润物业找到两个预备党员", Discovery(2, new MemberCategories { Probationary = 2 })));
    }

    [Fact]
    public void A_member_figure_said_that_no_action_holds_is_asked_beside_an_update_without_a_total()
    {
        Assert.Contains(Signal.FigureUnread, Signals("华鼎物流员工七十五 党员就老板自己一个", Update(employees: 75)));
        Assert.DoesNotContain(Signal.FigureUnread, Signals("华鼎物流员工七十五 党员就老板自己一个", Update(75, 1)));
        Assert.DoesNotContain(Signal.FigureUnread, Signals("华鼎物流员工七十五 又发现一个党员", Update(employees: 75), Discovery(1)));
        Assert.DoesNotContain(Signal.FigureUnread, Signals("华鼎物流员工七十五 党员二十多个", Update(employees: 75)));
    }

    [Fact]
    public void A_staff_figure_whose_every_numeral_counts_members_or_things_is_asked()
    {
        Assert.Contains(Signal.FigureOfOtherNoun, Signals("路过一家小店 老板说店里有一个党员", Update(1, 1)));
        Assert.Contains(Signal.FigureOfOtherNoun, Signals("华鼎物流三个党员", Update(3)));
        Assert.DoesNotContain(Signal.FigureOfOtherNoun, Signals("华鼎物流三个员工 一个党员", Update(3, 1)));
        Assert.Contains(Signal.FigureOfOtherNoun, Signals("华鼎物流七个司机", Update(members: 7)));
    }

    [Fact]
    public void A_figure_said_only_as_the_past_is_asked()
    {
        Assert.Contains(Signal.FormerFigure, Signals("华鼎物流原来那两个党员之外又找到一个", Update(members: 2)));
        Assert.DoesNotContain(Signal.FormerFigure, Signals("华鼎物流原来一个 现在两个党员", Update(members: 2)));
    }

    [Fact]
    public void A_person_slot_that_is_no_name_or_missing_where_the_message_names_one_is_asked()
    {
        UnderstoodAction Pairing(string? secretary) =>
            new(ActionKind.Pairing) { Organization = "深圳市佳和餐饮管理有限公司", OrganizationId = 7, Date = Today, Secretary = secretary };
        Assert.Contains(Signal.PersonNotName, Signals("佳和餐饮由她来一对一帮扶", Pairing("由她")));
        Assert.DoesNotContain(Signal.PersonNotName, Signals("佳和餐饮由周海涛一对一帮扶", Pairing("周海涛")));
        Assert.Contains(Signal.PersonMissing, Signals("佳和餐饮的一对一帮扶交给委员冯立新了", Pairing(null)));
        Assert.Contains(Signal.PersonMissing, Signals("佳和餐饮归我结对帮扶", Pairing(null)));
        Assert.DoesNotContain(Signal.PersonMissing, Signals("佳和餐饮由社区书记结对帮扶", Pairing(null)));
    }

    [Fact]
    public void A_visit_whose_only_going_is_a_direction_after_another_verb_is_asked()
    {
        UnderstoodAction Visit() => new(ActionKind.Visit) { Organization = "深圳市佳和餐饮管理有限公司", OrganizationId = 7, Date = Today };
        Assert.Contains(Signal.DirectionalGo, Signals("佳和餐饮的申请材料今天交上去了", Visit()));
        Assert.Contains(Signal.DirectionalGo, Signals("佳和餐饮的党员今天并到德润物业支部上去了", Visit()));
        Assert.DoesNotContain(Signal.DirectionalGo, Signals("今天去了佳和餐饮 把材料交上去了", Visit()));
        Assert.DoesNotContain(Signal.DirectionalGo, Signals("今天到佳和餐饮看了看", Visit()));
        Assert.DoesNotContain(Signal.DirectionalGo, Signals("今天晚上去的佳和餐饮", Visit()));
        // The clause that says the visit's day: the day before yesterday's visit is one, today's is a paper handed in.
        Assert.Contains(Signal.DirectionalGo, Signals("前天去了佳和餐饮 今天把材料交上去了", Visit()));
        Assert.DoesNotContain(Signal.DirectionalGo, Signals("前天去了佳和餐饮 今天把材料交上去了", Visit() with { Date = Today.AddDays(-2) }));
    }

    [Fact]
    public void A_second_record_of_the_same_kind_unit_and_measure_and_a_repair_left_unread_are_read()
    {
        UnderstoodAction Mass(WorkCoverageMeasure measure) =>
            new(ActionKind.WorkCoverage) { Organization = "深圳市佳和餐饮管理有限公司", OrganizationId = 7, Date = Today, Measure = measure };
        var union = Mass(WorkCoverageMeasure.TradeUnion);
        Assert.Contains(Signal.SameKindTwice, Doubts.Signals(union with { }, [union, union with { }], "佳和餐饮成立了工会", Today));
        Assert.DoesNotContain(Signal.SameKindTwice, Signals("佳和餐饮成立了工会和团支部", Mass(WorkCoverageMeasure.YouthLeague), union));
        Assert.Contains(Signal.RepairLeft, Signals("德润物业找到三个党员 两个流动的 不是不是 说反了", Discovery(3)));
    }

    /// <summary>Chosen on blind a–z by the rule of docs/understanding.md round 12: caught at least one wrong record, cost at most as many right.</summary>
    [Fact]
    public void The_signals_that_cost_more_right_records_than_they_catch_are_read_but_do_not_act()
    {
        Assert.DoesNotContain(Signal.RepairLeft, RecordDoubts.Chosen);
        Assert.DoesNotContain(Signal.SameKindTwice, RecordDoubts.Chosen);
        Assert.Contains(Signal.KindUnread, RecordDoubts.Chosen);
        Assert.Contains(Signal.FigureUnread, RecordDoubts.Chosen);
        var doubtsAll = new RecordDoubts(Vocabulary.Default(), Enum.GetValues<Signal>().ToHashSet());
        var union = new UnderstoodAction(ActionKind.WorkCoverage) { OrganizationId = 7, Organization = "x", Date = Today, Measure = WorkCoverageMeasure.TradeUnion };
        var twice = new UnderstandingResult([union, union with { }], []);
        Assert.True(doubtsAll.Apply(twice, "佳和餐饮成立了工会", Today).Actions[1].Doubtful);
        Assert.False(Doubts.Apply(twice, "佳和餐饮成立了工会", Today).Actions[1].Doubtful);
    }
}
