using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// A stretch of days a coordinator asks about (inclusive at both ends), and the words that said it:
/// 今天, 本周, 最近一周, 本月, 上个月, 11月, 11月1日到15日, 今年, 攻坚以来 (CLI.md additions: progress_query from/to).
/// </summary>
public sealed partial record TimeWindow(DateOnly From, DateOnly To, string Said)
{
    /// <summary>Whole days in the window.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// The window <paramref name="text"/> names, resolved against <paramref name="today"/> (Asia/Shanghai); null when it names
    /// none. <paramref name="campaignStart"/> is the day 攻坚以来/行动以来 counts from (configuration); without it those words name
    /// no window. A window never ends after today: 本周 is Monday to today.
    /// </summary>
    public static TimeWindow? Find(string? text, DateOnly today, DateOnly? campaignStart = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (RangePattern().Match(text) is { Success: true } range && Range(range, today) is { } stated)
        {
            return stated;
        }

        if (LastDaysPattern().Match(text) is { Success: true } last && Count(last.Groups["n"].Value) is { } n and > 0)
        {
            var days = last.Groups["u"].Value switch
            {
                "周" or "星期" or "礼拜" => 7 * n,
                "个月" or "月" => 0,
                _ => n,
            };
            var from = days > 0 ? today.AddDays(-days + 1) : today.AddMonths(-n).AddDays(1);
            return new TimeWindow(from, today, last.Value);
        }

        if (WordPattern().Match(text) is { Success: true } word)
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
            (DateOnly From, DateOnly To)? window = word.Groups["w"].Value switch
            {
                "今天" or "今日" or "当天" => (today, today),
                "昨天" or "昨日" => (today.AddDays(-1), today.AddDays(-1)),
                "本周" or "这周" or "这一周" or "这个星期" or "本星期" or "这星期" or "这礼拜" or "这个礼拜" => (monday, today),
                "上周" or "上个星期" or "上星期" or "上礼拜" or "上个礼拜" or "上一周" => (monday.AddDays(-7), monday.AddDays(-1)),
                "本月" or "这个月" or "这月" or "当月" or "本月度" => (firstOfMonth, today),
                "上个月" or "上月" or "上一个月" => (firstOfMonth.AddMonths(-1), firstOfMonth.AddDays(-1)),
                "今年" or "本年" or "本年度" or "今年以来" => (new DateOnly(today.Year, 1, 1), today),
                "去年" => (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
                _ when campaignStart is { } start && start <= today => (start, today), // 攻坚以来, 行动以来, 开展以来
                _ => null,
            };
            if (window is { } w)
            {
                return new TimeWindow(w.From, w.To, word.Value);
            }
        }

        if (MonthPattern().Match(text) is { Success: true } month && Count(month.Groups["m"].Value) is { } m and >= 1 and <= 12)
        {
            // "11月走访了多少家": a month later than this one is last year's.
            var year = month.Groups["y"].Success ? Year(month.Groups["y"].Value) ?? today.Year : m > today.Month ? today.Year - 1 : today.Year;
            var first = new DateOnly(year, m, 1);
            var end = first.AddMonths(1).AddDays(-1);
            return new TimeWindow(first, end < today ? end : today, month.Value);
        }

        return null;
    }

    /// <summary>
    /// "12月10日我去过几家单位": one day named, as the window of a progress question (a record's date is no window, so
    /// <see cref="Find"/> leaves it out); a later month is last year's. Null where no single day is named.
    /// </summary>
    public static TimeWindow? FindDay(string? text, DateOnly today)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DayPattern().Match(text) is { Success: true } day && Count(day.Groups["m"].Value) is { } dm and >= 1 and <= 12
            && Count(day.Groups["d"].Value) is { } dd and >= 1 && dd <= DateTime.DaysInMonth(dm > today.Month ? today.Year - 1 : today.Year, dm))
        {
            var on = new DateOnly(dm > today.Month ? today.Year - 1 : today.Year, dm, dd);
            return new TimeWindow(on, on, day.Value);
        }

        return null;
    }

    private static TimeWindow? Range(Match match, DateOnly today)
    {
        var g = match.Groups;
        if (Count(g["m1"].Value) is not { } m1 || Count(g["d1"].Value) is not { } d1 || Count(g["d2"].Value) is not { } d2)
        {
            return null;
        }

        var m2 = g["m2"].Success ? Count(g["m2"].Value) : m1;
        var year = g["y"].Success && Year(g["y"].Value) is { } said ? said : m1 > today.Month ? today.Year - 1 : today.Year;
        if (m2 is not { } month2 || !Valid(year, m1, d1) || !Valid(month2 < m1 ? year + 1 : year, month2, d2))
        {
            return null;
        }

        var from = new DateOnly(year, m1, d1);
        var to = new DateOnly(month2 < m1 ? year + 1 : year, month2, d2);
        return from <= to ? new TimeWindow(from, to, match.Value) : null;

        static bool Valid(int y, int m, int d) => m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
    }

    private static int? Count(string numeral) =>
        numeral.Length > 0 && ChineseNumber.TryRead(numeral, 0, out var value, out var length) && length == numeral.Length ? value : null;

    /// <summary>A year as written: 2026, or digit by digit in Chinese (二〇二六, 二零二六).</summary>
    private static int? Year(string written) =>
        int.TryParse(written, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year
        : ChineseNumber.TryParseDigits(written, out var chinese) ? chinese : null;

    private const string Numeral = "[0-9零〇一二两三四五六七八九十百]+";

    private const string YearSaid = "(?:(?<y>[0-9]{4}|[〇零一二三四五六七八九]{4})年)?";

    [GeneratedRegex($"{YearSaid}(?<m1>{Numeral})月(?<d1>{Numeral})[日号]?(?:到|至|~|－|-|—)(?:(?<m2>{Numeral})月)?(?<d2>{Numeral})[日号]?")]
    private static partial Regex RangePattern();

    [GeneratedRegex($"(?<![0-9零〇一二两三四五六七八九十百到至~\\-—－])(?<m>{Numeral})月(?<d>{Numeral})[日号](?!以来|起|开始|之后|以后|至今|前|之前|以前|到|至|~|-|—|－|[0-9])")]
    private static partial Regex DayPattern();

    [GeneratedRegex($"(?:最近|近|过去|前)(?<n>{Numeral}|一|两|几)(?<u>天|日|周|星期|礼拜|个月|月)")]
    private static partial Regex LastDaysPattern();

    [GeneratedRegex("(?<w>今年以来|本年度|今年|本年|去年|本月度|本月|这个月|这月|当月|上一个月|上个月|上月|本周|这一周|这周|这个星期|本星期|这星期|这个礼拜|这礼拜|上个星期|上星期|上个礼拜|上礼拜|上一周|上周|今天|今日|当天|昨天|昨日|攻坚以来|行动以来|开展以来|活动以来|启动以来)")]
    private static partial Regex WordPattern();

    [GeneratedRegex($"{YearSaid}(?<m>{Numeral})月(?![0-9零〇一二两三四五六七八九十百]+[日号])(?!份?以来)")]
    private static partial Regex MonthPattern();
}
