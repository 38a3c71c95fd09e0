using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 22, branch r22-ufind: one account of every figure in a message (FigureTable.cs) — the noun a figure counts and the
/// class of the predicate that governs it — and the records settled by it (MessageParser.FiguresSettled.cs): a sum closing a
/// find told in parts, a find whose count is a still/only total, a state total no reader took. Wordings and units other than
/// the evidence's (a–ba) and the branch batch's (tests/data/understanding-r22-ufind.jsonl), with controls.
/// </summary>
public sealed class FigureAccountTests
{
    private static readonly UnderstandingRules Rules = new(Vocabulary.Default());
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 17, 0, 0, TimeSpan.FromHours(8));

    internal static List<Figure> Table(string text) => FigureTable.Read(text, Rules, _ => false, _ => false);

    private static IReadOnlyList<UnderstoodAction> Read(string text) =>
        Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;

    private static UnderstoodAction? Of(string text, ActionKind kind) => Read(text).FirstOrDefault(a => a.Kind == kind);

    [Theory]
    [InlineData("党员呢现在还是三个", 3, "Members", "Total")] // noun before, across a filler and a state word
    [InlineData("又排查出来两个党员", 2, "Members", "Find")]
    [InlineData("员工三百出头", 300, "Staff", "Approximate")]
    [InlineData("职工一百七", 170, "Staff", "Total")] // a bare spoken figure right after its noun
    [InlineData("党员一个都没有", 0, "Members", "Total")]
    [InlineData("党员一个木有", 0, "Members", "Total")]
    [InlineData("那边还是没有党员", 0, "Members", "Total")]
    [InlineData("党员原来四个", 4, "Members", "Earlier")]
    [InlineData("有两个员工亮出身份", 2, "Staff", "Find")] // a showing verb after the figure
    public void A_figure_has_its_noun_and_the_class_of_its_predicate(string text, int value, string noun, string role)
    {
        var figure = Assert.Single(Table(text));
        Assert.Equal((value, noun, role), (figure.Value, figure.Noun.ToString(), figure.Role.ToString()));
    }

    [Fact]
    public void Dates_and_money_are_no_figures_and_a_sum_closes()
    {
        Assert.Empty(Table("12月3号花了两千块"));
        var sum = Assert.Single(Table("口袋的加流动的一共仨"));
        Assert.True(sum.ClosesSum);
        Assert.Equal("flowing", Assert.Single(Table("还有一个流动的")).Category);
        Assert.Equal("hired", Assert.Single(Table("另一个新招的")).Category);
    }

    [Fact]
    public void A_sum_closing_a_find_told_in_parts_is_the_finds_count_not_a_total()
    {
        const string text = "鹏城数据今天找出来一个隐形党员 另外还有一个预备的 一共俩";
        var found = Assert.IsType<UnderstoodAction>(Of(text, ActionKind.MemberDiscovery));
        Assert.Equal(2, found.Count);
        Assert.Equal(1, found.Categories?.Hidden);
        Assert.Equal(1, found.Categories?.Probationary);
        Assert.Null(Of(text, ActionKind.OrgUpdate));
    }

    [Fact]
    public void A_sum_with_an_earlier_total_added_is_the_total()
    {
        const string text = "安捷电子今天又找出来两个党员 加上原来那几个一共七个了";
        Assert.Equal(2, Of(text, ActionKind.MemberDiscovery)?.Count);
        Assert.Equal(7, Of(text, ActionKind.OrgUpdate)?.PartyMembers);
    }

    [Theory]
    [InlineData("青禾文化职工四十几个 党员还是林总他一个", 1)]
    [InlineData("明税那边去看了 还是没有党员", 0)]
    [InlineData("汇通汽车员工五十个 党员一个木有", 0)]
    public void A_member_figure_said_with_a_state_word_is_the_total(string text, int total)
    {
        Assert.Equal(total, Of(text, ActionKind.OrgUpdate)?.PartyMembers);
        Assert.Null(Of(text, ActionKind.MemberDiscovery));
    }

    [Fact]
    public void A_find_negated_then_a_total_still_the_same_is_no_find()
    {
        const string text = "书画家协会这回没有新的党员冒出来 党员总数还是五个";
        Assert.Null(Of(text, ActionKind.MemberDiscovery));
        Assert.Equal(5, Of(text, ActionKind.OrgUpdate)?.PartyMembers);
    }

    [Fact]
    public void A_figure_inside_a_plan_makes_no_record() =>
        Assert.Empty(Read("下礼拜去瑞康看看能不能再找出两个党员"));

    [Fact]
    public void A_find_with_its_count_stays_a_find()
    {
        const string text = "仁爱医院又找到了 党员一个 是流动的";
        Assert.Equal(1, Of(text, ActionKind.MemberDiscovery)?.Count);
    }

    [Fact]
    public void Members_told_one_clause_each_then_counted_together_are_one_find()
    {
        // Left: "…这俩都是口袋党员" (the noun said with the group) is read count 4 by the readers before, not mended here.
        const string text = "物流协会有个会计是党员 还有个出纳也是 这俩都是口袋的";
        var found = Assert.IsType<UnderstoodAction>(Of(text, ActionKind.MemberDiscovery));
        Assert.Equal(2, found.Count);
        Assert.Equal(2, found.Categories?.Pocket);
        Assert.DoesNotContain(Read(text), a => a.Kind == ActionKind.OrgUpdate);
    }

    [Fact]
    public void Parts_of_a_find_said_one_is_add_their_category_and_make_no_total()
    {
        const string text = "瑞康医疗党员比上次多了两个 都是新招来的护士 一个是正式党员一个是预备的";
        var found = Assert.IsType<UnderstoodAction>(Of(text, ActionKind.MemberDiscovery));
        Assert.Equal(1, found.Categories?.Probationary);
        Assert.Null(Of(text, ActionKind.OrgUpdate));
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        // Through the CLI: first run on r22-int 0.760 (docs/understanding.md, round 22).
        var score = UnderstandingScorer.EvaluateFile("understanding-r22-ufind.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.76, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
