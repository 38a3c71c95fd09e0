namespace InstructorBot.Bot.Understanding;

/// <summary>What a figure counts: party members, staff, units, or nothing said (a bare figure after what it counts was told).</summary>
internal enum FigureNoun
{
    Unsaid,
    Members,
    Staff,
    Units,
}

/// <summary>
/// What the predicate governing a figure makes of it: a state or total (有, 还是, 一共, 现在), a find (找到, 排查出, 新招, 亮出身份),
/// a figure only approximate (多, 来, 左右, 出头), one inside a question or a plan, or one of an earlier time (原来三个).
/// </summary>
internal enum FigureRole
{
    Total,
    Find,
    Approximate,
    Asked,
    Planned,
    Earlier,
}

/// <summary>
/// One figure of a message: where it stands, its value (0 for a none: 一个都没有, 还是没有党员, 零), the noun it counts, and the
/// predicate that governs it (<see cref="Predicate"/>: the state, sum or find word read, null when none stands in its segment).
/// </summary>
internal sealed record Figure(int Start, int End, int Value, FigureNoun Noun, FigureRole Role, string? Predicate)
{
    /// <summary>True when a sum word (一共, 加起来) stands right before the figure: it closes a count said in parts.</summary>
    public bool ClosesSum { get; init; }

    /// <summary>True when a word of an earlier time or a now word stands between the segment's start and the figure.</summary>
    public bool SaidOfNow { get; init; }

    /// <summary>The category said right after the figure (pocket, hidden, flowing, probationary, hired, party), or null.</summary>
    public string? Category { get; init; }
}

/// <summary>
/// Round 22 (r22-ufind): one account of every figure in a message. Each numeral (digits, spoken 一百七, 两百出头, 俩/仨) with its
/// measure, and each none (一个都没有, 还是没有党员, 党员零个), is attached to the noun it counts — after it ("三个党员", "两个流动的")
/// or before it across fillers ("党员呢目前还是四个", "党员还是程总一个") — and to the predicate that governs it in its segment
/// (the words between pauses). The predicate's class (vocabulary as data: find, hire and showing verbs; <c>figure_account</c>
/// states and sums; former-state markers; approximation words) decides what the figure is. Later stages read the table
/// (<c>MessageParser.FiguresSettled.cs</c>).
/// </summary>
internal static class FigureTable
{
    /// <summary>How far before a figure its noun may stand (characters within the segment): "党员呢目前还是四个".</summary>
    private const int NounReach = 8;

    /// <summary>How far before a find verb a negation makes it no find ("没有新的党员冒出来").</summary>
    private const int NegationReach = 6;

    private const string Pauses = "，,。.；;！!？?\n、：:（）() ";

    public static List<Figure> Read(string text, UnderstandingRules rules, Func<int, bool> asked, Func<int, bool> planned)
    {
        var figures = new List<Figure>();
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && ChineseNumber.IsNumeralChar(text[i - 1]))
            {
                continue;
            }

            if (NoneAt(text, rules, i) is { } none)
            {
                figures.Add(Account(text, rules, i, none.End, 0, approximate: false, asked, planned) with { Noun = FigureNoun.Members });
                i = none.End - 1;
                continue;
            }

            if (!ChineseNumber.TryReadSpoken(text, i, out var value, out var length, out var approximate))
            {
                continue;
            }

            var j = i + length;
            var selfMeasured = length == 1 && text[i] is '俩' or '仨';
            var measured = selfMeasured;
            if (j + 1 < text.Length && text[j] is '个' or '号' && text[j + 1] == '人')
            {
                (j, measured) = (j + 2, true);
            }
            else if (j < text.Length && text[j] is '个' or '名' or '位' or '人' or '家')
            {
                (j, measured) = (j + 1, true);
            }

            if (rules.ApproximationSuffixes.MatchAt(text, j) is { } suffix)
            {
                (approximate, j) = (true, j + suffix.Length);
            }

            approximate |= ApproximatePrefixBefore(text, rules, i);
            if (!measured && NounBefore(text, rules, i, 2) is null)
            {
                i = j - 1;
                continue; // dates, times, money: a bare numeral counts only right after its noun ("党员5", "职工三百四")
            }

            if (j < text.Length && j - 1 >= 0 && text[j - 1] == '个' && rules.NoneAfterOne.MatchAt(text, SkipSpaces(text, j)) is { } noneAfter && value == 1)
            {
                j = SkipSpaces(text, j) + noneAfter.Length; // "党员一个都没有", "一个木有"
                value = 0;
            }

            figures.Add(Account(text, rules, i, j, value, approximate, asked, planned));
            i = j - 1;
        }

        return figures;
    }

    private static Figure Account(string text, UnderstandingRules rules, int start, int end, int value, bool approximate, Func<int, bool> asked, Func<int, bool> planned)
    {
        var (segmentStart, segmentEnd) = SegmentOf(text, start);
        var noun = NounAfter(text, rules, end, segmentEnd);
        if (SkipSpaces(text, end) > segmentEnd && noun != FigureNoun.Unsaid && NounBefore(text, rules, start, 2, segmentStart) is { } adjacent)
        {
            noun = adjacent; // "员工四十五个 党员…": the noun right before holds the figure; the one past the pause starts a new phrase
        }
        else if (noun == FigureNoun.Unsaid && NounBefore(text, rules, start, NounReach, segmentStart) is { } before)
        {
            noun = before;
        }

        if (end > start && text[end - 1] == '家')
        {
            noun = FigureNoun.Units;
        }

        var verb = FindVerbBefore(text, rules, segmentStart, start);
        var state = rules.FigureStates.FindAll(text, verb is { } v ? v.Position + v.Word.Length : segmentStart, start).LastOrDefault(); // 发现有 holds no 现有
        var sum = rules.FigureSums.FindAll(text, Math.Max(segmentStart, start - 4), start).LastOrDefault();
        var closes = sum.Word is not null && text.AsSpan(sum.Position + sum.Word.Length, start - sum.Position - sum.Word.Length).Trim().TrimStart('是').IsEmpty;
        var now = rules.TotalStates.ContainsAny(text, segmentStart, start);
        var role = asked(start) ? FigureRole.Asked
            : planned(start) ? FigureRole.Planned
            : approximate ? FigureRole.Approximate
            : rules.FormerStateMarkers.FindAll(text, segmentStart, start).LastOrDefault() is { Word: not null } former && !rules.TotalStates.ContainsAny(text, former.Position, start) && !closes ? FigureRole.Earlier
            : (verb is not null && state.Word is null) || rules.DiscoveryAfter.ContainsAny(text, end, segmentEnd) ? FigureRole.Find
            : FigureRole.Total;
        var predicate = role == FigureRole.Find ? verb?.Word ?? "after" : state.Word;
        return new Figure(start, end, value, noun, role, predicate)
        {
            ClosesSum = closes, SaidOfNow = now || rules.FormerStateMarkers.ContainsAny(text, segmentStart, start), Category = CategoryAfter(text, rules, end, segmentEnd),
        };
    }

    /// <summary>"一个口袋党员", "一个流动的", "一个新招的": the category said right after a figure (a hire verb then 的: hired).</summary>
    private static string? CategoryAfter(string text, UnderstandingRules rules, int end, int segmentEnd)
    {
        var at = SkipSpaces(text, end);
        at += at < segmentEnd && text[at] == '是' ? 1 : 0; // "一个是预备的"
        if (rules.Categories.MatchAt(text, at) is { } word)
        {
            return rules.Vocabulary.MemberCategories.GetValueOrDefault(word) ?? (word == "正式党员" ? "party" : null);
        }

        if (rules.CategoryShortWords.MatchAt(text, at) is { } shortWord)
        {
            return rules.Vocabulary.CategoryShortWords.GetValueOrDefault(shortWord);
        }

        var hireAt = at < text.Length && text[at] is '刚' or '新' && rules.Hire.MatchAt(text, at) is null ? at + 1 : at;
        return rules.Hire.MatchAt(text, hireAt) is { } hire && text.IndexOf('的', hireAt + hire.Length, Math.Max(0, Math.Min(segmentEnd, hireAt + hire.Length + 3) - hireAt - hire.Length)) >= 0
            ? "hired" : null;
    }

    /// <summary>The last find or hire verb of the segment before the figure, not negated right before it.</summary>
    private static (int Position, string Word)? FindVerbBefore(string text, UnderstandingRules rules, int segmentStart, int start)
    {
        var from = segmentStart;
        foreach (var verb in rules.Discovery.FindAll(text, from, start).Concat(rules.Hire.FindAll(text, from, start)).OrderByDescending(v => v.Position))
        {
            if (!rules.Negation.ContainsAny(text, Math.Max(segmentStart, verb.Position - NegationReach), verb.Position))
            {
                return verb;
            }
        }

        return null;
    }

    /// <summary>"还是没有党员", "仍然没党员": a state word right before a none word (<c>none_words</c>) and 党员 — a total of none.</summary>
    private static (int End, string Word)? NoneAt(string text, UnderstandingRules rules, int at)
    {
        if (rules.NoneStates.LongestEndingAt(text, at) <= 0)
        {
            return null;
        }

        return rules.NoneWords.MatchAt(text, at) is { } none && text.AsSpan(at + none.Length).StartsWith("党员")
            ? (at + none.Length + 2, none) : null;
    }

    private static FigureNoun NounAfter(string text, UnderstandingRules rules, int end, int segmentEnd)
    {
        var at = SkipSpaces(text, end);
        if (rules.Categories.MatchAt(text, at) is not null || rules.CategoryShortWords.MatchAt(text, at) is not null)
        {
            return FigureNoun.Members; // "三个党员", "一个口袋党员", "两个流动的"
        }

        if (rules.EmployeeWords.MatchAt(text, at) is not null)
        {
            return FigureNoun.Staff;
        }

        if (at > segmentEnd)
        {
            return FigureNoun.Unsaid; // past a pause only a category said right there counts ("1名 口袋党员")
        }

        // "2个大学生党员": a short modifier, then 党员, with no figure or measure between.
        var members = text.IndexOf("党员", at, Math.Max(0, Math.Min(segmentEnd, at + 6) - at), StringComparison.Ordinal);
        return members >= 0 && !Enumerable.Range(at, members - at).Any(k => ChineseNumber.IsNumeralChar(text[k]) || text[k] is '个' or '名' or '位') ? FigureNoun.Members : FigureNoun.Unsaid;
    }

    /// <summary>The noun said before a figure within <paramref name="reach"/> characters of its segment, the nearer one.</summary>
    private static FigureNoun? NounBefore(string text, UnderstandingRules rules, int start, int reach, int segmentStart = -1)
    {
        var from = Math.Max(segmentStart < 0 ? SegmentOf(text, start).Start : segmentStart, start - reach);
        for (var k = start - 1; k >= from; k--)
        {
            if (ChineseNumber.IsNumeralChar(text[k]) && (text[k] != '一' || k + 1 < start && text[k + 1] is '个' or '名' or '位'))
            {
                from = k + 1; // a noun before another figure is that figure's ("职工三十 党员…" stays apart; 一直 is no figure)
                break;
            }
        }

        var members = text.LastIndexOf("党员", Math.Max(0, start - 1), Math.Max(0, start - from), StringComparison.Ordinal);
        var staff = rules.EmployeeWords.FindAll(text, from, start).LastOrDefault();
        if (members >= from && members + 2 <= start && (staff.Word is null || members > staff.Position))
        {
            return FigureNoun.Members;
        }

        return staff.Word is not null ? FigureNoun.Staff : null;
    }

    private static bool ApproximatePrefixBefore(string text, UnderstandingRules rules, int start)
    {
        if (rules.PartAdders.LongestEndingAt(text, start) > 0)
        {
            return false; // "再加上一个流动的": 上 ends the adder
        }

        for (var length = 1; length <= 3 && length <= start; length++)
        {
            if (rules.ApproximationPrefixes.MatchAt(text, start - length, start) is { } word && word.Length == length)
            {
                return true;
            }
        }

        return false;
    }

    private static (int Start, int End) SegmentOf(string text, int position)
    {
        var start = position;
        while (start > 0 && !Pauses.Contains(text[start - 1]))
        {
            start--;
        }

        var end = position;
        while (end < text.Length && !Pauses.Contains(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        return at;
    }
}
