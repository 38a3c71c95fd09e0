namespace InstructorBot.Bot.Understanding;

// Stage: figures of members and staff as they stand now — totals after a change, what is left, sums of parts (round 16).
internal sealed partial class MessageParser
{
    /// <summary>Starts of figures said as the total now (现在一共五个, 只剩两个): each replaces an earlier figure of its noun.</summary>
    private readonly HashSet<int> figuresNow = [];

    /// <summary>Starts of figures read from what is said of them (what is left, a sum of parts): asked before they are written.</summary>
    private readonly HashSet<int> figuresInferred = [];

    private enum FigureTime { Unmarked, Now, Left, Before }

    /// <summary>
    /// A figure's time, from the word right before it (fillers between): "原来三个党员" was the total before and is no total
    /// now; "现在只剩两个了", "加上原来五个 一共七个了", "总数到3名了" say the total now, also with no noun of their own, after a
    /// figure of members or staff said before in the sentence (the noun they count); "在编教职工96人，另外有14个兼职老师，…外包
    /// 的不算" sums the parts said with an adding word, leaving out a part said with 不算. Runs after the figures are read and
    /// only where a word of <c>member_figures</c> is in the message.
    /// </summary>
    private void ReadFiguresInTime()
    {
        var words = rules.MemberFigures;
        if (!words.AnyIn(text))
        {
            return;
        }

        foreach (var phrase in memberPhrases.Concat(employeePhrases))
        {
            switch (phrase.Consumed || phrase.Approximate ? FigureTime.Unmarked : TimeBefore(phrase.Start))
            {
                case FigureTime.Before:
                    phrase.Consumed = true; // "原来三个党员，调走了一个": no total now
                    break;
                case FigureTime.Left:
                    figuresNow.Add(phrase.Start);
                    figuresInferred.Add(phrase.Start);
                    break;
                case FigureTime.Now:
                    figuresNow.Add(phrase.Start);
                    break;
            }
        }

        foreach (var (position, word) in words.Now.FindAll(text).Concat(words.Left.FindAll(text)))
        {
            // "现在一共五个了", "现在只剩两个了": a bare count of the noun said before it in the sentence.
            if (ReadNumberAfter(position + word.Length) is not { Approximate: false } count || count.End - position > 10 || !ClosesBareFigure(count.End)
                || memberPhrases.Concat(employeePhrases).Any(p => p.Start < count.End && p.End > position)
                || (NounCountedBefore(position) ?? (text[count.End - 1] == '人' ? false : null)) is not { } members)
            {
                continue; // with no noun before it, "现在20人" is a head count: the staff
            }

            var now = new NumberPhrase(position, count.End, count.Value, false, null);
            (members ? memberPhrases : employeePhrases).Add(now);
            figuresNow.Add(position);
            if (words.Left.MatchAt(text, position) is not null)
            {
                figuresInferred.Add(position);
            }
        }

        SumStaffParts();
        memberPhrases.Sort((a, b) => a.Start.CompareTo(b.Start));
        employeePhrases.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>"另外有14个兼职老师", "行政后勤还有30人": a part added to the staff figure said before it in the sentence.</summary>
    private void SumStaffParts()
    {
        var words = rules.MemberFigures;
        for (var k = 0; k < employeePhrases.Count; k++)
        {
            var whole = employeePhrases[k];
            if (whole.Consumed || whole.Approximate || ExcludedAt(whole.End))
            {
                continue;
            }

            var sum = whole.Value;
            var from = whole.End;
            foreach (var (position, word) in words.Adds.FindAll(text, whole.End))
            {
                if (CrossesSentence(from, position) || position - from > 12 || memberPhrases.Any(p => p.Start >= from && p.Start < position)
                    || mentions.Any(m => m.Start >= from && m.Start < position)
                    || ReadNumberAfter(position + word.Length) is not { Approximate: false } part || part.End - position > 8
                    || text[part.End - 1] is not ('个' or '名' or '位' or '人') || text.AsSpan(part.End).StartsWith("党员")
                    || memberPhrases.Any(p => p.Start < part.End && p.End > position) || ExcludedAt(part.End))
                {
                    break;
                }

                sum += part.Value;
                foreach (var said in employeePhrases.Where(p => p.Start < part.End && p.End > position))
                {
                    said.Consumed = true; // the part's figure is in the sum, not a total of its own
                }

                from = part.End;
            }

            if (sum != whole.Value)
            {
                employeePhrases[k] = whole with { Value = sum, End = from };
                figuresInferred.Add(whole.Start);
            }
        }
    }

    /// <summary>A word of leaving out (不算, 不计) in the rest of the clause after <paramref name="from"/>.</summary>
    private bool ExcludedAt(int from)
    {
        var end = from;
        while (end < text.Length && !IsSeparator(text[end]) && text[end] is not ('。' or '；' or ';'))
        {
            end++;
        }

        return rules.MemberFigures.Excludes.ContainsAny(text, from, end);
    }

    /// <summary>The word of time right before <paramref name="start"/>, with only fillers and blanks between.</summary>
    private FigureTime TimeBefore(int start)
    {
        var words = rules.MemberFigures;
        for (var at = Math.Max(0, start - 8); at < start; at++)
        {
            var time = words.Left.MatchAt(text, at) is { } left ? (left, FigureTime.Left)
                : words.Now.MatchAt(text, at) is { } now ? (now, FigureTime.Now)
                : words.Before.MatchAt(text, at) is { } before ? (before, FigureTime.Before)
                : ((string?)null, FigureTime.Unmarked);
            if (time.Item1 is { } word && OnlyFillersBetween(at + word.Length, start))
            {
                return time.Item2;
            }
        }

        return FigureTime.Unmarked;
    }

    private bool OnlyFillersBetween(int from, int to)
    {
        var at = from;
        while (at < to)
        {
            if (text[at] is ' ' or '的')
            {
                at++;
            }
            else if (rules.Fillers.MatchAt(text, at, to) is { } filler)
            {
                at += filler.Length;
            }
            else
            {
                return false;
            }
        }

        return at == to;
    }

    /// <summary>A bare count closes its phrase: the text ends, a pause, or a particle (了, 啦, 吧) follows.</summary>
    private bool ClosesBareFigure(int end) =>
        end == text.Length || IsSeparator(text[end]) || text[end] is '了' or '啦' or '吧' or '啊' or '呢' or '。' or '.' or '！' or '!';

    /// <summary>A sentence ends between the two positions (。！？；).</summary>
    private bool CrossesSentence(int from, int to) =>
        to > from && text.AsSpan(from, to - from).IndexOfAny("。！？；!?;\n") >= 0;

    /// <summary>
    /// A group said to be members of a category ("有三个修车师傅以前从没跟公司提过自己是党员", "他们有两个老师是预备党员", "有个保安
    /// 一直没告诉单位自己是党员"): a count of people (or one person), then a category word before 党员 or a description of one
    /// (member_descriptions, member_definitions), then (是)党员 — that many members of the category, revealed (a find). Not
    /// where the people are a container of the members (员工里有两个是党员). Runs before the clauses of one member are read.
    /// </summary>
    private void FindGroupsDescribed()
    {
        for (var at = text.IndexOf("党员", StringComparison.Ordinal); at >= 0; at = text.IndexOf("党员", at + 2, StringComparison.Ordinal))
        {
            if (clauses.FirstOrDefault(c => c.Start <= at && at < c.End) is not { IsQuestion: false } clause || IsBlocked(clause, at)
                || CopulaBefore(clause, at) is not { } copula)
            {
                continue;
            }

            var from = SegmentStart(clause, copula.Position);
            var described = copula.Category is null ? rules.MemberDescriptionIn(text, from, at + 2) : null;
            var category = copula.Category ?? described?.Category;
            var groupEnd = described?.Position ?? copula.Position;
            if (category is null && PeopleSaidToBeMembers(clause, from, copula.Position, at))
            {
                continue; // round 20: "又找到3个兼职社工是党员", "有两个员工主动说自己是党员"
            }

            if (category is null || groupEnd <= from || memberPhrases.Any(p => p.Start < at + 2 && p.End > from)
                || IsContainer(from, groupEnd)
                || (GroupCountIn(from, groupEnd) ?? (described is not null && rules.OnePersonMarkers.ContainsAny(text, from, groupEnd) ? 1 : null)) is not { } count)
            {
                continue;
            }

            foreach (var people in employeePhrases.Where(p => p.Start < at && p.End > from))
            {
                people.Consumed = true; // "三个修车师傅": the members, not the staff
            }

            var member = new NumberPhrase(from, at + 2, count, false, category);
            memberPhrases.Add(member);
            revealedMembers.Add(member);
        }
    }

    /// <summary>
    /// "招进来三个数据分析员，全都是党员", "新招了2个保安，都是退伍军人，也都是党员": people hired (or found) with their count in a
    /// clause before, then only 都/全都/也都 + 是党员: those people are members, hired (found), not the unit's total.
    /// </summary>
    private void FindHiredGroups()
    {
        for (var at = text.IndexOf("是党员", StringComparison.Ordinal); at >= 0; at = text.IndexOf("是党员", at + 3, StringComparison.Ordinal))
        {
            if (clauses.FindIndex(c => c.Start <= at && at < c.End) is not (> 0 and var k) || clauses[k].IsQuestion
                || !AllOfThem(SegmentStart(clauses[k], at), at))
            {
                continue;
            }

            for (var back = k - 1; back >= Math.Max(0, k - 2); back--)
            {
                var said = clauses[back];
                if (CrossesSentence(said.End - 1, clauses[k].Start) || memberPhrases.Any(p => p.Start < at && p.End > said.Start)
                    || mentions.Any(m => m.Start >= said.End && m.Start < at))
                {
                    break;
                }

                var verb = rules.Hire.FindFirst(text, said.Start, said.End) ?? rules.Discovery.FindFirst(text, said.Start, said.End);
                if (verb is not { } v || IsBlocked(said, v.Position) || GroupCountIn(v.Position + v.Word.Length, said.End) is not { } count)
                {
                    continue;
                }

                foreach (var people in employeePhrases.Where(p => p.Start >= v.Position && p.Start < said.End))
                {
                    people.Consumed = true; // "三个数据分析员": the people hired, not the staff
                }

                var hired = rules.Hire.MatchAt(text, v.Position) is not null;
                var member = new NumberPhrase(v.Position + v.Word.Length, said.End, count, false, hired ? "hired" : null);
                memberPhrases.Add(member);
                revealedMembers.Add(member);
                break;
            }
        }
    }

    /// <summary>The stretch is only words of all of them (都, 全都, 也都, 均, 俩都): "全都是党员".</summary>
    private bool AllOfThem(int from, int to) =>
        to > from && text.AsSpan(from, to - from).Trim().IndexOfAnyExcept("也全都均部俩仨两个") < 0 && text.AsSpan(from, to - from).IndexOfAny("都均全") >= 0;

    /// <summary>党员 as the topic right before a find verb, adverbs between ("党员新找到两个", "党员又摸出来一个").</summary>
    private bool MembersTopicBefore(int verb)
    {
        var at = verb;
        while (at > 0 && verb - at < 3 && text[at - 1] is '新' or '又' or '也' or '还' or '再' or ' ')
        {
            at--;
        }

        return at >= 2 && text.AsSpan(at - 2, 2).SequenceEqual("党员");
    }

    /// <summary>
    /// The noun a bare count after a word of now counts: that of the last figure said before it in the sentence, else the last
    /// count noun said there (党员, or a staff word: "专职人员原来12个，走了3个，现在9个人"); true for members, null for none.
    /// </summary>
    private bool? NounCountedBefore(int position)
    {
        if (memberPhrases.Concat(employeePhrases).Where(p => p.End <= position && !CrossesSentence(p.End, position)).MaxBy(p => p.End) is { } said)
        {
            return memberPhrases.Contains(said);
        }

        var sentence = position;
        while (sentence > 0 && text[sentence - 1] is not ('。' or '！' or '？' or '；' or '!' or '?' or ';' or '\n'))
        {
            sentence--;
        }

        var party = text.LastIndexOf("党员", Math.Max(0, position - 1), position - sentence, StringComparison.Ordinal);
        var staff = rules.EmployeeWords.FindAll(text, sentence, position).Where(w => !InUnitsName(w.Position, w.Word.Length)).Select(w => w.Position).DefaultIfEmpty(-1).Max();
        return party < 0 && staff < 0 ? null : party > staff;
    }

    /// <summary>A verb of finding by its result (出, 到, 着: 找着, 亮出来, 查到) or its stem (找, 查, 摸, 挖, 现), not one of coming (又来了).</summary>
    private static bool IsVerbOfFinding(string verb) => verb.AsSpan().IndexOfAny("出到着找查摸挖现亮") >= 0;

    /// <summary>里/中 in the stretch (员工里, 老师中), not 其中: the people named are those the members are among.</summary>
    private bool IsContainer(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] == '里' || (text[i] == '中' && (i == 0 || text[i - 1] != '其')))
            {
                return true;
            }
        }

        return false;
    }
}
