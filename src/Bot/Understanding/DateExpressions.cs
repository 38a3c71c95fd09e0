using System.Globalization;
using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Finds and resolves the dates a message says, against the day it was sent (Asia/Shanghai):
/// 今天, 昨天, 前天, 大前天, 明天; 头天/头一天/前一天 (the day before the day just said, else yesterday); 上周五, 周一 (the most recent, or today), 这周三; 上个月12号, 11月16号, 16号,
/// 2026-11-16, 11.16, 11/16, 12-03, 元月4号; 2026年12月3日, 二〇二六年十二月三日; 3天前, 一周前, 一个月前; 元旦, 国庆节.
/// A day-of-month or month-day later than today is taken from the previous month/year. 当天/当日 after a date is that
/// date. A vague part of a month (月初, 中旬, 月底) names no day; times (9:30, 三点半) and a work log's item numbers
/// (1. 2、 （3） ①) are no dates.
/// </summary>
public static partial class DateExpressions
{
    /// <summary>China has kept UTC+8 without daylight saving since 1991, so Asia/Shanghai is a fixed offset.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);

    // The last texts each thread read days in: a message's parser, its self-corrections and its record doubts read the same
    // prepared text (three regex passes a message before). Mentions are immutable; each caller gets its own list.
    [ThreadStatic]
    private static (string Text, DateOnly Today, DateMention[] Found)[]? lastFinds;

    [ThreadStatic]
    private static int nextFind;

    private const int FindsKept = 4;

    /// <summary>Every day <paramref name="text"/> says, in order, resolved against <paramref name="today"/> (a new list: the caller may change it).</summary>
    public static List<DateMention> Find(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = lastFinds ??= new (string, DateOnly, DateMention[])[FindsKept];
        foreach (var (seen, day, found) in kept)
        {
            if (seen is not null && day == today && string.Equals(seen, text, StringComparison.Ordinal))
            {
                return [.. found];
            }
        }

        var days = Read(text, today);
        kept[nextFind] = (text, today, [.. days]);
        nextFind = (nextFind + 1) % FindsKept;
        return days;
    }

    private static List<DateMention> Read(string text, DateOnly today)
    {
        var found = new List<DateMention>();
        foreach (Match m in DatePattern().Matches(WithoutItemNumbers(text)))
        {
            if (m.Groups["rel"].Value is "当天" or "当日" && found.Count > 0)
            {
                // "12月7日走访…，当日成立了工会": the day just said, not the day of sending
                found.Add(new DateMention(m.Index, m.Length, found[^1].Date));
            }
            else if (m.Groups["rel"].Value is "头天" or "头一天" or "前一天")
            {
                // 词林 Ca23A07 (前日 前天 前一天 头天): "the day before" the day just said, or before the day of sending.
                found.Add(new DateMention(m.Index, m.Length, (found.Count > 0 ? found[^1].Date : today).AddDays(-1)));
            }
            else if (Resolve(m, today) is { } date)
            {
                found.Add(new DateMention(m.Index, m.Length, date));
            }
        }

        return found;
    }

    /// <summary>
    /// A work log's item number right before a date ("1.12月3日走访", "2.2026-12-03", "3.12/8"), blanked (positions kept)
    /// so that "1.12" is not read as January 12th and the date after it is read whole. Before a day alone ("2.3号") the
    /// figure is an item number only when the message numbers another item next to it ("1." or "3."): "12.3号" alone is
    /// 3 December.
    /// </summary>
    private static string WithoutItemNumbers(string text)
    {
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            return text;
        }

        char[]? blanked = null;
        foreach (Match m in ItemNumberBeforeDigits().Matches(text))
        {
            var n = int.Parse(m.Groups["n"].ValueSpan, CultureInfo.InvariantCulture);
            if (m.Groups["date"].Success || NumbersItem(text, n - 1) || NumbersItem(text, n + 1))
            {
                blanked ??= text.ToCharArray();
                Array.Fill(blanked, ' ', m.Index, m.Length);
            }
        }

        return blanked is null ? text : new string(blanked);
    }

    /// <summary>True when "<paramref name="n"/>." starts a clause somewhere in <paramref name="text"/>.</summary>
    private static bool NumbersItem(string text, int n)
    {
        if (n < 1)
        {
            return false;
        }

        var marker = string.Create(CultureInfo.InvariantCulture, $"{n}.");
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || IsClauseStart(text[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClauseStart(char before) => char.IsWhiteSpace(before) || ",;:!?，。；：、！？)）]】".Contains(before, StringComparison.Ordinal);

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
            if (g["ry"].Success)
            {
                // 去年12月3日, 今年1月5日: the year said, not the nearest
                return Make(today.Year - (g["ry"].Value switch { "去年" => 1, "前年" => 2, _ => 0 }), month, Number(g["md"].Value));
            }

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
        : text.Length == 4 && ChineseNumber.TryParseDigits(text, out var year) ? year // 二〇二六
        : ChineseNumber.TryParse(text, out var c) ? c : 0;

    [GeneratedRegex(@"(?<=^|[\s,;:!?，。；：、！？)）\]】])(?<n>\d{1,2})\.(?=(?<date>\d{4}[-/.年]|\d{1,2}(?:月|[-/.]\d))|\d{1,2}[日号])")]
    private static partial Regex ItemNumberBeforeDigits();

    [GeneratedRegex(
        @"(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*[日号]?" +
        @"|(?<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*(?<d>3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]?" +
        @"|(?<rel>头一天|头天|前一天|大前儿个|大前儿|大前天|前儿个|前儿|前天|昨儿个|昨个|昨天|昨日|昨晚|昨早|昨儿|今儿个|今个|今天|今日|今早|今晚|今儿|刚才|刚刚|当天|当日|明儿个|明儿|明天|明日|大后天|后天)" +
        @"|(?<ago>\d{1,2}|[一二两俩仨三四五六七八九十]{1,3})天(?:以)?前" +
        @"|(?<wago>\d{1,2}|[一二两俩仨三四五六七八九十]{1,3})个?(?:周|星期|礼拜)(?:以)?前" +
        @"|(?<mago>\d{1,2}|[一二两俩仨三四五六七八九十]{1,3})个月(?:以)?前" +
        @"|(?<hol>元旦|国庆节|国庆|劳动节)" +
        @"|(?<wk>上上个?|上个?|这个?|本|下个?)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7])" +
        @"|(?<pm>上个月|上月|本月|这个月|这月)(?<pd>\d{1,2}|[一二三四五六七八九十]{1,3})[日号]" +
        @"|(?<ry>今年|本年|去年|前年)?(?:(?<![\d.])(?<mm>1[0-2]|0?[1-9])|(?<![〇零一二两三四五六七八九十])(?<mm>十[一二]?|[一二三四五六七八九元]))月(?<md>3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]?" +
        @"|(?<![\d.])(?<mm>1[0-2]|0?[1-9])\.(?<md>3[01]|[12]\d|0?[1-9])(?![\d.%万千百亿倍元个名人岁年])" +
        @"|(?<![\d./])(?<mm>1[0-2]|0?[1-9])/(?<md>3[01]|[12]\d|0?[1-9])(?![\d./%万千百亿倍元个名人岁年的])" +
        @"|(?<![\d./:-])(?<mm>1[0-2]|0?[1-9])-(?<md>3[01]|[12]\d|0?[1-9])(?![\d./:~%万千百亿倍元个名人岁年月日号的位家之以点时分天周次层栋楼户间套辆台项件条-])" +
        @"|(?<![\d月.])(?<dd>3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号](?![\d人])")]
    private static partial Regex DatePattern();
}
