using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using Signal = InstructorBot.Bot.Understanding.RecordDoubts.Signal;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 11, branch r11-safety (<see cref="RecordDoubts"/>): each general signal that a record may be wrong, on a reading
/// given (so the signal is tested, not the reader), with a control where it must not hold; then the whole reader on
/// messages whose careless reading is wrong. None of these sentences is from a blind batch.
/// </summary>
public sealed class RecordDoubtsTests
{
    private static readonly DateOnly Today = new(2026, 12, 16);
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 18, 0, 0, TimeSpan.FromHours(8));
    private static readonly RecordDoubts Doubts = new(Vocabulary.Default());
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static List<Signal> Signals(string text, UnderstoodAction action, params UnderstoodAction[] others) =>
        Doubts.Signals(action, [.. others, action], text, Today);

    private static UnderstoodAction Update(int? employees = null, int? members = null) =>
        new(ActionKind.OrgUpdate) { Organization = "深圳市智联物流有限公司", OrganizationId = 9, Date = Today, Employees = employees, PartyMembers = members };

    private static UnderstoodAction Discovery(int count, MemberCategories? kinds = null, DateOnly? date = null, int unit = 4) =>
        new(ActionKind.MemberDiscovery) { Organization = "x", OrganizationId = unit, Date = date ?? Today, Count = count, Categories = kinds };

    private static UnderstoodAction Visit(DateOnly date, int unit = 4) => new(ActionKind.Visit) { Organization = "x", OrganizationId = unit, Date = date };

    [Theory]
    [InlineData("顺达快递说又找到两个流动党员 我还没核实", true)]
    [InlineData("群里说德润物业又冒出一个隐形党员，待确认", true)]
    [InlineData("街道的同志去的德润物业，仅供参考", true)]
    [InlineData("顺达快递又找到两个流动党员 我核实过了", false)]
    public void What_the_sender_says_is_unchecked_or_not_his_is_asked(string text, bool asked) =>
        Assert.Equal(asked, Signals(text, Discovery(2)).Contains(Signal.Unverified));

    [Theory]
    [InlineData("智联物流员工一百三 党员一个都木有", 1, true)]
    [InlineData("智联物流党员两个也没有了", 2, true)]
    [InlineData("智联物流党员四个没变", 4, false)]
    [InlineData("智联物流党员一个都没有", 0, false)]
    [InlineData("智联物流党员三个 没有预备的", 3, false)]
    public void A_figure_the_negation_after_it_denies_is_asked(string text, int members, bool asked) =>
        Assert.Equal(asked, Signals(text, Update(members: members)).Contains(Signal.NegatedFigure));

    [Fact]
    public void A_figure_no_numeral_of_the_message_gives_is_asked_and_a_sum_of_kinds_or_a_numeral_is_not()
    {
        Assert.Contains(Signal.UnsaidFigure, Signals("青禾文化又有个员工亮了身份 是口袋党员", Discovery(2, new MemberCategories { Pocket = 1 })));
        Assert.DoesNotContain(Signal.UnsaidFigure, Signals("青禾文化发现两个流动的一个隐形的", Discovery(3, new MemberCategories { Flowing = 2, Hidden = 1 })));
        Assert.DoesNotContain(Signal.UnsaidFigure, Signals("智联物流员工一百七 党员俩", Update(170, 2)));
        Assert.Contains(Signal.UnsaidFigure, Signals("智联物流员工一百七", Update(17)));
    }

    [Theory]
    [InlineData("隔天去了一趟佳和餐饮", true)]
    [InlineData("那天在佳和餐饮待了一下午", true)]
    [InlineData("今天去了一趟佳和餐饮", false)]
    [InlineData("上礼拜三去了一趟佳和餐饮", false)]
    public void A_day_word_the_reader_did_not_resolve_asks_about_a_record_dated_today(string text, bool asked) =>
        Assert.Equal(asked, Signals(text, Visit(Today)).Contains(Signal.UnresolvedDay));

    [Fact]
    public void A_record_dated_today_beside_a_visit_to_its_unit_on_another_day_is_asked_unless_today_is_said()
    {
        var before = Today.AddDays(-2);
        Assert.Contains(Signal.DayAgainstVisit, Signals("前天走访了顺达快递和德润物业，德润那边又发现一个流动党员", Discovery(1, unit: 11), Visit(before, 11)));
        Assert.DoesNotContain(Signal.DayAgainstVisit, Signals("前天走访了德润物业 今天他们又发现一个流动党员", Discovery(1, unit: 11), Visit(before, 11)));
        Assert.DoesNotContain(Signal.DayAgainstVisit, Signals("前天走访了德润物业和顺达快递，顺达又发现一个流动党员", Discovery(1, unit: 3), Visit(before, 11)));
    }

    [Fact]
    public void A_record_of_no_unit_in_a_question_with_no_day_and_nothing_done_is_asked()
    {
        var pairing = new UnderstoodAction(ActionKind.Pairing) { Date = Today };
        Assert.Contains(Signal.QuestionWithoutUnit, Signals("社区书记结对帮扶一般要帮几家？", pairing));
        Assert.DoesNotContain(Signal.QuestionWithoutUnit, Signals("今天结对帮扶了一家，下一步怎么办？", pairing));
        Assert.DoesNotContain(Signal.QuestionWithoutUnit, Signals("佳和餐饮我来结对帮扶，建议怎么建？", pairing with { Organization = "深圳市佳和餐饮管理有限公司", OrganizationId = 7 }));
    }

    [Fact]
    public void A_joint_unit_the_ledger_lacks_that_holds_a_list_word_is_asked_and_an_unknown_name_is_not()
    {
        UnderstoodAction Joint(string second) => new(ActionKind.Formation)
        {
            Organization = "深圳市青禾文化传媒有限公司", OrganizationId = 4, Date = Today, Units = ["深圳市青禾文化传媒有限公司", second], UnitIds = [4, null],
        };
        Assert.Contains(Signal.UnitNotName, Signals("青禾文化 顺达还有德润那家 今天建了联合支部", Joint("顺达还有德润那家")));
        Assert.DoesNotContain(Signal.UnitNotName, Signals("青禾文化和极光数字营销今天建了联合支部", Joint("深圳市极光数字营销有限公司")));
    }

    /// <summary>The whole reader: the record is kept as read, and asked about before it is written.</summary>
    [Theory]
    [InlineData("青禾文化员工四十五个 党员两个也没有", ActionKind.OrgUpdate)] // round 22 reads 一个木有 as none (r22-ufind); 两个也没有 is still read 2
    [InlineData("隔天去了一趟青禾文化 党员还是一个", ActionKind.Visit)]
    [InlineData("云启科技郑总说他们又找到一个口袋党员 我明天过去核实一下", ActionKind.MemberDiscovery)]
    public void A_careless_reading_is_kept_and_marked_doubtful(string text, ActionKind kind)
    {
        var actions = Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;
        Assert.True(Assert.Single(actions, a => a.Kind == kind).Doubtful);
        var off = new MessageUnderstanding(FixtureLedger.Organizations()) { RecordsDoubted = false };
        Assert.False(Assert.Single(off.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions, a => a.Kind == kind).Doubtful);
    }

    [Theory]
    [InlineData("今天走访了青禾文化 员工四十五个 党员还是一个没变")]
    [InlineData("昨天去青禾文化，发现2名流动党员")]
    [InlineData("星辰半导体今天单独成立了党总支 党员六十三名 书记陈星辰")]
    public void An_ordinary_report_is_not_doubted(string text) =>
        Assert.All(Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions, a => Assert.False(a.Doubtful));
}
