using System.Globalization;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 15, branch r15-utime (docs/understanding.md): a time window as a grammar of points and anchors (parts of a month,
/// a point then 以来/以后/起 to today, an end alone after 截至/到目前为止, 这两周, 上上周), figures coordinated in one request
/// (one query each), a breakdown said as 按/分 + a noun, and a day said alone after the report it dates. Words and units
/// other than the evidence's (ag–ai), plus the branch batch (tests/data/understanding-r15-utime.jsonl).
/// </summary>
public sealed class WindowGrammarTests
{
    private static readonly DateOnly Today = new(2026, 12, 3); // a Thursday

    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations())
    {
        KnownPeople = () => ["张伟", "刘洋", "赵敏", "孙磊", "陈静", "王强"],
    };

    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_wang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    [Theory]
    [InlineData("十月下旬组建了几个", "2026-10-21", "2026-10-31")]
    [InlineData("本月上旬的走访", "2026-12-01", "2026-12-03")]
    [InlineData("上个月中旬走访了多少家", "2026-11-11", "2026-11-20")]
    [InlineData("9月中旬到现在新建了几个", "2026-09-11", "2026-12-03")]
    [InlineData("10月上旬到中旬走访了几家", "2026-10-01", "2026-10-20")]
    [InlineData("元旦以来走访了多少家", "2026-01-01", "2026-12-03")]
    [InlineData("劳动节之后新建了几个", "2026-05-01", "2026-12-03")]
    [InlineData("11月份以来组建了几个", "2026-11-01", "2026-12-03")]
    [InlineData("从11月25号开始走访了几家", "2026-11-25", "2026-12-03")]
    [InlineData("上周三起走访了几家", "2026-11-25", "2026-12-03")]
    [InlineData("10月下旬以来的走访", "2026-10-21", "2026-12-03")]
    [InlineData("这三个礼拜走访了几家", "2026-11-16", "2026-12-03")]
    [InlineData("这两个星期新建了几个", "2026-11-23", "2026-12-03")]
    [InlineData("上上个礼拜走访了多少家", "2026-11-16", "2026-11-22")]
    public void A_point_an_anchor_or_a_part_of_a_month_resolves_to_its_days(string text, string from, string to)
    {
        var window = TimeWindow.Find(text, Today);

        Assert.NotNull(window);
        Assert.Equal((Day(from), Day(to)), (window.From, window.To));
    }

    [Theory]
    [InlineData("以后每周都报一次")] // an anchor with no point before it
    [InlineData("支部建起来了没有")]
    [InlineData("下个月开始走访")] // no window of the past
    public void An_anchor_without_a_point_of_the_past_names_no_window(string text) =>
        Assert.Null(TimeWindow.Find(text, Today));

    [Theory]
    [InlineData("迄今为止孙磊走访了几家", "2026-12-03")]
    [InlineData("截至前天全区的覆盖率", "2026-12-01")]
    [InlineData("截止到10月底龙城街道新建了几个", "2026-10-31")]
    [InlineData("截至上周日走访了多少家", "2026-11-29")]
    public void An_end_said_alone_closes_a_window_with_no_start(string text, string end) =>
        Assert.Equal(Day(end), TimeWindow.FindEnd(text, Today));

    [Theory]
    [InlineData("10月以来至今新建了几个")] // a start said: Find's whole window
    [InlineData("组建截止日期是哪天")]
    [InlineData("覆盖率多少")]
    public void No_end_alone_where_a_start_is_said_or_no_end(string text) =>
        Assert.Null(TimeWindow.FindEnd(text, Today));

    [Theory]
    [InlineData("上周走访情况 按指导分一下", BreakdownLevel.Instructor)]
    [InlineData("这个月走访了几家 按人头排", BreakdownLevel.Instructor)]
    [InlineData("新建了几个 按照行业列", BreakdownLevel.Industry)]
    [InlineData("覆盖率 分社区报给我", BreakdownLevel.Community)]
    public void A_breakdown_is_a_marker_and_a_noun(string text, BreakdownLevel level) =>
        Assert.Equal(level, ProgressFilters.BreakdownOf(text));

    [Theory]
    [InlineData("部分人员还没走访")]
    [InlineData("这个月走访了几家")]
    public void A_fen_inside_another_word_is_no_breakdown(string text) =>
        Assert.Null(ProgressFilters.BreakdownOf(text));

    [Fact]
    public void Figures_coordinated_give_one_query_each_sharing_scope_and_window()
    {
        var actions = Read("龙城街道上个月的覆盖率和走访情况都发我看看");

        Assert.Equal([ProgressMetric.Coverage, ProgressMetric.Visits], actions.Select(a => a.Metric!.Value));
        Assert.All(actions, a => Assert.Equal(("龙城街道", Day("2026-11-01"), Day("2026-11-30")), (a.Scope, a.From, a.To)));
    }

    [Fact]
    public void People_listed_under_a_breakdown_by_person_are_its_rows()
    {
        var query = Assert.Single(Read("张伟和刘洋这个月各跑了几家 按人列一下"));

        Assert.Equal((BreakdownLevel.Instructor, (string?)null), (query.By, query.Person));
    }

    [Fact]
    public void Places_named_after_a_breakdown_by_place_are_its_rows()
    {
        var query = Assert.Single(Read("横岗街道的覆盖率 按社区分开看看 六约 荷坳 分别多少"));

        Assert.Equal(("横岗街道", BreakdownLevel.Community), (query.Scope, query.By));
    }

    [Fact]
    public void I_before_a_window_and_a_visit_said_with_de_is_the_sender()
    {
        var asked = new UnderstandingResult([new UnderstoodAction(ActionKind.ProgressQuery) { Metric = ProgressMetric.Visits }], []);
        var query = Assert.Single(ProgressFilters.Apply(asked, "我上礼拜三去的是哪家来着 你查查", FixtureLedger.Users()["u_zhao"], Today, null, () => ["赵敏"]).Actions);

        Assert.Equal(("赵敏", Day("2026-11-25")), (query.Person, query.From));
    }

    [Fact]
    public void A_day_said_alone_after_a_report_dates_it_though_advice_follows()
    {
        var visit = Assert.Single(Read("微光软件我去过了 嗯 就是上礼拜二 负责人说可以考虑建个支部", "u_sun"), a => a.Kind == ActionKind.Visit);

        Assert.Equal(Day("2026-11-24"), visit.Date);
    }

    [Fact]
    // 1.000 through the CLI; without the intent model of the CLI ut08 ("11月中旬以后…新建了几个支部") reads as a policy question.
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r15-utime.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.96, $"{score}\n{string.Join("\n", score.Failures)}");
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
