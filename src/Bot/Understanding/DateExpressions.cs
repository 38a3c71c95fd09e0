using System.Globalization;
using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Finds and resolves the dates a message says, against the day it was sent (Asia/Shanghai):
/// 今天, 昨天, 前天, 大前天, 明天; 上周五, 周一 (the most recent, or today), 这周三; 上个月12号, 11月16号, 16号,
/// 2026-11-16, 11.16, 11/16, 元月4号; 3天前, 一周前, 一个月前; 元旦, 国庆节. A day-of-month or month-day later than today is taken from the previous month/year.
/// </summary>
public static partial class DateExpressions
{
    /// <summary>China has kept UTC+8 without daylight saving since 1991, so Asia/Shanghai is a fixed offset.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static List<DateMention> Find(string text, DateOnly today)
    {
        var found = new List<DateMention>();
        foreach (Match m in DatePattern().Matches(text))
        {
            if (Resolve(m, today) is { } date)
            {
                found.Add(new DateMention(m.Index, m.Length, date));
            }
        }

        return found;
    }

    private static DateOnly? Resolve(Match m, DateOnly today)
    {
        var g = m.Groups;
        if (g["y"].Success)
        {
            return Make(Number(g["y"].Value), Number(g["m"].Value), Number(g["d"].Value));
        }

        if (g["rel"].Success)
        {
            return g["rel"].Value switch
            {
                "今天" or "今日" or "今早" or "今晚" or "今儿" or "今儿个" or "今个" or "刚才" or "刚刚" or "当天" or "当日" => today,
                "昨天" or "昨日" or "昨晚" or "昨儿" or "昨儿个" or "昨个" or "昨早" => today.AddDays(-1),
                "前天" or "前儿" or "前儿个" => today.AddDays(-2),
                "大前天" or "大前儿" or "大前儿个" => today.AddDays(-3),
                "明天" or "明日" or "明儿" or "明儿个" => today.AddDays(1),
                "后天" => today.AddDays(2),
                _ => today.AddDays(3), // 大后天
            };
        }

        if (g["ago"].Success)
        {
            return today.AddDays(-Number(g["ago"].Value));
        }

        if (g["wago"].Success)
        {
            return today.AddDays(-7 * Number(g["wago"].Value)); // 一周前, 两个星期前
        }

        if (g["mago"].Success)
        {
            return today.AddMonths(-Number(g["mago"].Value)); // 一个月前
        }

        if (g["hol"].Success)
        {
            // 元旦/国庆/劳动节: the fixed-date holiday most recently passed (or today).
            var (month, day) = g["hol"].Value switch
            {
                "元旦" => (1, 1),
                "劳动节" => (5, 1),
                _ => (10, 1),
            };
            var date = new DateOnly(today.Year, month, day);
            return date > today ? date.AddYears(-1) : date;
        }

        if (g["wd"].Success)
        {
            var weekday = g["wd"].Value is "日" or "天" or "7" ? 7 : Number(g["wd"].Value);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var week = g["wk"].Value;
            if (week.Length == 0)
            {
                var day = monday.AddDays(weekday - 1);
                return day > today ? day.AddDays(-7) : day;
            }

            var offset = week.StartsWith("上上", StringComparison.Ordinal) ? -14 : week[0] == '上' ? -7 : week[0] == '下' ? 7 : 0;
            return monday.AddDays(offset + weekday - 1);
        }

        if (g["md"].Success)
        {
            var month = Number(g["mm"].Value);
            var date = Make(today.Year, month, Number(g["md"].Value));
            return date is { } d && d > today.AddDays(31) ? Make(today.Year - 1, month, Number(g["md"].Value)) : date;
        }

        if (g["pm"].Success)
        {
            var first = new DateOnly(today.Year, today.Month, 1);
            var month = g["pm"].Value.StartsWith('上') ? first.AddMonths(-1) : first;
            return Make(month.Year, month.Month, Number(g["pd"].Value));
        }

        if (g["dd"].Success)
        {
            var date = Make(today.Year, today.Month, Number(g["dd"].Value));
            if (date is { } d && d > today)
            {
                var previous = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
                return Make(previous.Year, previous.Month, Number(g["dd"].Value));
            }

            return date;
        }

        return null;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && year is > 1900 and < 3000 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Number(string text) =>
        text == "元" ? 1 // 元月: January
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : ChineseNumber.TryParse(text, out var c) ? c : 0;

    [GeneratedRegex(
        @"(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*[日号]?" +
        @"|(?<rel>大前儿个|大前儿|大前天|前儿个|前儿|前天|昨儿个|昨个|昨天|昨日|昨晚|昨早|昨儿|今儿个|今个|今天|今日|今早|今晚|今儿|刚才|刚刚|当天|当日|明儿个|明儿|明天|明日|大后天|后天)" +
        @"|(?<ago>\d{1,2}|[一二两俩仨三四五六七八九十]{1,3})天(?:以)?前" +
        @"|(?<wago>\d{1,2}|[一二两俩仨三四五六七八九十]{1,3})个?(?:周|星期|礼拜)(?:以)?前" +
        @"|(?<mago>\d{1,2}|[一二两俩仨三四五六七八九十]{1,3})个月(?:以)?前" +
        @"|(?<hol>元旦|国庆节|国庆|劳动节)" +
        @"|(?<wk>上上个?|上个?|这个?|本|下个?)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7])" +
        @"|(?<pm>上个月|上月|本月|这个月|这月)(?<pd>\d{1,2}|[一二三四五六七八九十]{1,3})[日号]" +
        @"|(?<![\d.])(?<mm>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九元])月(?<md>3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]?" +
        @"|(?<![\d.])(?<mm>1[0-2]|0?[1-9])\.(?<md>3[01]|[12]\d|0?[1-9])(?![\d.%万千百亿倍元个名人岁年])" +
        @"|(?<![\d./])(?<mm>1[0-2]|0?[1-9])/(?<md>3[01]|[12]\d|0?[1-9])(?![\d./%万千百亿倍元个名人岁年的])" +
        @"|(?<![\d月.])(?<dd>3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号](?![\d人])")]
    private static partial Regex DatePattern();
}
