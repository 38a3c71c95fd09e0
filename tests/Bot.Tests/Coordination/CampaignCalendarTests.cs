using InstructorBot.Bot.Coordination;
using InstructorBot.Bot.Replies;

namespace InstructorBot.Bot.Tests.Coordination;

/// <summary>The campaign calendar: 003's phases and reporting days resolved to days, 000's monthly rule, and the replies.</summary>
public sealed class CampaignCalendarTests
{
    private static readonly CampaignCalendar Wuhan = new(CampaignCalendarOptions.Wuhan003(), 2026);

    [Fact]
    public void The_shipped_calendar_holds_003_s_phases_with_their_days()
    {
        var formation = Assert.Single(Wuhan.PhasesNamedIn("距组建截止还有几天"));
        Assert.Equal(("抓好集中组建", new DateOnly(2026, 11, 20)), (formation.Name, formation.End));
        // A phase without a start begins the day after the previous one ended.
        Assert.Equal(new DateOnly(2026, 8, 27), formation.Start);
        var acceptance = Assert.Single(Wuhan.PhasesNamedIn("验收什么时候结束"));
        Assert.Equal((new DateOnly(2026, 11, 21), new DateOnly(2026, 12, 5)), (acceptance.Start!.Value, acceptance.End));
    }

    [Theory]
    [InlineData("2026-08-20", "全面排查摸底")]
    [InlineData("2026-08-26", "全面排查摸底")]
    [InlineData("2026-08-27", "抓好集中组建")]
    [InlineData("2026-11-21", "组织检查验收")]
    public void The_next_deadline_is_the_first_phase_end_on_or_after_today(string today, string phase) =>
        Assert.Equal(phase, Wuhan.NextDeadline(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))!.Name);

    [Theory]
    [InlineData("2026-11-08", "2026-11-10")]
    [InlineData("2026-11-10", "2026-11-10")]
    [InlineData("2026-11-11", "2026-11-25")]
    [InlineData("2026-12-26", "2027-01-10")]
    public void Reporting_days_are_the_10th_and_the_25th_of_every_month_as_003_says(string today, string next)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(next, System.Globalization.CultureInfo.InvariantCulture), Wuhan.NextReportingDay(day)!.Date);
    }

    [Fact]
    public void A_rule_limited_to_months_holds_only_in_them_and_a_short_month_ends_on_its_last_day()
    {
        // 000: 附件2 by 10月10日, 11月10日, 12月10日.
        var haikou = new CampaignCalendar(
            new CampaignCalendarOptions
            {
                Document = "关于开展2021年非公有制企业和社会组织党的组织和工作覆盖集中攻坚专项行动的通知",
                Phases = [new() { Name = "集中攻坚", Start = "2021-09-10", End = "2021-12-20", Keywords = ["攻坚"], Source = "四" }],
                Reporting = [new() { Days = [10], Months = [10, 11, 12], What = "附件2", Source = "三（三）" }, new() { Days = [31], Months = [2] }],
            },
            2021);

        Assert.Equal(new DateOnly(2021, 10, 10), haikou.NextReportingDay(new DateOnly(2021, 9, 11))!.Date);
        Assert.Null(haikou.ReportingRuleOn(new DateOnly(2021, 9, 10)));
        Assert.Equal("附件2", haikou.ReportingRuleOn(new DateOnly(2021, 12, 10))!.What);
        Assert.Equal(new DateOnly(2022, 2, 28), haikou.NextReportingDay(new DateOnly(2021, 12, 11))!.Date);
        Assert.Equal(new DateOnly(2021, 12, 20), haikou.Phases[0].End); // a full date keeps its own year
    }

    [Fact]
    public void A_deadline_reply_counts_the_days_and_names_the_document_and_passage()
    {
        var reply = CalendarReplies.Deadline(Wuhan, Wuhan.PhasesNamedIn("距组建截止还有几天"), "距组建截止还有几天", new DateOnly(2026, 11, 8));

        Assert.Equal(
            "距组建截止（11月20日）还有 12 天（依据：《武汉市非公有制经济组织和社会组织党组织集中组建“百日攻坚行动”实施方案》二、（四）抓好集中组建（11月20日前））。",
            reply);
    }

    [Fact]
    public void A_passed_deadline_says_how_long_ago_and_names_the_current_phase()
    {
        var reply = CalendarReplies.Deadline(Wuhan, Wuhan.PhasesNamedIn("组建截止是哪天"), "组建截止是哪天", new DateOnly(2026, 12, 1));

        Assert.StartsWith("组建已于11月20日截止，已过 11 天（依据：", reply, StringComparison.Ordinal);
        Assert.Contains("当前阶段：组织检查验收（11月21日至12月5日）", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_phase_named_the_next_deadline_is_answered_and_after_the_last_one_the_end_is_said()
    {
        Assert.StartsWith("距“全面排查摸底”截止（8月26日）还有 6 天", CalendarReplies.Deadline(Wuhan, [], "还有几天截止", new DateOnly(2026, 8, 20)), StringComparison.Ordinal);
        Assert.StartsWith("本次行动各阶段均已结束（最后一个阶段“建立长效机制”于12月30日截止）", CalendarReplies.Deadline(Wuhan, [], "还有几天截止", new DateOnly(2026, 12, 31)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_next_reporting_day_is_counted_and_what_is_reported_is_named()
    {
        Assert.StartsWith("下次报送日：12月10日（还有 5 天），报送各区各单位工作情况和组建情况（依据：《武汉市",
            CalendarReplies.NextReporting(Wuhan, new DateOnly(2026, 12, 5)), StringComparison.Ordinal);
        Assert.StartsWith("今天（12月25日）是报送日", CalendarReplies.NextReporting(Wuhan, new DateOnly(2026, 12, 25)), StringComparison.Ordinal);
    }
}
