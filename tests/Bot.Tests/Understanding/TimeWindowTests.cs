using System.Globalization;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>The windows a coordinator names, resolved against a Thursday, 2026-12-03.</summary>
public sealed class TimeWindowTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateOnly CampaignStart = new(2026, 9, 1);

    [Theory]
    [InlineData("今天走访了多少家", "2026-12-03", "2026-12-03")]
    [InlineData("昨天组建了几个", "2026-12-02", "2026-12-02")]
    [InlineData("本周走访情况", "2026-11-30", "2026-12-03")]
    [InlineData("这周张伟走访了哪些单位", "2026-11-30", "2026-12-03")]
    [InlineData("上周走访了多少家", "2026-11-23", "2026-11-29")]
    [InlineData("最近一周走访了多少家", "2026-11-27", "2026-12-03")]
    [InlineData("近7天的走访", "2026-11-27", "2026-12-03")]
    [InlineData("最近三十天组建了几个", "2026-11-04", "2026-12-03")]
    [InlineData("最近两周", "2026-11-20", "2026-12-03")]
    [InlineData("最近一个月走访了多少家", "2026-11-04", "2026-12-03")]
    [InlineData("本月组建了几个党组织", "2026-12-01", "2026-12-03")]
    [InlineData("这个月的进度", "2026-12-01", "2026-12-03")]
    [InlineData("上个月组建了几个", "2026-11-01", "2026-11-30")]
    [InlineData("11月走访了多少家", "2026-11-01", "2026-11-30")]
    [InlineData("十一月份的走访", "2026-11-01", "2026-11-30")]
    [InlineData("12月组建了几个", "2026-12-01", "2026-12-03")]
    [InlineData("3月的走访", "2026-03-01", "2026-03-31")]
    [InlineData("11月1日到15日走访了多少家", "2026-11-01", "2026-11-15")]
    [InlineData("11月1号至11月15号的组建", "2026-11-01", "2026-11-15")]
    [InlineData("11月20日到12月2日", "2026-11-20", "2026-12-02")]
    [InlineData("今年组建了多少", "2026-01-01", "2026-12-03")]
    [InlineData("去年的走访", "2025-01-01", "2025-12-31")]
    [InlineData("攻坚以来组建了几个", "2026-09-01", "2026-12-03")]
    public void A_named_window_resolves_to_its_days(string text, string from, string to)
    {
        var window = TimeWindow.Find(text, Today, CampaignStart);

        Assert.NotNull(window);
        Assert.Equal((Day(from), Day(to)), (window.From, window.To));
    }

    [Theory]
    [InlineData("坂田街道覆盖率多少")]
    [InlineData("各街道对比一下")]
    [InlineData("")]
    [InlineData("11月2日走访了云启科技")] // one day said as a date is the date of a record, not a window
    public void Words_without_a_window_name_none(string text) =>
        Assert.Null(TimeWindow.Find(text, Today, CampaignStart));

    [Fact]
    public void Since_the_campaign_needs_its_start_in_configuration() =>
        Assert.Null(TimeWindow.Find("攻坚以来组建了几个", Today, campaignStart: null));

    [Fact]
    public void An_impossible_range_names_no_window() =>
        Assert.Null(TimeWindow.Find("11月20日到11月3日", Today));

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
