using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// A work log numbers its items (1. 2、 (3) （4） 5) ⑥ 七、 （八）): as a generated table (branch r7-uforms), an item
/// number in every shape, at every place in a log of visits, figures and finds, and right before a date in every written
/// shape, is never read as a figure or a day; the figures and the day the items say are.
/// </summary>
public sealed class WorkLogItemNumberTests
{
    private const string Yunqi = "深圳市云启科技有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 18, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 12, 10);
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static readonly Func<int, string>[] Shapes =
    [
        n => $"{n}.",
        n => $"{n}. ",
        n => $"{n}、",
        n => $"({n})",
        n => $"（{n}）",
        n => $"{n})",
        n => $"{n}）",
        n => ((char)('①' + n - 1)).ToString(),
        n => $"{"一二三四五六七八九十"[n - 1]}、",
        n => $"（{"一二三四五六七八九十"[n - 1]}）",
    ];

    public static IEnumerable<object[]> ShapesAndStarts() =>
        Enumerable.Range(0, Shapes.Length).SelectMany(shape => Enumerable.Range(1, 7).Select(first => new object[] { shape, first }));

    private static IReadOnlyList<UnderstoodAction> Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;

    [Theory]
    [MemberData(nameof(ShapesAndStarts))]
    public void Item_numbers_are_neither_figures_nor_days(int shape, int first)
    {
        var item = Shapes[shape];
        var (staff, members) = (80 + (7 * first), 1 + (first % 4));
        foreach (var pause in (string[])["；", "\n", " ", "。"])
        {
            var log = $"{item(first)}走访云启科技{pause}{item(first + 1)}职工{staff}人{pause}{item(first + 2)}党员{members}名{pause}{item(first + 3)}负责人表示支持党建工作";
            var actions = Read(log);
            Assert.True(actions.Count == 2, $"{log}: {string.Join(", ", actions)}");
            Assert.Equal((ActionKind.Visit, Yunqi, Today), (actions[0].Kind, actions[0].Organization, actions[0].Date));
            Assert.Equal((ActionKind.OrgUpdate, staff, members), (actions[1].Kind, actions[1].Employees, actions[1].PartyMembers));
        }
    }

    [Theory]
    [MemberData(nameof(ShapesAndStarts))]
    public void An_item_number_before_a_find_is_no_count(int shape, int first)
    {
        var item = Shapes[shape];
        var log = $"{item(first)}今天走访云启科技；{item(first + 1)}排查出流动党员{first}名；{item(first + 2)}下周再去";
        var found = Assert.Single(Read(log), a => a.Kind == ActionKind.MemberDiscovery);
        Assert.Equal((first, Today), (found.Count, found.Date));
    }

    public static IEnumerable<object[]> ShapesAndDates()
    {
        (string Said, DateOnly Day)[] dates =
        [
            ("12月3日", new(2026, 12, 3)), ("十二月三日", new(2026, 12, 3)), ("12.3", new(2026, 12, 3)), ("12/3", new(2026, 12, 3)),
            ("12-03", new(2026, 12, 3)), ("2026-12-03", new(2026, 12, 3)), ("2026年12月3日", new(2026, 12, 3)),
            ("二〇二六年十二月三日", new(2026, 12, 3)), ("本月3日", new(2026, 12, 3)), ("3号", new(2026, 12, 3)), ("3日", new(2026, 12, 3)),
            ("上月28日", new(2026, 11, 28)), ("11月28日", new(2026, 11, 28)), ("上周五", new(2026, 12, 4)), ("本周二", new(2026, 12, 8)),
        ];
        for (var shape = 0; shape < Shapes.Length; shape++)
        {
            foreach (var (said, day) in dates)
            {
                yield return [shape, said, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
            }
        }
    }

    [Theory]
    [MemberData(nameof(ShapesAndDates))]
    public void An_item_number_right_before_a_date_leaves_the_date_whole(int shape, string date, string expected)
    {
        var item = Shapes[shape];
        var day = DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var first in (int[])[1, 2, 9])
        {
            var log = $"{item(first)}{date}走访云启科技；{item(first + 1)}职工120人，党员6名";
            var actions = Read(log);
            Assert.True(actions.Count == 2, $"{log}: {string.Join(", ", actions)}");
            Assert.Equal((ActionKind.Visit, day), (actions[0].Kind, actions[0].Date));
            Assert.Equal((120, 6), (actions[1].Employees, actions[1].PartyMembers));
        }
    }

    [Theory]
    [MemberData(nameof(ShapesAndStarts))]
    public void A_plan_in_a_later_item_does_not_date_the_report_before_it(int shape, int first)
    {
        var item = Shapes[shape];
        foreach (var plan in (string[])["下周三再去跟进", "明天再去", "12月20日再去回访"])
        {
            var log = $"{item(first)}走访云启科技 {item(first + 1)}党员陆名 {item(first + 2)}{plan}";
            var visit = Assert.Single(Read(log), a => a.Kind == ActionKind.Visit);
            Assert.Equal(Today, visit.Date);
        }
    }

    [Theory]
    [InlineData("成立党支部的时间定在下周一")]
    [InlineData("云启科技单独成立党支部的日子是12月20日")]
    public void A_day_ahead_said_in_the_same_clause_still_makes_a_plan(string text) =>
        Assert.DoesNotContain(Read(text), a => a.Kind == ActionKind.Formation);

    [Theory]
    [InlineData("12.3号走访了云启科技", "2026-12-03")]
    [InlineData("1.走访云启科技 2.3号成立了工会", "2026-12-03")]
    [InlineData("11.16走访了云启科技", "2026-11-16")]
    public void A_month_and_day_with_a_dot_stays_a_date_unless_the_log_numbers_items_around_it(string text, string expected)
    {
        var first = Read(text)[^1];
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), first.Date);
    }
}
