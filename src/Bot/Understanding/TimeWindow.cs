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
    public static TimeWindow? Find(string? text, DateOnly today, DateOnly? campaignStart = null) =>
        string.IsNullOrEmpty(text) ? null : new Heads(text, today).Window(text.Length, campaignStart);

    /// <summary><see cref="Find(string?, DateOnly, DateOnly?)"/> of <paramref name="text"/>, a head of <paramref name="heads"/>' text (not empty).</summary>
    private static TimeWindow? Find(Heads heads, string text, DateOnly today, DateOnly? campaignStart)
    {
        if (RangePattern().Match(text) is { Success: true } range && Range(range, today) is { } stated)
        {
            return stated;
        }

        if (SaidRange(heads, text, today) is { } ends)
        {
            return ends;
        }

        if ((Anchored(heads, text, today, campaignStart) ?? ThisWeeks(text, today)) is { } opened)
        {
            return opened; // TimeWindow.Grammar.cs: "国庆以后", "12月以来", "这两周"
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

        if (PartOfMonth(text, today) is { } part)
        {
            return part; // "11月下旬", "本月中旬"
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
                "上上周" or "上上个星期" or "上上星期" or "上上礼拜" or "上上个礼拜" => (monday.AddDays(-14), monday.AddDays(-8)),
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

    /// <summary>
    /// A range said by its two ends in words, each end a day as <see cref="DateExpressions"/> reads it or a word of a window
    /// or an edge: "从这个月一号到昨天", "上礼拜一到这礼拜三", "十一月十五号到月底", "11月到现在". The start is a day ending right
    /// before 到/至/一直到 (or a window word: its first day); the end a day starting right after it, 现在/目前/今 (today), or
    /// 月底/月末/年底 (the end of the start's month or year, as said, even after today). A bare day of the month after a
    /// month-day ("十二月一号到十号") is read by <see cref="RangePattern"/> first.
    /// </summary>
    private static TimeWindow? SaidRange(Heads heads, string text, DateOnly today)
    {
        var days = heads.Days(text.Length);
        foreach (var link in heads.Links)
        {
            if (link.Index + link.Length > text.Length)
            {
                break;
            }

            DateOnly? from = null;
            var start = link.Index;
            if (days.EndingAt(link.Index) is { } first)
            {
                (from, start) = (first.Date, first.Start);
            }
            else if (heads.Window(link.Index, null) is { } window && text.AsSpan(0, link.Index).EndsWith(window.Said, StringComparison.Ordinal))
            {
                (from, start) = (window.From, link.Index - window.Said.Length);
            }

            if (from is not { } begin)
            {
                continue;
            }

            var after = link.Index + link.Length;
            DateOnly? to = null;
            var end = after;
            if (days.StartingAt(after) is { } last)
            {
                (to, end) = (last.Date, last.Start + last.Length);
            }
            else if (RangeEndWords.FirstOrDefault(w => text.AsSpan(after).StartsWith(w, StringComparison.Ordinal)) is { } edge)
            {
                end = after + edge.Length;
                to = edge switch
                {
                    "月底" or "月末" => new DateOnly(begin.Year, begin.Month, 1).AddMonths(1).AddDays(-1),
                    "年底" or "年末" => new DateOnly(begin.Year, 12, 31),
                    "上旬" => new DateOnly(begin.Year, begin.Month, 10), // "11月上旬到中旬": the part of the start's month
                    "中旬" => new DateOnly(begin.Year, begin.Month, 20),
                    "下旬" => new DateOnly(begin.Year, begin.Month, 1).AddMonths(1).AddDays(-1),
                    _ => today,
                };
            }

            if (to is { } finish && begin <= finish)
            {
                return new TimeWindow(begin, finish, text[start..end]);
            }
        }

        return null;
    }

    /// <summary>The words that end a range said in words: now (现在, 目前, 今, 当前), a month's or a year's end, a part of the start's month.</summary>
    private static readonly string[] RangeEndWords = ["现在", "目前", "当前", "今", "月底", "月末", "年底", "年末", "上旬", "中旬", "下旬"];

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

    [GeneratedRegex("一直到|截至|截止到|到|至|~|－|—")]
    private static partial Regex RangeLinkPattern();

    [GeneratedRegex($"(?:最近|近|过去|前)(?<n>{Numeral}|一|两|几)(?<u>天|日|周|星期|礼拜|个月|月)")]
    private static partial Regex LastDaysPattern();

    [GeneratedRegex("(?<w>今年以来|本年度|今年|本年|去年|本月度|本月|这个月|这月|当月|上一个月|上个月|上月|本周|这一周|这周|这个星期|本星期|这星期|这个礼拜|这礼拜|上上个星期|上上星期|上上个礼拜|上上礼拜|上上周|上个星期|上星期|上个礼拜|上礼拜|上一周|上周|今天|今日|当天|昨天|昨日|攻坚以来|行动以来|开展以来|活动以来|启动以来)")]
    private static partial Regex WordPattern();

    [GeneratedRegex($"{YearSaid}(?<m>{Numeral})月(?![0-9零〇一二两三四五六七八九十百]+[日号])(?!份?以来)")]
    private static partial Regex MonthPattern();
}
