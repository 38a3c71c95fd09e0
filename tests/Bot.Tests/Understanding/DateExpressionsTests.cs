using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Dates against Wednesday 2026-11-18 in Asia/Shanghai.</summary>
public sealed class DateExpressionsTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 18);

    [Theory]
    [InlineData("今天走访", "2026-11-18")]
    [InlineData("昨天走访", "2026-11-17")]
    [InlineData("前天走访", "2026-11-16")]
    [InlineData("大前天走访", "2026-11-15")]
    [InlineData("明天去", "2026-11-19")]
    [InlineData("上周五走访", "2026-11-13")]
    [InlineData("上星期一", "2026-11-09")]
    [InlineData("周一走访", "2026-11-16")]
    [InlineData("周三走访", "2026-11-18")]
    [InlineData("周五走访", "2026-11-13")]
    [InlineData("星期天", "2026-11-15")]
    [InlineData("这周三", "2026-11-18")]
    [InlineData("本周一", "2026-11-16")]
    [InlineData("下周一", "2026-11-23")]
    [InlineData("上个月12号", "2026-10-12")]
    [InlineData("11月16号", "2026-11-16")]
    [InlineData("11月16日", "2026-11-16")]
    [InlineData("十一月十六日", "2026-11-16")]
    [InlineData("16号", "2026-11-16")]
    [InlineData("20号", "2026-10-20")]
    [InlineData("2026-11-16", "2026-11-16")]
    [InlineData("2026年11月16日", "2026-11-16")]
    [InlineData("11.16走访", "2026-11-16")]
    [InlineData("3天前", "2026-11-15")]
    [InlineData("12月30号", "2025-12-30")]
    [InlineData("一周前", "2026-11-11")]
    [InlineData("两个星期前", "2026-11-04")]
    [InlineData("一个月前", "2026-10-18")]
    [InlineData("元月4号", "2026-01-04")]
    [InlineData("元旦那天", "2026-01-01")]
    [InlineData("国庆节", "2026-10-01")]
    public void Resolves_what_instructors_write(string text, string expected)
    {
        var found = DateExpressions.Find(text, Wednesday);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(found).Date);
    }

    [Fact]
    public void Reads_the_day_in_shanghai_not_in_utc()
    {
        Assert.Equal(new DateOnly(2026, 11, 19), DateExpressions.Today(new DateTimeOffset(2026, 11, 18, 17, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 18), DateExpressions.Today(new DateTimeOffset(2026, 11, 18, 15, 59, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("职工1.5万人")]
    [InlineData("党员6名")]
    public void Finds_no_date_in_figures(string text) => Assert.Empty(DateExpressions.Find(text, Wednesday));
}
