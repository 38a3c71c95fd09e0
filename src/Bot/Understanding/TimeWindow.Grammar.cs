using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Round 15 (r15-utime): a window as a grammar of points and anchors. A point is a day (11月20号, 上周五, 国庆), a month
/// (12月), a part of a month (11月下旬, 本月中旬: 上旬 1–10, 中旬 11–20, 下旬 21–the last day) or a window word (本月, 上周);
/// an anchor after a point opens a window from it to today (以来, 以后, 之后, 起, 开始, 至今: "国庆以后", "11月中旬以来");
/// an anchor before a point closes one with no start said (截至昨天, 截止到11月底, and 到目前为止/至今 alone: today);
/// 这两周/这三个礼拜 are this week and the ones before it, Monday to today (as 本周 is). The conventions are the development
/// gold's (docs/understanding.md, Round 15, branch r15-utime).
/// </summary>
public sealed partial record TimeWindow
{
    /// <summary>"11月下旬", "十月中旬", "本月上旬", "上个月下旬", "中旬" (this month's): that part, ending no later than today.</summary>
    private static TimeWindow? PartOfMonth(string text, DateOnly today)
    {
        if (PartPattern().Match(text) is not { Success: true } part)
        {
            return null;
        }

        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        DateOnly first;
        if (part.Groups["m"].Success)
        {
            if (Count(part.Groups["m"].Value) is not { } m || m is < 1 or > 12)
            {
                return null;
            }

            var year = part.Groups["y"].Success ? Year(part.Groups["y"].Value) ?? today.Year : m > today.Month ? today.Year - 1 : today.Year;
            first = new DateOnly(year, m, 1);
        }
        else
        {
            first = part.Groups["rel"].Value.StartsWith('上') ? thisMonth.AddMonths(-1) : thisMonth;
        }

        var last = first.AddMonths(1).AddDays(-1);
        var (from, to) = part.Groups["p"].Value switch
        {
            "上旬" => (first, first.AddDays(9)),
            "中旬" => (first.AddDays(10), first.AddDays(19)),
            _ => (first.AddDays(20), last),
        };
        return from > today ? null : new TimeWindow(from, to < today ? to : today, part.Value);
    }

    /// <summary>"这两周", "这三个礼拜": this week and the weeks before it, from a Monday to today.</summary>
    private static TimeWindow? ThisWeeks(string text, DateOnly today)
    {
        if (ThisWeeksPattern().Match(text) is not { Success: true } weeks || Count(weeks.Groups["n"].Value) is not { } n || n is < 1 or > 8)
        {
            return null;
        }

        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return new TimeWindow(monday.AddDays(-7 * (n - 1)), today, weeks.Value);
    }

    /// <summary>A point, then an anchor that opens the window to today: "国庆以后", "12月以来", "从11月20号起", "本月中旬以来".</summary>
    private static TimeWindow? Anchored(Heads heads, string text, DateOnly today, DateOnly? campaignStart)
    {
        foreach (Match anchor in AnchorPattern().Matches(text))
        {
            var at = anchor.Index > 0 && text[anchor.Index - 1] == '份' ? anchor.Index - 1 : anchor.Index; // "12月份以来"
            if (PointEndingAt(heads, at, campaignStart) is { } point && point.From <= today)
            {
                return new TimeWindow(point.From, today, text[point.Start..(anchor.Index + anchor.Length)]);
            }
        }

        return null;
    }

    /// <summary>
    /// The last day of a window said by its end alone, no start said: "截至昨天" (yesterday), "截止到11月底" (11-30),
    /// "到目前为止", "至今" (today). Null when nothing closes a window so, or when a point right before the anchor starts it
    /// ("11月以来至今" is a whole window, <see cref="Find"/>'s). Only the first <see cref="EndsRead"/> end words are read.
    /// </summary>
    public static DateOnly? FindEnd(string? text, DateOnly today, DateOnly? campaignStart = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var heads = new Heads(text, today);
        foreach (var end in EndPattern().Matches(text).Take(EndsRead))
        {
            if (PointEndingAt(heads, end.Index, campaignStart) is not null)
            {
                continue; // a range or a window from a point, not an end alone
            }

            if (end.Groups["now"].Success)
            {
                return today;
            }

            var after = end.Index + end.Length;
            while (after < text.Length && text[after] == ' ')
            {
                after++;
            }

            if (NowWords.FirstOrDefault(w => text.AsSpan(after).StartsWith(w, StringComparison.Ordinal)) is not null)
            {
                return today;
            }

            if (heads.Days(text.Length).StartingAt(after) is { } day)
            {
                return day.Date <= today ? day.Date : null;
            }

            var rest = text[after..];
            if (Find(rest, today, campaignStart) is { } window && rest.StartsWith(window.Said, StringComparison.Ordinal))
            {
                var month = window.Said.Length < rest.Length && rest[window.Said.Length] is '底' or '末' ? window.From : (DateOnly?)null;
                return month is { } m ? new DateOnly(m.Year, m.Month, 1).AddMonths(1).AddDays(-1) : window.To; // "截至11月底"
            }
        }

        return null;
    }

    /// <summary>
    /// A question closes its window once (no development message of 11,069 says more than one end word): each end word
    /// read reads the window after it afresh, so "截至" said a thousand times took 25 s before this bound (round 24).
    /// </summary>
    private const int EndsRead = 4;

    private static readonly string[] NowWords = ["目前", "现在", "当前", "今天", "今日", "此时", "当下"];

    /// <summary>A day, or a window's first day, said right before <paramref name="at"/>, with where it starts.</summary>
    private static (DateOnly From, int Start)? PointEndingAt(Heads heads, int at, DateOnly? campaignStart)
    {
        if (at <= 0)
        {
            return null;
        }

        if (heads.Days(at).EndingAt(at) is { } day)
        {
            return (day.Date, day.Start);
        }

        return heads.Window(at, campaignStart) is { } window && heads.Text.AsSpan(0, at).EndsWith(window.Said, StringComparison.Ordinal)
            ? (window.From, at - window.Said.Length) : null;
    }

    /// <summary>
    /// The days and the window of each head (prefix) of one text, each read once. The grammar asks for the point ending at
    /// every link (到) and anchor (以来), and a head's window asks the same of every shorter head: read afresh each time,
    /// that was exponential in the links ("到以来" fourteen times, 49 characters, took over a minute: round 24, r24-long).
    /// </summary>
    private sealed class Heads(string text, DateOnly today)
    {
        private readonly Dictionary<(int Length, DateOnly? CampaignStart), TimeWindow?> windows = [];
        private readonly Dictionary<int, HeadDays> days = [];

        public string Text => text;

        /// <summary>
        /// The range links (到, 截至 …) of the whole text, in order: a head's are those that end in it, since no link is the
        /// start of a longer one that a cut would leave shorter (一直到, 截止到 have no link inside them but the 到 at their end).
        /// </summary>
        public IReadOnlyList<Match> Links => links ??= RangeLinkPattern().Matches(text).ToArray();

        private Match[]? links;

        /// <summary>The window <see cref="Find(string?, DateOnly, DateOnly?)"/> reads in the first <paramref name="length"/> characters.</summary>
        public TimeWindow? Window(int length, DateOnly? campaignStart)
        {
            if (length <= 0)
            {
                return null;
            }

            if (!windows.TryGetValue((length, campaignStart), out var window))
            {
                window = Find(this, length == text.Length ? text : text[..length], today, campaignStart);
                windows[(length, campaignStart)] = window;
            }

            return window;
        }

        /// <summary>The days <see cref="DateExpressions.Find"/> reads in the first <paramref name="length"/> characters.</summary>
        public HeadDays Days(int length)
        {
            if (!days.TryGetValue(length, out var found))
            {
                found = new HeadDays(DateExpressions.Find(length == text.Length ? text : text[..length], today));
                days[length] = found;
            }

            return found;
        }
    }

    /// <summary>The days read in one head, by where they end (the last so) and where they start (the first so).</summary>
    private sealed class HeadDays
    {
        private readonly Dictionary<int, DateMention> byEnd = [];
        private readonly Dictionary<int, DateMention> byStart = [];

        public HeadDays(List<DateMention> days)
        {
            foreach (var day in days)
            {
                byEnd[day.Start + day.Length] = day;
                byStart.TryAdd(day.Start, day);
            }
        }

        public DateMention? EndingAt(int end) => byEnd.GetValueOrDefault(end);

        public DateMention? StartingAt(int start) => byStart.GetValueOrDefault(start);
    }

    [GeneratedRegex($"(?:{YearSaid}(?<m>{Numeral})月份?|(?<rel>本月|这个月|这月|当月|上个月|上月))?(?<p>上旬|中旬|下旬)")]
    private static partial Regex PartPattern();

    [GeneratedRegex("这(?<n>两|二|三|四|五|六|[2-6])个?(?:周|星期|礼拜)")]
    private static partial Regex ThisWeeksPattern();

    [GeneratedRegex("以来|以后|之后|(?<!一)起(?![来码])|开始|至今")]
    private static partial Regex AnchorPattern();

    [GeneratedRegex("(?<now>到目前为止|目前为止|到现在为止|迄今为止|迄今|至今|到今天为止)|截至到|截止到|截至|截止|直到")]
    private static partial Regex EndPattern();
}
