using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Figures and 几 (branch r5-ufig), each class as a theory over its words and each grammar step in sentences of its own:
/// 几 as "a few" in statements (few_words, few_contexts, a past act the message goes on from), a figure said as the same
/// as before (same_as_before_words), an instructor post settled with the person after 派的是 (settled_adverbs), figures
/// in a report before an advice question (the advice's facts), hopes to develop members (no figure), a planned trip that
/// ends before a figure.
/// </summary>
public sealed class FiguresFewAndSameTests
{
    private const string Qinghe = "深圳市青禾文化传媒有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly Vocabulary Words = Vocabulary.Default();
    private static readonly UnderstandingRules Rules = new(Words);

    private static IReadOnlyList<UnderstoodAction> Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;

    private static bool Asks(UnderstoodAction a) => a.Kind is ActionKind.OrgLookup or ActionKind.PolicyQuestion or ActionKind.ProgressQuery;

    public static IEnumerable<object[]> FewWords() => Words.FewWords.Distinct().Select(w => new object[] { w });

    public static IEnumerable<object[]> FewContexts() => Words.FewContexts.Distinct().Select(w => new object[] { w });

    public static IEnumerable<object[]> SameAsBeforeWords() => Words.SameAsBeforeWords.Distinct().Select(w => new object[] { w });

    public static IEnumerable<object[]> SettledAdverbs() => Words.SettledAdverbs.Distinct().Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(FewWords))]
    public void A_few_word_says_a_few_and_asks_nothing(string word)
    {
        // The few word closes the message, so a question word in it would make the whole message a question.
        var phrase = word.EndsWith('几') ? word + "个人聊了聊" : word;
        var actions = Read($"今天去了青禾文化 党员还是三个 {phrase}");
        Assert.DoesNotContain(actions, Asks);
        Assert.Contains(actions, a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 3, Organization: Qinghe });
    }

    [Theory]
    [MemberData(nameof(FewContexts))]
    public void A_likelihood_intention_or_time_ahead_before_ji_says_a_few(string word)
    {
        var actions = Read($"今天去了青禾文化 党员还是三个 老板说{word}再招几个人");
        Assert.DoesNotContain(actions, Asks);
        Assert.Contains(actions, a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 3 });
    }

    [Theory]
    [InlineData("下个月能建几个党组织", 0)]
    [InlineData("明年可以发展几个党员", 0)]
    [InlineData("我这周走访了几家企业", 0)]
    [InlineData("今天走访了青禾文化，我这周一共走访了几家", 0)]
    [InlineData("上个月龙城街道新建了几个党组织 报个数", 0)]
    [InlineData("青禾文化党员有几个", 0)]
    public void Ji_that_asks_stays_a_question(string text, int nth) =>
        Assert.False(Rules.IsFew(text, NthJi(text, nth)));

    [Theory]
    [InlineData("今天跑了几家企业 先去了金桥投资", 0)]
    [InlineData("这几天新来了几个司机 党员还是五个", 0)]
    [InlineData("这几天新来了几个司机 党员还是五个", 1)]
    [InlineData("店长说下个月可能再招几个人", 0)]
    [InlineData("上午跟几个快递员聊了聊", 0)]
    [InlineData("十几个人", 0)]
    public void Ji_in_a_statement_says_a_few(string text, int nth) =>
        Assert.True(Rules.IsFew(text, NthJi(text, nth)));

    private static int NthJi(string text, int nth)
    {
        var at = text.IndexOf('几', StringComparison.Ordinal);
        for (var k = 0; k < nth; k++)
        {
            at = text.IndexOf('几', at + 1);
        }

        return at;
    }

    [Fact]
    public void A_past_act_with_a_few_that_the_message_goes_on_from_is_a_report()
    {
        var actions = Read("今天跑了几家企业 先去了宏图贸易 他们党员一个都没有");
        Assert.DoesNotContain(actions, Asks);
        Assert.Contains(actions, a => a is { Kind: ActionKind.Visit, Organization: "深圳市宏图贸易有限公司" });
        Assert.Contains(actions, a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 0 });
        Assert.Equal(ActionKind.ProgressQuery, Assert.Single(Read("我这周走访了几家企业")).Kind);
    }

    [Theory]
    [MemberData(nameof(SameAsBeforeWords))]
    public void A_figure_said_as_the_same_as_before_is_the_nouns(string word) =>
        Assert.Contains(Read($"青禾文化的党员人数{word}，还是三个"), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 3, Organization: Qinghe });

    [Theory]
    [InlineData("宏图贸易的员工数跟上个月报的一样 还是八十 党员也没变 还是两个", 80, 2)]
    [InlineData("宏图贸易职工和之前说的相同 四十五 党员没变化 跟上回一样 一个", 45, 1)]
    public void Figures_compared_with_an_earlier_report_are_the_nouns(string text, int employees, int members) =>
        Assert.Contains(Read(text), a => a is { Kind: ActionKind.OrgUpdate } && a.Employees == employees && a.PartyMembers == members);

    [Fact]
    public void A_comparison_with_another_organisation_takes_no_figure() =>
        Assert.DoesNotContain(Read("宏图贸易的党员跟青禾文化一样 三个"), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 3, Organization: "深圳市宏图贸易有限公司" });

    [Theory]
    [MemberData(nameof(SettledAdverbs))]
    public void An_instructor_post_settled_names_the_person_after_the_appointing_verb(string adverb)
    {
        var coverage = Assert.Single(Read($"瑞康医疗的党建指导员{adverb}定了 派的是孙磊"), a => a.Kind == ActionKind.WorkCoverage);
        Assert.Equal((WorkCoverageMeasure.Instructor, "孙磊", "深圳市瑞康医疗器械有限公司"), (coverage.Measure, coverage.Person, coverage.Organization));
    }

    [Theory]
    [InlineData("昨天去了恒信建筑 党员五个 工人两百 这种情况能单独建支部吗", 5, 200)]
    [InlineData("今天走访了仁爱医院 他们已经有党员八名了 想成立党支部 可以吗", 8, null)]
    [InlineData("今天去了宏图贸易 员工三十 党员没有 他们这种适合怎么建", 0, 30)]
    public void Figures_in_a_report_before_an_advice_question_are_its_facts(string text, int members, int? employees)
    {
        var actions = Read(text);
        Assert.DoesNotContain(actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Contains(actions, a => a.Kind == ActionKind.Visit);
        var advice = Assert.Single(actions, a => a.Kind == ActionKind.FormationAdvice);
        Assert.Equal((members, employees), (advice.PartyMembers, advice.Employees));
    }

    [Theory]
    [InlineData("今天去了宏图贸易 员工三十 党员两个 另外问一下联合组建有哪几种方式", ActionKind.PolicyQuestion)]
    [InlineData("今天去了宏图贸易 员工三十 党员两个。另外想问下他们适合怎么建", ActionKind.FormationAdvice)]
    public void Figures_before_a_turn_or_a_policy_question_stay_an_update(string text, ActionKind asked)
    {
        var actions = Read(text);
        Assert.Contains(actions, a => a is { Kind: ActionKind.OrgUpdate, Employees: 30, PartyMembers: 2 });
        Assert.Contains(actions, a => a.Kind == asked && a.PartyMembers is null);
    }

    [Theory]
    [InlineData("刚从宏图贸易出来 老板说明年有望发展一名党员")]
    [InlineData("今天去了宏图贸易 他们有希望年底再发展两名党员")]
    public void A_hope_to_develop_members_is_no_figure(string text)
    {
        var actions = Read(text);
        Assert.Contains(actions, a => a.Kind == ActionKind.Visit);
        Assert.DoesNotContain(actions, a => a.Kind == ActionKind.OrgUpdate);
    }

    [Fact]
    public void A_planned_trip_ends_before_a_figure_said_after_a_pause()
    {
        Assert.Contains(Read("今天去了宏图贸易 过两天再去一趟 员工三十"), a => a is { Kind: ActionKind.OrgUpdate, Employees: 30 });
        Assert.DoesNotContain(Read("过两天再去一趟宏图贸易"), a => a.Kind == ActionKind.Visit);
    }
}
