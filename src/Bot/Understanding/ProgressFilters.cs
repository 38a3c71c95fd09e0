using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The filters of a coordinator's progress question (CLI.md additions): the window (<c>from</c>/<c>to</c>), the instructor
/// (<c>person</c>: a known person named, or the sender for 我) and the breakdown (<c>by</c>). A stage after the actions
/// are read: it only adds fields to <see cref="ActionKind.ProgressQuery"/> actions, never changes their kind.
/// </summary>
public static partial class ProgressFilters
{
    // 各街道/每个社区/分街道/按行业 ask for a table; 谁走访得多/指导员排名 rank the instructors.
    private static readonly (string[] Words, BreakdownLevel Level)[] Breakdowns =
    [
        (["各街道", "每个街道", "分街道", "按街道", "街道之间", "各个街道", "哪个街道", "哪些街道"], BreakdownLevel.Street),
        (["各社区", "每个社区", "分社区", "按社区", "社区之间", "各个社区", "哪个社区", "哪些社区"], BreakdownLevel.Community),
        (["各行业", "每个行业", "分行业", "按行业", "哪个行业", "哪些行业"], BreakdownLevel.Industry),
        (["各指导员", "每个指导员", "每位指导员", "按指导员", "指导员排名", "谁走访", "谁跑", "哪个指导员", "哪位指导员", "每个人走访", "每人走访", "各个指导员", "各位指导员", "按人排", "按人统计", "按人列", "按人分", "按人汇总", "分人统计", "分人列"], BreakdownLevel.Instructor),
    ];

    private static readonly string[] SelfWords = ["我走访", "我的走访", "我这周", "我本周", "我这个月", "我本月", "我上周", "我今天", "我最近", "我组建", "我一共", "我总共", "我跑了"];

    public static UnderstandingResult Apply(UnderstandingResult result, string text, User sender, DateOnly today, DateOnly? campaignStart, Func<IReadOnlyCollection<string>> people)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(people);
        if (!result.Actions.Any(a => a.Kind == ActionKind.ProgressQuery))
        {
            return result;
        }

        // "11月份一共新建了几个？我要跟这个月的对比一下。": the window of the question sentence (QuestionSentences.cs).
        var asked = QuestionSentences.WindowText(text, today, campaignStart);
        var window = TimeWindow.Find(asked, today, campaignStart);
        if (window is not null && CorrectionMarkers.Select(m => asked.LastIndexOf(m, StringComparison.Ordinal)).Max() is var corrected
            && corrected > asked.IndexOf(window.Said, StringComparison.Ordinal) && TimeWindow.Find(asked[corrected..], today, campaignStart) is { } later)
        {
            window = later; // "这个月 哦不对 上个月各个指导员走访了多少家": the window said after the correction
        }
        if (TimeWindow.FindDay(asked, today) is { } day && (window is null || !window.Said.Contains(day.Said, StringComparison.Ordinal)))
        {
            window = day; // "12月10日我去过几家单位": the day, not its month
        }
        else if (window is not null && DayOfWeekSaid(asked, window, today) is { } weekday)
        {
            window = weekday; // "上周三我都走访了哪几家": the day of that week, not the week
        }
        else if (window is null && DateExpressions.Find(asked, today).FirstOrDefault(d => asked.AsSpan(d.Start, d.Length).Contains('月') && asked[d.Start + d.Length - 1] is '号' or '日') is { } said)
        {
            window = new TimeWindow(said.Date, said.Date, asked.Substring(said.Start, said.Length)); // "我十二月九号到过多少家"
        }

        // "到目前为止赵敏走访了多少次", "截至昨天的覆盖率": the window's end alone, no start said (TimeWindow.Grammar.cs).
        var end = TimeWindow.FindEnd(asked, today, campaignStart);
        if (end is not null)
        {
            window = null;
        }

        var by = BreakdownOf(text);
        var known = people();
        var person = PersonOf(text, sender, known);
        // "孙磊跟赵敏上礼拜各走访了几家 按人分一下": the people listed are the rows of one breakdown by person, not questions.
        var listed = by == BreakdownLevel.Instructor ? new List<string>() : PeopleListed(text, known);
        if (by != BreakdownLevel.Instructor && PeopleAskedInTurn(text, known) is { Count: > 1 } inTurn)
        {
            listed = inTurn; // "刘洋这周跑了几家？赵敏和张伟呢？": the question again for the people of each elliptical fragment (ProgressFilters.InTurn.cs)
        }

        var rows = by is BreakdownLevel.Street or BreakdownLevel.Community ? RowsNamedAfterBreakdown(result, text) : [];
        return result with
        {
            Actions = [.. result.Actions.Where(a => !rows.Contains(a)).SelectMany(a => a.Kind != ActionKind.ProgressQuery ? [a]
                // "刘洋和赵敏上周各走访了几家": people listed before one figure asked, one question per person.
                : a.Person is null && listed.Count > 1 && result.Actions.Count(q => q.Kind == ActionKind.ProgressQuery) == 1 ? listed.Select(p => a with { Person = p })
                : [a]).Select(a => a.Kind != ActionKind.ProgressQuery ? a : a with
            {
                From = a.From ?? window?.From,
                To = a.To ?? window?.To ?? end,
                By = a.By ?? by,
                Person = a.Person ?? (by == BreakdownLevel.Instructor && PeopleListed(text, known).Count > 1 ? null : person),
            })],
        };
    }

    /// <summary>
    /// "坂田的覆盖率 按社区分开给我看一下 五和 岗头 杨美 分别多少": a breakdown by place said over a scope, and places named after
    /// the breakdown word with the same figure asked: those places are the breakdown's rows, not questions of their own.
    /// Queries whose scope is said only after the breakdown word, beside one whose scope is said before it, are dropped.
    /// </summary>
    private static List<UnderstoodAction> RowsNamedAfterBreakdown(UnderstandingResult result, string text)
    {
        var queries = result.Actions.Where(a => a.Kind == ActionKind.ProgressQuery).ToList();
        var marker = Breakdowns.Where(b => b.Level is BreakdownLevel.Street or BreakdownLevel.Community)
            .SelectMany(b => b.Words).Select(w => text.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (queries.Count < 2 || marker < 0 || queries.Select(q => q.Metric).Distinct().Count() > 1)
        {
            return [];
        }

        bool Before(UnderstoodAction q) => q.Scope is { Length: > 0 } scope && text.IndexOf(scope, StringComparison.Ordinal) is >= 0 and var at && at < marker;
        return queries.Any(Before) ? [.. queries.Where(q => q.Scope is { Length: > 0 } && !Before(q))] : [];
    }

    private static readonly string[] PersonJoiners = ["和", "跟", "与", "及", "、", "，", ",", "还有", "以及"];

    /// <summary>Known people said one after another, joined by 和/跟/、 (the coordination of the person slot), in the order said.</summary>
    private static List<string> PeopleListed(string text, IReadOnlyCollection<string> people)
    {
        var found = people.Where(p => p.Length >= 2).SelectMany(p => AllIndexes(text, p).Select(at => (At: at, Name: p))).OrderBy(f => f.At).ThenByDescending(f => f.Name.Length).ToList();
        return Joined(text, found);
    }

    private static IEnumerable<int> AllIndexes(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    private static readonly string[] CorrectionMarkers = ["不对", "说错了", "错了", "更正", "应该是"];

    private const string NotAWeekdayAfterOne = "共起直下定般些趟次块同样会";

    /// <summary>A day said with the window's words as its start ("上周三" over "上周"): that one day.</summary>
    private static TimeWindow? DayOfWeekSaid(string text, TimeWindow window, DateOnly today)
    {
        var at = text.IndexOf(window.Said, StringComparison.Ordinal);
        if (at < 0 || window.Days != 7)
        {
            return null;
        }

        foreach (var day in DateExpressions.Find(text, today))
        {
            var after = day.Start + day.Length;
            if (day.Start == at && day.Length > window.Said.Length && day.Date >= window.From && day.Date <= window.To
                && !(text[after - 1] == '一' && after < text.Length && NotAWeekdayAfterOne.Contains(text[after], StringComparison.Ordinal)))
            {
                return new TimeWindow(day.Date, day.Date, text.Substring(day.Start, day.Length)); // "上礼拜一共": 一共, not Monday
            }
        }

        return null;
    }

    /// <summary>The names a progress question may name: registered users and the ledger's instructors.</summary>
    public static IReadOnlyCollection<string> PeopleOf(IEnumerable<User> users, IEnumerable<Organization> organizations) =>
        [.. users.Select(u => u.Name).Concat(organizations.Select(o => o.Instructor ?? "")).Where(n => n.Length >= 2).Distinct(StringComparer.Ordinal)];

    public static BreakdownLevel? BreakdownOf(string text)
    {
        foreach (var (words, level) in Breakdowns)
        {
            if (words.Any(w => text.Contains(w, StringComparison.Ordinal)))
            {
                return level;
            }
        }

        return BreakdownSaid(text);
    }

    /// <summary>The nouns a breakdown is said by, longest first, and their level.</summary>
    private static readonly (string Noun, BreakdownLevel Level)[] BreakdownNouns =
    [
        ("指导员", BreakdownLevel.Instructor), ("指导", BreakdownLevel.Instructor), ("人头", BreakdownLevel.Instructor), ("个人", BreakdownLevel.Instructor),
        ("人员", BreakdownLevel.Instructor), ("人", BreakdownLevel.Instructor), ("街道", BreakdownLevel.Street), ("社区", BreakdownLevel.Community),
        ("行业", BreakdownLevel.Industry),
    ];

    /// <summary>Characters before 分 that make it part of another word (部分, 充分, 区分, 划分, 评分, 积分, 十分, 过分).</summary>
    private const string NotBreakdownBeforeFen = "部充区划评积十百过得记";

    /// <summary>
    /// A breakdown as grammar: 按/按照/分 and then a breakdown noun ("按人分一下", "按指导分", "按人头排", "分街道"), the word lists
    /// above being its common forms. 分 inside another word (部分人) is no marker.
    /// </summary>
    private static BreakdownLevel? BreakdownSaid(string text)
    {
        for (var at = text.IndexOfAny(BreakdownMarkers); at >= 0; at = text.IndexOfAny(BreakdownMarkers, at + 1))
        {
            if (text[at] == '分' && at > 0 && NotBreakdownBeforeFen.Contains(text[at - 1], StringComparison.Ordinal))
            {
                continue;
            }

            var next = at + 1 < text.Length && text[at] == '按' && text[at + 1] == '照' ? at + 2 : at + 1;
            foreach (var (noun, level) in BreakdownNouns)
            {
                if (text.AsSpan(next).StartsWith(noun, StringComparison.Ordinal))
                {
                    return level;
                }
            }
        }

        return null;
    }

    private static readonly char[] BreakdownMarkers = ['按', '分'];

    /// <summary>A known person's name in the text (longest first), else the sender for 我 before a verb of the campaign.</summary>
    private static string? PersonOf(string text, User sender, IReadOnlyCollection<string> people)
    {
        var named = people.Where(p => p.Length >= 2 && text.Contains(p, StringComparison.Ordinal)).OrderByDescending(p => p.Length).FirstOrDefault();
        if (named is not null)
        {
            return named;
        }

        // "汇总：本人本周走访家数", "查询：本人 上周 走访次数": 本人, as forms write 我, and the blanks between a form's words.
        var said = text.Contains("本人", StringComparison.Ordinal) ? text.Replace("本人", "我", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal) : text;
        return (SelfWords.Any(w => said.Contains(w, StringComparison.Ordinal)) || SelfBeforeWindow(said)) && sender.Name.Length > 0 ? sender.Name : null;
    }

    private const string WindowCharacters = "上下这本今昨前近个礼拜周星期月年天日号份到至两三一二四五六七八九十零0123456789的";

    /// <summary>Adverbs between 我 and the verb ("我上月都走访过", "我上个月大概跑了").</summary>
    private static readonly string[] SelfAdverbs = ["一共", "总共", "累计", "大概", "大约", "到底", "究竟", "总计", "都", "又", "还", "共"];

    private static readonly string[] PlaceSuffixes = ["街道", "社区", "区"];

    /// <summary>The end of a place said after 在 ("在罗岗社区"): up to six characters closed by 街道/社区/区.</summary>
    private static int? PlaceEnd(string text, int start)
    {
        for (var end = start + 2; end <= Math.Min(text.Length, start + 6); end++)
        {
            if (PlaceSuffixes.Any(s => text.AsSpan(start, end - start).EndsWith(s, StringComparison.Ordinal)))
            {
                return end;
            }
        }

        return null;
    }

    private static readonly string[] SelfTails = ["走访", "一共", "总共", "累计", "跑了", "去了", "组建", "去过", "跑过", "到过", "发现", "排查", "找到", "帮扶", "对接", "去的", "跑的",
        "建了", "新建", "建起", "成立了", "帮建", "建成"]; // round 18: "这周我建了几个支部" asks of the sender's formations

    /// <summary>First-person words that name the sender (本人, 我), not a group (我们, 我街道 is kept out by the tails).</summary>
    private static readonly string[] SelfSubjects = ["本人", "我"];

    /// <summary>"我上礼拜一共跑了几家", "我前两周走访了多少", "本人走访过的": 我/本人, then words of a time window only (or none), then a tail.</summary>
    private static bool SelfBeforeWindow(string text)
    {
        foreach (var self in SelfSubjects)
        {
            for (var at = text.IndexOf(self, StringComparison.Ordinal); at >= 0; at = text.IndexOf(self, at + self.Length, StringComparison.Ordinal))
            {
                // "本人本周走访家数", "12月10日我去过几家", "我上礼拜一共跑了几家": the self word, words of a window, a tail.
                var next = at + self.Length;
                while (next < text.Length && next - at <= 16 && !SelfTails.Any(t => text.AsSpan(next).StartsWith(t, StringComparison.Ordinal)))
                {
                    // Words of a window (上礼拜, 十一月份, 12月3号), a place (在罗岗社区), an adverb (都, 一共, 大概) or 的 before the tail.
                    // The adverb first: 到底 is no 到 of a range ("我十二月一号到十号跑了").
                    if (SelfAdverbs.FirstOrDefault(a => text.AsSpan(next).StartsWith(a, StringComparison.Ordinal)) is { } adverb)
                    {
                        next += adverb.Length;
                    }
                    else if (WindowCharacters.Contains(text[next], StringComparison.Ordinal))
                    {
                        next++;
                    }
                    else if (text[next] == '在' && PlaceEnd(text, next + 1) is { } place)
                    {
                        next = place;
                    }
                    else
                    {
                        break;
                    }
                }

                if (SelfTails.Any(t => text.AsSpan(next).StartsWith(t, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
