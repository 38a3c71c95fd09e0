using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r7-udisc (MessageParser.Discourse.cs), each form as a class: a discovery's count and categories said over the
/// clauses after it, a day's round of visits said once and then stop by stop, hearsay, and a mass body whose verb opens the
/// next clause.
/// </summary>
public sealed class DiscourseTests
{
    private const string Huitong = "深圳市汇通汽车服务有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 18, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 12, 9);
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhao") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    private static readonly (string Said, string Category)[] CategoriesSaid =
    [
        ("流动的", "flowing"), ("口袋党员", "pocket"), ("预备党员", "probationary"), ("新招的", "hired"), ("一直没亮身份的", "hidden"),
        ("组织关系没转过来的", "pocket"),
    ];

    private static readonly (string First, string Second)[] PartLeads = [("一个是", "另一个是"), ("其中一个是", "剩下一个是"), ("一名是", "另外一名是"), ("有一个是", "还有一个是")];

    public static IEnumerable<object[]> TwoPartsSaid() =>
        from leads in PartLeads
        from first in CategoriesSaid
        from second in CategoriesSaid
        where first.Category != second.Category
        select new object[] { leads.First, first.Said, first.Category, leads.Second, second.Said, second.Category };

    private static void AssertFound(IReadOnlyList<UnderstoodAction> actions, int count, params (string Category, int Count)[] categories)
    {
        var found = Assert.Single(actions, a => a.Kind == ActionKind.MemberDiscovery);
        Assert.Equal((Huitong, count), (found.Organization, found.Count));
        Assert.Equal(categories.OrderBy(c => c.Category), found.Categories!.NonZero().Select(c => (c.Key, c.Count)).OrderBy(c => c.Key));
        Assert.DoesNotContain(actions, a => a.Kind == ActionKind.OrgUpdate); // the parts' figures are no totals
    }

    [Theory]
    [MemberData(nameof(TwoPartsSaid))]
    public void Each_part_of_the_members_found_takes_the_category_said_in_its_clause(string firstLead, string first, string firstCategory, string secondLead, string second, string secondCategory) =>
        AssertFound(Read($"今天去了汇通汽车 查出来两个党员 {firstLead}{first} {secondLead}{second}"), 2, (firstCategory, 1), (secondCategory, 1));

    [Theory]
    [InlineData("查出来")]
    [InlineData("发现了")]
    [InlineData("排查出")]
    [InlineData("找到了")]
    public void Parts_are_read_after_any_find_verb_and_across_pauses(string verb) =>
        AssertFound(Read($"汇通汽车今天{verb}两个党员，一个是流动党员，另一个是预备党员"), 2, ("flowing", 1), ("probationary", 1));

    [Theory]
    [InlineData("剩下的", "流动", "flowing")]
    [InlineData("其余的", "隐形", "hidden")]
    [InlineData("其他的", "口袋", "pocket")]
    [InlineData("剩下", "流动", "flowing")]
    public void A_remainder_word_takes_the_members_not_said_yet(string remainder, string shortWord, string category) =>
        AssertFound(Read($"汇通汽车排查出五个党员 其中预备党员两个 {remainder}都是{shortWord}的"), 5, ("probationary", 2), (category, 3));

    [Fact]
    public void A_list_of_finds_by_category_is_no_count_to_break_down() =>
        AssertFound(Read("汇通汽车今天发现两个流动党员 还有一个口袋党员"), 3, ("flowing", 2), ("pocket", 1));

    [Fact]
    public void A_total_said_after_the_parts_ends_them()
    {
        var actions = Read("汇通汽车今天又摸出来两个党员，一个是流动的，一个是预备的，加上原来那个一共三个了");
        var found = Assert.Single(actions, a => a.Kind == ActionKind.MemberDiscovery);
        Assert.Equal(2, found.Count);
        Assert.Equal(2, found.Categories!.NonZero().Sum(c => c.Count));
    }

    private const string Shunda = "深圳市顺达快递服务有限公司";
    private const string Derun = "深圳市德润物业管理有限公司";

    public static IEnumerable<object[]> Rounds() =>
        from announcement in (string[])["今天跑了俩地方", "今天走了两家", "今天跑了一圈", "今天去了两家", "今天的走访："]
        from stops in (string[])["上午{0} 下午{1}", "先是{0} 然后是{1}", "上午在{0} 下午又在{1}", "一家是{0} 一家是{1}", "早上{0} 晚上{1}"]
        select new object[] { announcement, stops };

    [Theory]
    [MemberData(nameof(Rounds))]
    public void Each_stop_of_a_round_said_once_is_a_visit_on_its_day(string announcement, string stops)
    {
        var visits = Read($"{announcement} {string.Format(System.Globalization.CultureInfo.InvariantCulture, stops, "顺达快递", "德润物业")}", "u_liu")
            .Where(a => a.Kind == ActionKind.Visit).ToList();
        Assert.Equal([(Derun, Today), (Shunda, Today)], visits.Select(v => (v.Organization, v.Date!.Value)).OrderBy(v => v.Organization, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("上午顺达快递 下午德润物业 顺达又发现1个口袋党员")]
    [InlineData("前天上午顺达快递 下午德润物业 德润党员增加到6个")]
    [InlineData("早上顺达快递，晚上德润物业，都挺配合")]
    public void Two_stops_said_by_part_of_day_are_a_round_with_no_verb(string text)
    {
        var visits = Read(text, "u_liu").Where(a => a.Kind == ActionKind.Visit).Select(v => v.Organization).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([Derun, Shunda], visits);
    }

    [Theory]
    [InlineData("上午去了顺达快递 下午本来要去德润物业 临时取消了")]
    [InlineData("上午去了顺达快递 下午准备去德润物业")]
    [InlineData("今天跑了俩地方 上午顺达快递 下午德润物业党支部成立了")]
    public void A_stop_with_a_verb_of_its_own_is_read_by_that_verb(string text) =>
        Assert.DoesNotContain(Read(text, "u_liu"), a => a.Kind == ActionKind.Visit && a.Organization == Derun);

    [Theory]
    [InlineData("听说")]
    [InlineData("据说")]
    [InlineData("听社区的小刘说")]
    [InlineData("听刘洋说")]
    [InlineData("听他们老板说")]
    public void What_the_sender_heard_records_nothing(string lead) =>
        Assert.Empty(Read($"{lead}昨天有人去了顺达快递 那边找着一个党员", "u_liu"));

    [Theory]
    [InlineData("工会", WorkCoverageMeasure.TradeUnion)]
    [InlineData("团支部", WorkCoverageMeasure.YouthLeague)]
    [InlineData("妇联", WorkCoverageMeasure.WomenFederation)]
    [InlineData("团委", WorkCoverageMeasure.YouthLeague)]
    public void A_mass_body_closing_its_clause_takes_the_verb_that_opens_the_next(string body, WorkCoverageMeasure measure)
    {
        foreach (var verb in (string[])["成立了", "挂牌了", "整起来了", "建起来了"])
        {
            var actions = Read($"今天去了鹏城数据 党员三个 他们的{body}今天也{verb}", "u_chen");
            var coverage = Assert.Single(actions, a => a.Kind == ActionKind.WorkCoverage);
            Assert.Equal((measure, Today), (coverage.Measure!.Value, coverage.Date!.Value));
            Assert.Equal(3, Assert.Single(actions, a => a.Kind == ActionKind.OrgUpdate).PartyMembers);
        }
    }

    [Fact]
    public void A_later_body_does_not_take_the_verb_said_of_the_one_before() =>
        Assert.Equal(WorkCoverageMeasure.TradeUnion, Assert.Single(Read("智联物流工会今天挂牌了 搞定 团支部下礼拜再弄"), a => a.Kind == ActionKind.WorkCoverage).Measure);

    /// <summary>The branch's blind batch (first run 0.575, 2026-12-05) stays where the work left it; misses in docs/understanding.md.</summary>
    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r7-udisc.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.90, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
