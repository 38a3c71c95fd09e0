using System.Globalization;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Dates as reports and work logs write them, as generated tables (branch r7-uforms): every day of November and December
/// 2026 in every written shape (2026年12月3日, 二〇二六年十二月三日, 2026-12-03, 2026.12.3, 2026/12/3, 12月3日, 12月3号,
/// 十二月三日, 12.3, 12/3, 12-03, 本月3日, 上月28日, 3日, 3号) against several days of sending, each resolved to the day
/// meant; every relative weekday form (周三, 星期三, 礼拜三 with and without 本/这/这个/上/上个/下/下个/上上) against every
/// weekday of sending; and the vague parts of a month (月初, 中旬, 月底) and times (9:30, 下午三点半, 十点左右), which name
/// no day.
/// </summary>
public sealed class WrittenDateTests
{
    private const string ChineseDigits = "〇一二三四五六七八九";
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    /// <summary>Days of sending: the end of November, the middle and end of December, and early in the next year.</summary>
    private static readonly DateOnly[] Todays = [new(2026, 11, 30), new(2026, 12, 10), new(2026, 12, 31), new(2027, 1, 5)];

    private static string Chinese(int n) => n switch
    {
        < 10 => ChineseDigits[n].ToString(),
        10 => "十",
        < 20 => "十" + ChineseDigits[n - 10],
        _ => ChineseDigits[n / 10] + "十" + (n % 10 == 0 ? "" : ChineseDigits[n % 10].ToString()),
    };

    private static string ChineseYear(int year) => string.Concat(year.ToString(CultureInfo.InvariantCulture).Select(c => ChineseDigits[c - '0']));

    private static IEnumerable<DateOnly> NovemberAndDecember()
    {
        for (var day = new DateOnly(2026, 11, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>The shapes that say the year: the day they say, whatever the day of sending.</summary>
    public static IEnumerable<string> ShapesWithYear(DateOnly d)
    {
        yield return $"{d.Year}年{d.Month}月{d.Day}日";
        yield return $"{d.Year}年{d.Month}月{d.Day}号";
        yield return $"{ChineseYear(d.Year)}年{Chinese(d.Month)}月{Chinese(d.Day)}日";
        yield return $"{d.Year}年{Chinese(d.Month)}月{Chinese(d.Day)}日";
        yield return $"{d.Year}-{d.Month:D2}-{d.Day:D2}";
        yield return $"{d.Year}.{d.Month}.{d.Day}";
        yield return $"{d.Year}/{d.Month}/{d.Day}";
    }

    /// <summary>Month and day without the year: this year's, unless that is more than a month ahead (then last year's).</summary>
    public static IEnumerable<string> ShapesWithMonth(DateOnly d)
    {
        yield return $"{d.Month}月{d.Day}日";
        yield return $"{d.Month}月{d.Day}号";
        yield return $"{Chinese(d.Month)}月{Chinese(d.Day)}日";
        yield return $"{Chinese(d.Month)}月{Chinese(d.Day)}号";
        yield return $"{d.Month}.{d.Day}";
        yield return $"{d.Month}/{d.Day}";
        yield return $"{d.Month:D2}-{d.Day:D2}";
        yield return $"{d.Month}-{d.Day}";
    }

    private static DateOnly MonthDayMeant(int month, int day, DateOnly today)
    {
        var date = new DateOnly(today.Year, month, day);
        return date > today.AddDays(31) ? new DateOnly(today.Year - 1, month, day) : date;
    }

    private static void ExpectOne(string text, DateOnly today, DateOnly expected, List<string> failures)
    {
        var found = DateExpressions.Find(TextNormalizer.Normalize(text), today);
        if (found is not [var only] || only.Start != 0 || only.Length != text.Length || only.Date != expected)
        {
            failures.Add($"{text} on {today:yyyy-MM-dd}: want {expected:yyyy-MM-dd}, got [{string.Join(", ", found.Select(f => $"{f.Date:yyyy-MM-dd}@{f.Start}+{f.Length}"))}]");
        }
    }

    [Fact]
    public void Every_day_in_every_written_shape_resolves_to_the_day_meant()
    {
        var failures = new List<string>();
        foreach (var today in Todays)
        {
            var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
            foreach (var day in NovemberAndDecember())
            {
                foreach (var shape in ShapesWithYear(day))
                {
                    ExpectOne(shape, today, day, failures);
                }

                foreach (var shape in ShapesWithMonth(day))
                {
                    ExpectOne(shape, today, MonthDayMeant(day.Month, day.Day, today), failures);
                }

                var month = new DateOnly(day.Year, day.Month, 1);
                if (month == firstOfMonth)
                {
                    ExpectOne($"本月{day.Day}日", today, day, failures);
                    ExpectOne($"这个月{day.Day}号", today, day, failures);
                    ExpectOne($"本月{Chinese(day.Day)}日", today, day, failures);
                }

                if (month == firstOfMonth.AddMonths(-1))
                {
                    ExpectOne($"上月{day.Day}日", today, day, failures);
                    ExpectOne($"上个月{day.Day}号", today, day, failures);
                }

                // a day alone: this month's, or last month's when it is later than today
                if ((month == firstOfMonth && day.Day <= today.Day) || (month == firstOfMonth.AddMonths(-1) && day.Day > today.Day))
                {
                    ExpectOne($"{day.Day}日", today, day, failures);
                    ExpectOne($"{day.Day}号", today, day, failures);
                    ExpectOne($"{Chinese(day.Day)}日", today, day, failures);
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} misread:\n{string.Join("\n", failures.Take(40))}");
    }

    [Fact]
    public void Every_relative_weekday_form_resolves_against_every_weekday_of_sending()
    {
        string[] days = ["一", "二", "三", "四", "五", "六", "日"];
        var failures = new List<string>();
        for (var today = new DateOnly(2026, 11, 30); today <= new DateOnly(2026, 12, 13); today = today.AddDays(1))
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            for (var k = 0; k < 7; k++)
            {
                var thisWeek = monday.AddDays(k);
                foreach (var week in (string[])["周", "星期", "礼拜"])
                {
                    var names = k == 6 && week != "周" ? [days[k], "天"] : new[] { days[k] };
                    foreach (var name in names)
                    {
                        ExpectOne(week + name, today, thisWeek > today ? thisWeek.AddDays(-7) : thisWeek, failures);
                        foreach (var (lead, offset) in (ReadOnlySpan<(string, int)>)[("本", 0), ("这", 0), ("这个", 0), ("上", -7), ("上个", -7), ("下", 7), ("下个", 7), ("上上", -14)])
                        {
                            if (lead.EndsWith('个') && week == "周")
                            {
                                continue; // 上个周三 is said, but rarely written; 上个星期三 and 上个礼拜三 are
                            }

                            ExpectOne(lead + week + name, today, thisWeek.AddDays(offset), failures);
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} misread:\n{string.Join("\n", failures.Take(40))}");
    }

    public static IEnumerable<object[]> VagueParts() =>
        ((string[])["月初", "月中", "月底", "月末", "上旬", "中旬", "下旬", "本月初", "本月中旬", "上月底", "上月下旬", "11月下旬", "12月初", "十二月上旬", "11月底"])
            .Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(VagueParts))]
    public void A_vague_part_of_a_month_names_no_day_and_the_record_takes_the_day_of_sending(string vague)
    {
        var now = new DateTimeOffset(2026, 12, 18, 16, 0, 0, TimeSpan.FromHours(8));
        Assert.Empty(DateExpressions.Find(vague, new DateOnly(2026, 12, 18)));
        var visit = Assert.Single(Understanding.Understand($"{vague}走访了云启科技", FixtureLedger.Users()["u_zhang"], now).Actions);
        Assert.Equal((ActionKind.Visit, new DateOnly(2026, 12, 18)), (visit.Kind, visit.Date));
    }

    public static IEnumerable<object[]> Times() =>
        ((string[])["上午9点", "9:30", "上午9:30", "14:00", "下午三点半", "十点左右", "上午10时30分", "晚上八点", "下午2点半", "早上8点10分", "9:00-10:30"])
            .Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(Times))]
    public void A_time_is_no_day_and_no_figure(string time)
    {
        Assert.Empty(DateExpressions.Find(TextNormalizer.Normalize(time), new DateOnly(2026, 12, 10)));
        var now = new DateTimeOffset(2026, 12, 10, 18, 0, 0, TimeSpan.FromHours(8));
        foreach (var (text, day) in (ReadOnlySpan<(string, DateOnly)>)[($"今天{time}到云启科技走访，职工一百二十人，党员陆名", new(2026, 12, 10)), ($"12月3日{time}到云启科技走访，职工一百二十人，党员陆名", new(2026, 12, 3))])
        {
            var actions = Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], now).Actions;
            Assert.Equal(2, actions.Count);
            Assert.Equal((ActionKind.Visit, day), (actions[0].Kind, actions[0].Date));
            Assert.Equal((ActionKind.OrgUpdate, 120, 6), (actions[1].Kind, actions[1].Employees, actions[1].PartyMembers));
        }
    }

    [Theory]
    [InlineData("12月7日走访启航外国语学校，当日成立了妇委会", "2026-12-07")]
    [InlineData("昨天去了启航外国语学校，当天就成立了妇委会", "2026-12-09")]
    [InlineData("启航外国语学校当日成立了妇委会", "2026-12-10")]
    public void The_same_day_after_a_date_is_that_date(string text, string expected)
    {
        var now = new DateTimeOffset(2026, 12, 10, 18, 0, 0, TimeSpan.FromHours(8));
        var actions = Understanding.Understand(text, FixtureLedger.Users()["u_liu"], now).Actions;
        var coverage = Assert.Single(actions, a => a.Kind == ActionKind.WorkCoverage);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), coverage.Date);
    }

    [Theory]
    [InlineData("去年12月3日", "2025-12-03")]
    [InlineData("去年十二月三日", "2025-12-03")]
    [InlineData("今年1月5日", "2026-01-05")]
    [InlineData("前年11月1日", "2024-11-01")]
    public void A_month_and_day_after_the_year_said_in_words_is_in_that_year(string text, string expected)
    {
        var found = Assert.Single(DateExpressions.Find(text, new DateOnly(2026, 12, 10)));
        Assert.Equal((DateOnly.Parse(expected, CultureInfo.InvariantCulture), text.Length), (found.Date, found.Length));
    }

    [Theory]
    [InlineData("职工10-20人")]
    [InlineData("党员3-5名")]
    [InlineData("11-12月走访了几家")]
    [InlineData("8-9点")]
    [InlineData("电话138-2654-1234")]
    [InlineData("成立于2015年")]
    [InlineData("2026年")]
    public void A_range_of_figures_a_phone_number_or_a_year_alone_is_no_day(string text) =>
        Assert.Empty(DateExpressions.Find(text, new DateOnly(2026, 12, 10)));

    [Theory]
    [InlineData("二〇二六年十一月走访了多少家", "2026-11-01", "2026-11-30")]
    [InlineData("2025年11月1日至30日走访了多少家", "2025-11-01", "2025-11-30")]
    [InlineData("2026年11月1日至11月30日坂田街道走访了多少家", "2026-11-01", "2026-11-30")]
    public void A_window_with_its_year_written_is_that_year(string text, string from, string to)
    {
        var window = TimeWindow.Find(text, new DateOnly(2026, 12, 10));
        Assert.NotNull(window);
        Assert.Equal((DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture)), (window.From, window.To));
    }
}
