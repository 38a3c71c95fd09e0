using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Voice input of round 5 (branch r5-u2g), each class as a theory over its words: a head count after a lead
/// (head_count_leads: 他们现在N个人, 人事说现在N个人), a visit said after the facts with words between the day and 去的
/// (visit_day_gap_words), a figure denied with its measure word and said again (哦不是五个 是七个).
/// </summary>
public sealed class VoiceRoundFiveTests
{
    private const string Qinghe = "深圳市青禾文化传媒有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly Vocabulary Words = Vocabulary.Default();

    private static IReadOnlyList<UnderstoodAction> Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;

    public static IEnumerable<object[]> HeadCountLeads() => Words.HeadCountLeads.Distinct().Select(w => new object[] { w });

    public static IEnumerable<object[]> VisitDayGapWords() => Words.VisitDayGapWords.Distinct().Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(HeadCountLeads))]
    public void A_head_count_after_a_lead_is_the_employees(string lead)
    {
        var actions = Read($"今天去了青禾文化 {lead}现在一百五十六个人 党员四个");
        Assert.Contains(actions, a => a is { Kind: ActionKind.OrgUpdate, Employees: 156, PartyMembers: 4, Organization: Qinghe });
    }

    [Theory]
    [InlineData("今天去了青禾文化 我们三个人一起去的 党员四个")]
    [InlineData("今天去了青禾文化 派了三个人过去 党员四个")]
    public void A_head_count_with_no_lead_is_no_employees(string text)
    {
        var actions = Read(text);
        Assert.DoesNotContain(actions, a => a.Employees == 3);
    }

    [Theory]
    [MemberData(nameof(VisitDayGapWords))]
    public void A_visit_said_after_the_facts_may_have_gap_words_between_day_and_verb(string gap)
    {
        var actions = Read($"青禾文化 党员四个 前天{gap}去的");
        Assert.Contains(actions, a => a is { Kind: ActionKind.Visit, Organization: Qinghe } && a.Date == new DateOnly(2026, 12, 8));
    }

    [Theory]
    [InlineData("青禾文化 党员四个 明天晚上去的话再看")]
    [InlineData("青禾文化 党员四个 后天我过去")]
    public void A_day_ahead_with_gap_words_is_no_visit(string text) =>
        Assert.DoesNotContain(Read(text), a => a.Kind == ActionKind.Visit);

    [Theory]
    [InlineData("青禾文化 今天去的 员工八十个 党员五个 哦不是五个 是七个", 7, 80)]
    [InlineData("青禾文化 今天去的 员工八十个 党员五名 不是五名 是六名", 6, 80)]
    [InlineData("青禾文化 今天去的 员工八十个 哦不是八十个 是九十个 党员五个", 5, 90)]
    public void A_figure_denied_with_its_measure_word_is_replaced_by_the_one_said_after(string text, int members, int employees) =>
        Assert.Contains(Read(text), a => a is { Kind: ActionKind.OrgUpdate, Organization: Qinghe } && a.PartyMembers == members && a.Employees == employees);

    [Theory]
    [InlineData("青禾文化 今天去的 员工五十五个 党员没有 哦不对 有一个", 1, 55)]
    [InlineData("青禾文化 今天去的 员工五十五个 党员还是没有 不对 是两个", 2, 55)]
    public void A_figure_said_after_the_marker_replaces_the_none_said_last(string text, int members, int employees) =>
        Assert.Contains(Read(text), a => a is { Kind: ActionKind.OrgUpdate, Organization: Qinghe } && a.PartyMembers == members && a.Employees == employees);

    [Theory]
    [InlineData("今天去了金桥投资和青禾文化 哦不对 青禾是明天去 今天就金桥一家")]
    [InlineData("今天去了青禾文化和金桥投资 哦不对 青禾是明天去")]
    [InlineData("今天去了金桥投资、青禾文化 不对 青禾文化是后天去")]
    public void An_organisation_said_again_with_another_day_leaves_the_list_of_the_day(string text)
    {
        var actions = Read(text);
        Assert.DoesNotContain(actions, a => a is { Kind: ActionKind.Visit, Organization: Qinghe });
        Assert.Contains(actions, a => a is { Kind: ActionKind.Visit } && a.Organization != null && a.Organization.Contains("金桥", StringComparison.Ordinal) && a.Date == new DateOnly(2026, 12, 10));
    }

    [Fact]
    public void An_organisation_said_again_with_no_day_replaces_the_one_said_before()
    {
        var actions = Read("今天去了金桥投资 哦不对 青禾文化");
        Assert.Contains(actions, a => a is { Kind: ActionKind.Visit, Organization: Qinghe });
    }
}
