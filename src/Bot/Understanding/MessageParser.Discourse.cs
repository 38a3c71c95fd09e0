using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: discourse — facts of one open action said over several clauses. Runs once after the clause readers and before the
// formation and facts readers; it walks the clauses after an action, never the whole message again per clause.
internal sealed partial class MessageParser
{
    /// <summary>
    /// Words that open a part of the members found: "一个是流动的 另一个是新招的", "其中一个是预备党员", "剩下两个都是口袋党员",
    /// "还有一个没亮过身份", "另外两名是刚招聘进来的". Closed-class grammar words (like 其中 in the discovery reader), not vocabulary.
    /// </summary>
    private static readonly string[] PartLeads = ["其中", "还有", "另外", "另", "剩下的", "剩下", "剩余的", "其余的", "其余", "其他的", "其它的", "有"];

    /// <summary>Words that say the rest of the members found: "其余的都是隐形的", "剩下的是预备党员".</summary>
    private static readonly string[] RemainderWords = ["剩下的", "剩下", "剩余的", "其余的", "其余", "其他的", "其它的", "别的"];

    /// <summary>Words that close a total said after the parts ("加上原来那个一共三个"): the parts end there.</summary>
    private static readonly string[] TotalLeads = ["一共", "总共", "加上", "合计", "共计"];

    /// <summary>Words before a category that say it holds for the members found: "算流动的", "属于口袋党员".</summary>
    private static readonly string[] CategoryCopulas = ["算", "属于", "都是", "都算", "是"];

    /// <summary>
    /// A discovery's count and categories said over the clauses after its verb: the count is the first figure after the verb
    /// (not the head count of a group: 新招了五个员工), each later figure at the head of a stretch (一个是…, 另一个…, 其中…,
    /// 剩下两个…; a category noun with its figure: 预备党员一个) is a part, its category the first one said in its stretch (a
    /// category word, 流动的, a description such as 没亮身份, or a hire: 新招的), and a remainder word (其余的, 剩下的) is the
    /// count less the parts said. The stretch ends at another organisation, a verb of another record, a question or a total.
    /// The parts' figures are the discovery's, never an update's.
    /// </summary>
    private void ElaborateDiscoveries()
    {
        for (var d = 0; d < drafts.Count; d++)
        {
            var draft = drafts[d];
            var verb = draft.Action.Kind == ActionKind.MemberDiscovery ? rules.Discovery.MatchAt(text, draft.Position) ?? rules.Hire.MatchAt(text, draft.Position) : null;
            // "新招了仨，都是党员，其中俩是预备的": a group revealed to be members (MessageParser.MemberFigures.cs) is told about
            // in the clauses after it as a find verb's members are.
            var revealed = verb is null && draft.Action.Kind == ActionKind.MemberDiscovery && draft.Action.Count is > 1
                ? revealedMembers.FirstOrDefault(m => m.Start == draft.Position) : null;
            if ((verb is null && revealed is null)
                || clauses.FindIndex(c => c.Start <= draft.Position && draft.Position < c.End) is not (>= 0 and var k))
            {
                continue;
            }

            var verbEnd = verb is not null ? draft.Position + verb.Length : revealed!.End;
            while (k + 1 < clauses.Count && clauses[k].End < verbEnd)
            {
                k++; // a group revealed over more than one clause ("有三个会员都亮出来了 说自己是党员")
            }

            var stretchEnd = Math.Max(clauses[k].End, verbEnd);
            for (var j = k + 1; j < clauses.Count && !EndsElaboration(clauses[j]); j++)
            {
                stretchEnd = clauses[j].End;
            }

            var quantities = QuantitiesIn(verbEnd, stretchEnd);
            if (quantities.Count == 0 && draft.Action.Count is { } countBefore && revealed is null)
            {
                quantities.Add((verbEnd, verbEnd, countBefore)); // "有三个会员都亮出来了 …以前都没亮过身份": the count said before the verb
            }
            else if (quantities.Count == 0 && revealed is null)
            {
                continue;
            }

            (int Start, int End, int Value) total = revealed is not null ? (verbEnd, verbEnd, revealed.Value) : quantities[0];
            var firstPart = revealed is not null ? 0 : 1; // a group's count was said before it: every figure after it is a part
            if (revealed is null && draft.Action.Count is { } grouped && grouped > total.Value && PartStart(total.Start, verbEnd) < total.Start)
            {
                // "新招了两个员工都是党员 其中一个还是预备的": the group said before is the count, the figure after 其中 a part.
                total = (verbEnd, verbEnd, grouped);
                firstPart = 0;
            }

            if (CategorisedPhraseAt(total.Start) is { } listed && !revealedMembers.Contains(listed))
            {
                continue; // "发现1名隐形党员和1名流动党员": a list of finds by category, no count to break down
            }

            var parts = new List<(int Start, int? Value, string? Category)>();
            foreach (var quantity in quantities.Skip(firstPart))
            {
                if (TotalLeads.Any(w => text.AsSpan(Math.Max(verbEnd, quantity.Start - 4), quantity.Start - Math.Max(verbEnd, quantity.Start - 4)).Contains(w, StringComparison.Ordinal)))
                {
                    stretchEnd = quantity.Start; // "加上原来那个一共三个了": a total, no part
                    break;
                }

                // "其中流动党员2名 预备党员1名": a figure said after its category noun is that phrase's part.
                var phrase = CategorisedPhraseAt(quantity.Start);
                parts.Add((Math.Min(PartStart(quantity.Start, verbEnd), phrase?.Start ?? int.MaxValue), quantity.Value, phrase?.Category));
            }

            foreach (var remainder in RemaindersIn(total.End, stretchEnd).Where(r => parts.All(p => Math.Abs(p.Start - r) > 3)))
            {
                parts.Add((remainder, null, null));
            }

            parts.Sort((a, b) => a.Start.CompareTo(b.Start));
            var categories = new MemberCategories();
            var said = 0;
            var rest = new List<string>();
            for (var p = 0; p < parts.Count; p++)
            {
                var end = p + 1 < parts.Count ? parts[p + 1].Start : stretchEnd;
                var category = parts[p].Category ?? CategorySaidRightBefore(parts[p].Start) ?? CategorySaidIn(parts[p].Start, end); // 隐形的俩: MessageParser.PartsFound.cs
                if (parts[p].Value is { } value)
                {
                    said += value;
                    if (category is not null)
                    {
                        categories = categories.Plus(category, value);
                    }
                }
                else if (category is not null)
                {
                    rest.Add(category);
                }
            }

            if (rest.Count == 1 && total.Value - said > 0)
            {
                categories = categories.Plus(rest[0], total.Value - said); // "其余的都是隐形的"
                said = total.Value;
            }

            if (parts.Count == 0 && draft.Action.Categories is null && (CategoryHeldByAll(total.End, stretchEnd) ?? DescriptionHeldByAll(total.End, stretchEnd)) is { } all)
            {
                categories = categories.Plus(all, total.Value); // "又冒出来一个党员，之前在外地上班，…，算流动的吧", "…以前都没亮过身份"
            }

            if (categories.IsEmpty() || said > total.Value || categories.NonZero().Sum(c => c.Count) > total.Value)
            {
                continue;
            }

            // "一个是老员工": a part said with a staff noun is one of the members, no head count.
            foreach (var phrase in memberPhrases.Where(p => p.Start >= total.End && p.Start < stretchEnd)
                .Concat(employeePhrases.Where(p => parts.Any(q => q.Value is not null && PartStart(p.Start, q.Start) == q.Start && p.Start - q.Start <= 4))))
            {
                phrase.Consumed = true; // the parts' figures are the discovery's
            }

            // "排查出两名党员：一位…揣在兜里没交；另一位…还没转正": every member told one by one; a category the reading gave them
            // all that is one part's is that part's, not all of them (the parts are the breakdown).
            // Where each part has its category, the parts are the whole breakdown.
            var told = said == total.Value && (categories.NonZero().Sum(c => c.Count) == total.Value
                || (draft.Action.Categories is { } given && given.NonZero().ToList() is [var one] && one.Count == total.Value && categories.NonZero().Any(c => c.Key == one.Key)));
            var merged = told ? new MemberCategories() : draft.Action.Categories ?? new MemberCategories();
            foreach (var (category, value) in categories.NonZero())
            {
                var before = merged.NonZero().FirstOrDefault(c => c.Key == category).Count;
                if (value > before)
                {
                    merged = merged.Plus(category, value - before);
                }
            }

            drafts[d] = draft with { Action = draft.Action with { Count = total.Value, Categories = merged } };
        }
    }

    /// <summary>The member phrase with a category (口袋党员1名, 1名流动党员) that holds the figure at <paramref name="figure"/>, or null.</summary>
    private NumberPhrase? CategorisedPhraseAt(int figure) =>
        memberPhrases.FirstOrDefault(p => p.Category is not null && p.Start <= figure && figure < p.End);

    /// <summary>A clause that says something other than the members found ends their elaboration.</summary>
    private bool EndsElaboration(Clause clause) =>
        clause.IsQuestion || MentionsIn(clause).Count > 0
        || rules.Discovery.FindAll(text, clause.Start, clause.End).Any(v => !DescribesMember(v.Position + v.Word.Length))
        || rules.Visit.ContainsAny(text, clause.Start, clause.End)
        || rules.Formation.ContainsAny(text, clause.Start, clause.End) || rules.Mass.ContainsAny(text, clause.Start, clause.End)
        || rules.Plan.ContainsAny(text, clause.Start, clause.End) || rules.Pairing.ContainsAny(text, clause.Start, clause.End)
        || (rules.Sequence.MatchAt(text, clause.Start) is { } turn && turn is not ("另外" or "同时"))
        || employeePhrases.Any(p => p.Start >= clause.Start && p.Start < clause.End && !p.Approximate && PartStart(p.Start, clause.Start) != clause.Start);

    /// <summary>A find verb closed by 的 and a person noun after it ("一个是刚招进来的店长"): it describes a member, it reports nothing.</summary>
    private bool DescribesMember(int verbEnd)
    {
        var at = verbEnd;
        foreach (var complement in (string[])["进来", "过来", "出来", "来", "进"])
        {
            if (text.AsSpan(at).StartsWith(complement))
            {
                at += complement.Length;
                break;
            }
        }

        return at + 1 < text.Length && text[at] == '的' && TextNormalizer.IsHan(text[at + 1]) && !IsSeparator(text[at + 1]);
    }

    /// <summary>
    /// The figures of people in [from, end): a numeral with its measure (个/名/位) or 俩/仨, not the head count of a group
    /// (a staff noun right after it: 五个员工), not inside an organisation's name or a day.
    /// </summary>
    private List<(int Start, int End, int Value)> QuantitiesIn(int from, int end)
    {
        var found = new List<(int, int, int)>();
        for (var at = from; at < end; at++)
        {
            if ((at > 0 && (ChineseNumber.IsNumeralChar(text[at - 1]) || char.IsAsciiDigit(text[at - 1]))) || mentions.Any(m => m.Start <= at && at < m.End)
                || dates.Any(d => d.Start <= at && at < d.Start + d.Length)
                || PeopleCountAt(text, at) is not (var value, var after))
            {
                continue;
            }

            var next = after;
            while (next < end && text[next] == ' ')
            {
                next++;
            }

            if (rules.EmployeeWords.MatchAt(text, next) is not null || (next < text.Length && text[next] is '人' or '家'))
            {
                at = after - 1;
                continue; // "新招了五个员工 里面有两个是党员": the group, not the members
            }

            found.Add((at, after, value));
            at = after - 1;
        }

        return found;
    }

    /// <summary>Where the part whose figure stands at <paramref name="figure"/> starts: its lead word (其中, 另外, 剩下…), if any.</summary>
    private int PartStart(int figure, int floor)
    {
        var start = figure;
        while (start > floor && text[start - 1] == ' ')
        {
            start--;
        }

        foreach (var lead in PartLeads)
        {
            if (start - lead.Length >= floor && text.AsSpan(start - lead.Length).StartsWith(lead, StringComparison.Ordinal))
            {
                return start - lead.Length;
            }
        }

        return figure;
    }

    /// <summary>Remainder words with no figure after them, at the head of a stretch: "其余的都是隐形的".</summary>
    private IEnumerable<int> RemaindersIn(int from, int end)
    {
        for (var at = from; at < end; at++)
        {
            if (at > 0 && !IsSeparator(text[at - 1]) && !IsHeadOfStretch(at))
            {
                continue;
            }

            foreach (var word in RemainderWords)
            {
                if (text.AsSpan(at).StartsWith(word, StringComparison.Ordinal))
                {
                    var after = at + word.Length;
                    while (after < end && text[after] == ' ')
                    {
                        after++;
                    }

                    if (!ChineseNumber.TryReadSpoken(text, after, out _, out _, out _))
                    {
                        yield return at;
                    }

                    break;
                }
            }
        }
    }

    private bool IsHeadOfStretch(int at) => clauses.Any(c => c.Start == at);

    /// <summary>The category first said in [from, end): a category word, a description, a short word closed by 的 or a pause, or a hire.</summary>
    private string? CategorySaidIn(int from, int end)
    {
        var candidates = new List<(int Position, string Category)>();
        foreach (var (position, word) in rules.Categories.FindAll(text, from, end))
        {
            if (CategoryOf(word) is { } category)
            {
                candidates.Add((position, category));
            }
        }

        if (rules.MemberDescriptionIn(text, from, end) is { } description)
        {
            candidates.Add(description);
        }

        foreach (var (position, word) in rules.CategoryShortWords.FindAll(text, from, end))
        {
            var after = position + word.Length;
            if (after >= text.Length || text[after] == '的' || IsSeparator(text[after]) || text.AsSpan(after).StartsWith("党员"))
            {
                candidates.Add((position, rules.Vocabulary.CategoryShortWords[word]));
            }
        }

        // "一位是去年入职的数学老师，组织关系介绍信一直揣在自己手上没交": what the member is (pocket) counts over when he joined
        // the unit; a hire is the part's category only where nothing else is said of him.
        if (candidates.Count == 0 && rules.Hire.FindFirst(text, from, end) is { } hire)
        {
            candidates.Add((hire.Position, "hired"));
        }

        return candidates.Count == 0 ? null : candidates.MinBy(c => c.Position).Category;
    }

    /// <summary>A category said of all the members found, after 算/属于/都是 (no figure of its own): "算流动的吧".</summary>
    private string? CategoryHeldByAll(int from, int end)
    {
        foreach (var copula in CategoryCopulas)
        {
            for (var at = text.IndexOf(copula, from, end - from, StringComparison.Ordinal); at >= 0 && at < end;
                 at = at + 1 < end ? text.IndexOf(copula, at + 1, end - at - 1, StringComparison.Ordinal) : -1)
            {
                var after = at + copula.Length;
                if (copula == "是" && at > 0 && text[at - 1] is '就' or '也' or '不' or '都')
                {
                    continue;
                }

                if (rules.Categories.MatchAt(text, after) is { } word && CategoryOf(word) is { } category)
                {
                    return category;
                }

                if (rules.CategoryShortWords.MatchAt(text, after) is { } shortWord && after + shortWord.Length < text.Length && text[after + shortWord.Length] == '的')
                {
                    return rules.Vocabulary.CategoryShortWords[shortWord];
                }
            }
        }

        return null;
    }

    /// <summary>Part-of-day and order words that open each stop of a day's round ("上午X 下午Y", "先是X 然后是Y").</summary>
    private static readonly string[] RoundStopLeads = ["上午", "下午", "中午", "晚上", "早上", "傍晚", "先是", "先", "然后是", "然后", "接着是", "接着", "后来又", "后来", "最后是", "最后", "一家是", "一个是", "另一家是", "还有一家是"];

    /// <summary>Words between a stop's lead and its organisation: "下午在德润物业", "下午又跑去优品超市" has a verb of its own.</summary>
    private static readonly string[] RoundStopLinks = ["又在", "在", "是", "又"];

    /// <summary>
    /// A day's round: the places of a round said once with a motion or visit verb and no organisation ("今天跑了俩地方",
    /// "前天走了三家", "上周五跑了一圈"), then each stop by time or order ("上午A和B 下午C", "先是A 然后是B"), are each a visit
    /// on that day. With no such verb, two stops said by part of day ("上午顺达快递 下午佳和餐饮") are a round too. A stop's
    /// clause with a record verb of its own (成立了, 准备去) is read by that verb, not as a stop.
    /// </summary>
    private void FindRoundsOfVisits()
    {
        var stops = new List<(Clause Clause, OrganizationMention Mention, bool PartOfDay)>();
        var announcedAt = -1;
        foreach (var clause in clauses)
        {
            if (clause.IsQuestion)
            {
                continue;
            }

            var verb = rules.Visit.FindFirst(text, clause.Start, clause.End) ?? rules.Motion.FindFirst(text, clause.Start, clause.End);
            if (announcedAt < 0 && !mentions.Any(m => m.Start >= clause.Start && m.Start < clause.End)
                && ((verb is { } said && AnnouncesRound(clause, said.Position + said.Word.Length) && !IsBlocked(clause, said.Position))
                    || RoundOfUnits(clause) is not null || AnnouncesRoundWithoutVerb(clause))) // "前天走了三家", "今天打卡三家："
            {
                announcedAt = clause.Start;
                continue;
            }

            if (RoundStopIn(clause) is { } stop)
            {
                stops.Add((clause, stop.Mention, stop.PartOfDay));
            }
        }

        // "上午去了云启科技 下午青禾文化那边": the verb said once, in the first stop; the stop said with it counts toward the round.
        var partsOfDay = stops.Count(s => s.PartOfDay) + (stops.Any(s => s.PartOfDay) ? clauses.Count(PartOfDayVisit) : 0);
        var round = announcedAt >= 0 ? stops.Where(s => s.Clause.Start > announcedAt).ToList() : partsOfDay >= 2 ? stops : [];
        foreach (var (clause, mention, _) in round)
        {
            var listed = new List<OrganizationMention> { mention };
            foreach (var more in MentionsIn(clause).Where(m => m.Start > mention.Start))
            {
                if (!IsListJoiner(listed[^1].End, more.Start))
                {
                    break;
                }

                listed.Add(more); // "上午金桥投资和手造咖啡"
            }

            foreach (var visited in listed.Where(m => !m.IsGeneric || m.Organization is not null))
            {
                Add(visited.Start, Record(ActionKind.Visit, visited, visited.Start));
            }
        }

        if (announcedAt >= 0)
        {
            UnitsOfCountedRound(clauses.First(c => c.Start == announcedAt), [.. round.Select(r => r.Mention)]); // MessageParser.RoundCounted.cs
        }
    }

    /// <summary>
    /// After a round's verb, nothing but the number of places ("跑了俩地方", "走了三家", "去了两家", "跑了一圈") or nothing at
    /// all ("今天的走访："): the verb announces the stops that follow.
    /// </summary>
    private bool AnnouncesRound(Clause clause, int verbEnd)
    {
        var at = verbEnd;
        var end = clause.End;
        while (at < end && text[at] is ' ' or '：' or ':' or '了' or '过')
        {
            at++;
        }

        while (end > at && text[end - 1] is ' ' or '：' or ':')
        {
            end--;
        }

        if (at >= end || rules.ReportHeadings.MatchAt(text, at, end) is { } title && at + title.Length == end)
        {
            return true; // "12.10 走访记录：": a visit log's title announces the stops listed under it
        }

        var length = ChineseNumber.TryReadSpoken(text, at, out _, out var read, out _) ? read : text[at] is '几' or '俩' or '仨' ? 1 : 0;
        if (length == 0)
        {
            return false;
        }

        var unit = text.AsSpan(at + length, end - at - length).TrimStart("个 ");
        return unit.StartsWith("家") || unit.StartsWith("地方") || unit.StartsWith("处") || unit.StartsWith("单位") || unit.StartsWith("圈") || unit.StartsWith("趟");
    }

    /// <summary>
    /// A clause that opens with a part of the day (a day may stand before it) and holds a visit or motion verb of the sender's
    /// and an organisation ("上午去了云启科技"): a stop of a round whose visit its own verb reads.
    /// </summary>
    private bool PartOfDayVisit(Clause clause)
    {
        var at = clause.Start;
        while (at < clause.End && text[at] == ' ')
        {
            at++;
        }

        if (dates.FirstOrDefault(d => d.Start == at) is { } day)
        {
            at = day.Start + day.Length;
        }

        if (!RoundStopLeads.Take(6).Any(l => text.AsSpan(at).StartsWith(l, StringComparison.Ordinal)) || clause.IsQuestion
            || !MentionsIn(clause).Any(m => !m.IsGeneric || m.Organization is not null))
        {
            return false;
        }

        var verb = rules.Visit.FindFirst(text, clause.Start, clause.End) ?? rules.Motion.FindFirst(text, clause.Start, clause.End);
        return verb is { } said && !IsBlocked(clause, said.Position);
    }

    /// <summary>A clause that opens with a stop's lead (a day may stand before it) and then names an organisation, with no record verb before it.</summary>
    private (OrganizationMention Mention, bool PartOfDay)? RoundStopIn(Clause clause)
    {
        var at = clause.Start;
        while (at < clause.End && (text[at] == ' ' || text[at] is '：' or ':'))
        {
            at++;
        }

        // "①顺达快递，职工九十六人", a line of its own ("瑞康医疗：职工二百二十人"): an item of a list is a stop of the round.
        var itemed = (at < clause.End && ItemNumberLength(at) is > 0 and var number ? number : 0) is var skip && skip > 0;
        at += skip;
        while (at < clause.End && text[at] == ' ')
        {
            at++;
        }

        var ownLine = clause.Start > 0 && text[clause.Start - 1] == '\n';
        if (dates.FirstOrDefault(d => d.Start == at) is { } day)
        {
            at = day.Start + day.Length; // "前天上午恒信建筑"
        }

        var lead = RoundStopLeads.FirstOrDefault(l => text.AsSpan(at).StartsWith(l, StringComparison.Ordinal));
        if (lead is null && !itemed && !ownLine)
        {
            return null;
        }

        var partOfDay = lead is not null && Array.IndexOf(RoundStopLeads, lead) < 6;
        at += lead?.Length ?? 0;
        while (at < clause.End && text[at] == ' ')
        {
            at++;
        }

        at += partOfDay ? ClockTimeLength(at) : 0; // "下午三点半优品超市"

        if (RoundStopLinks.FirstOrDefault(l => text.AsSpan(at).StartsWith(l, StringComparison.Ordinal)) is { } link)
        {
            at += link.Length;
        }

        var mention = MentionsIn(clause).FirstOrDefault(m => m.Start == at);
        if (mention is null || (mention.IsGeneric && mention.Organization is null) || IsBlocked(clause, mention.Start)
            || rules.Visit.ContainsAny(text, clause.Start, clause.End) || rules.Motion.ContainsAny(text, clause.Start, clause.End)
            || rules.Formation.ContainsAny(text, mention.End, clause.End) || rules.Mass.ContainsAny(text, mention.End, clause.End)
            || rules.Pairing.ContainsAny(text, mention.End, clause.End))
        {
            return null;
        }

        return (mention, partOfDay);
    }

    /// <summary>
    /// Hearsay: what the sender heard (听说, 据说, 听X说 with the one who said it between) is no record of the sender's, up to
    /// the end of its sentence ("听社区的小刘说她昨天去了蓝海电商 那边找着一个党员 等我核实了再报").
    /// </summary>
    private bool IsHearsay(int position)
    {
        var sentenceStart = position;
        while (sentenceStart > 0 && text[sentenceStart - 1] is not ('。' or '！' or '!' or '？' or '?' or '\n' or '；' or ';'))
        {
            sentenceStart--;
        }

        sentenceStart = Math.Max(sentenceStart, ContrastStart(position)); // MessageParser.Mood.cs: "听说… 但今天…"
        var before = text.AsSpan(sentenceStart, position - sentenceStart);
        if (before.Contains("听说", StringComparison.Ordinal) || before.Contains("据说", StringComparison.Ordinal))
        {
            return true;
        }

        // 听 + the one who said it (up to eight characters, no pause) + 说
        for (var at = before.IndexOf('听'); at >= 0 && at < before.Length; at = before[(at + 1)..].IndexOf('听') is var n and >= 0 ? at + 1 + n : -1)
        {
            var said = before[(at + 1)..].IndexOf('说');
            if (said is > 0 and <= 8 && before.Slice(at + 1, said).IndexOfAny(" ，,") < 0)
            {
                return true;
            }
        }

        return false;
    }
}

