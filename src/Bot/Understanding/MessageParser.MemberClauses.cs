using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: one member said in a clause of his own ("他们有个保安其实是流动党员"), read as a find or left as a fact.
internal sealed partial class MessageParser
{
    /// <summary>The members a member clause revealed: each is a find of one, written where no find verb took it.</summary>
    private readonly List<NumberPhrase> revealedMembers = [];

    /// <summary>
    /// A person said to be a member (有个保安/店长/他 + 是 + [category]党员, also 是从老家过来的流动党员) is a newly found member
    /// when the message says something new of him: a word of revelation before 是 (其实/原来: <c>revelation_markers</c>), a
    /// category in the clause or in the clauses that go on about him (算口袋党员, 流动党员, 流动的, 一直没亮身份:
    /// <c>member_categories</c>, <c>category_short_words</c>, <c>member_descriptions</c>), a hire (新招的厨师是党员, 招了个快递员
    /// 是党员), or a find verb before him in the clause (发现他们店长其实是党员). Said plainly ("他们的工会主席是党员", "有个快递员是
    /// 党员") it stays what it was: a fact, not a find. A person named before a verb of showing (有一名会计刚亮明了党员身份) is one
    /// member shown. Runs once, after the figures are read.
    /// </summary>
    private void FindMembersSaidToBe()
    {
        for (var at = text.IndexOf("党员", StringComparison.Ordinal); at >= 0; at = text.IndexOf("党员", at + 2, StringComparison.Ordinal))
        {
            if (clauses.FirstOrDefault(c => c.Start <= at && at < c.End) is not { IsQuestion: false } clause || CopulaBefore(clause, at) is not { } copula)
            {
                continue;
            }

            var category = copula.Category;
            var subjectStart = SegmentStart(clause, copula.Position);
            var subject = text.AsSpan(subjectStart, copula.Position - subjectStart);
            // "新招的两个运营都是党员", "快递员里有俩是党员": a number of people said to be members (the count from the noun phrase).
            var group = GroupSaidToBe(subjectStart, copula.Position);
            if (group is not null && clauses.LastOrDefault(c => c.End <= clause.Start) is { } before
                && (rules.Discovery.ContainsAny(text, before.Start, before.End) || rules.Hire.ContainsAny(text, before.Start, before.End)))
            {
                group = null; // "新招了五个员工 里面有两个是党员": the verb before takes the count (MessageParser.Records.cs)
            }
            if (subject.Contains("党员", StringComparison.Ordinal) || subject.Contains("其中", StringComparison.Ordinal) || subject.EndsWith("不")
                || (group is null && (rules.AllMarkers.ContainsAny(text, subjectStart, copula.Position + 1) || subject.EndsWith("都") || subject.EndsWith("均")
                    || memberPhrases.Any(p => p.Start < at + 2 && p.End > subjectStart && (p.Value != 1 || p.Category is not null || p.End < copula.Position)))))
            {
                continue; // "他不是党员", "都是党员", "其中1名是口袋党员", "3名律师是党员": no one person said here
            }

            var previous = clauses.LastOrDefault(c => c.End <= clause.Start);
            // "招了个快递员 是党员": the person said in the clause before; not a count a find verb took ("排查出来的有一个，是口袋党员").
            var personBefore = subject.IsEmpty && previous is not null && IsPersonSaid(previous.Start, previous.End)
                && !rules.Discovery.ContainsAny(text, previous.Start, previous.End);
            if (group is null && !IsPersonSaid(subjectStart, copula.Position) && !personBefore)
            {
                continue;
            }

            // A hire or a newcomer ("新来的研发总监", "上个月招的三个程序员里") is a member hired.
            var hired = rules.Hire.ContainsAny(text, subjectStart, copula.Position) || rules.Newcomers.ContainsAny(text, subjectStart, copula.Position)
                || (personBefore && rules.Hire.ContainsAny(text, previous!.Start, previous.End));
            // "新调来一个项目经理是党员，组织关系还在杭州总部，算流动党员": a transfer with a relation category said (MessageParser.PartsFound.cs).
            var transferred = hired ? rules.Hire.FindAll(text, subjectStart, copula.Position).Select(h => CategoryOfTransferred(h.Position, at + 2, Math.Max(clause.End, ClausesAboutThem(clause)))).FirstOrDefault(c => c is not null) : null;
            category ??= transferred ?? (hired ? "hired" : CategorySaidAfter(clause, at + 2));
            var found = rules.Discovery.ContainsAny(text, clause.Start, copula.Position);
            if (category is null && !found && !rules.RevelationMarkers.ContainsAny(text, subjectStart, copula.Position) && !ConfirmedAfter(clause, at + 2))
            {
                continue;
            }

            // A find or hire verb before him takes him as what it found: the member starts after the verb.
            var start = personBefore ? previous!.Start : subjectStart;
            foreach (var (verb, word) in rules.Discovery.FindAll(text, clause.Start, copula.Position).Concat(rules.Hire.FindAll(text, clause.Start, copula.Position)))
            {
                start = Math.Max(start, verb + word.Length);
            }

            memberPhrases.RemoveAll(p => p.Start < at + 2 && p.End > start);
            foreach (var people in employeePhrases.Where(p => p.Start < at + 2 && p.End > subjectStart))
            {
                people.Consumed = true; // "招的三个程序员里有一个是党员": the people the member is one of, not the staff
            }

            var member = new NumberPhrase(start, at + 2, group ?? 1, false, category);
            memberPhrases.Add(member);
            revealedMembers.Add(member);
        }

        foreach (var (position, _) in rules.DiscoveryAfter.FindAll(text))
        {
            SetShownPeopleAside(position); // round 20: "协会两个工作人员主动亮了身份": the people shown, not the staff
            // "有一名会计刚亮明了党员身份": one person named before the verb that shows him.
            if (clauses.FirstOrDefault(c => c.Start <= position && position < c.End) is { IsQuestion: false } clause
                && !IsBlocked(clause, position) // "车间主任说愿意带头亮身份": a willingness, no member shown
                && !memberPhrases.Any(p => p.Start >= clause.Start && p.End <= position)
                && SegmentStart(clause, position) is var from && (rules.OnePersonMarkers.ContainsAny(text, from, position) || rules.Titles.ContainsAny(text, from, position)
                    || (rules.StaffNouns.ContainsAny(text, from, position) && GroupCountIn(from, position) is not null)) && !NamesMembersBefore(from, position)
                && !revealedMembers.Any(p => p.Start <= from && p.End > position)) // "有个会计这回亮明身份了 是口袋党员": the clause after says him
            {
                foreach (var people in employeePhrases.Where(p => p.Start >= from && p.End <= position))
                {
                    people.Consumed = true; // "有2名员工亮明了党员身份": the members shown, not the staff
                }

                // "两个车间主任今天亮明了党员身份": the count of the people named.
                memberPhrases.Add(new NumberPhrase(from, position, GroupCountIn(from, position) ?? 1, false, null));
            }
        }

        FindMembersAmongHires();
    }

    /// <summary>
    /// 党员 said between a person's start and a verb of showing, except right after a word of one person ("有个党员主动报到了":
    /// that one member is the person shown).
    /// </summary>
    private bool NamesMembersBefore(int from, int position)
    {
        var at = text.IndexOf("党员", from, position - from, StringComparison.Ordinal);
        return at >= 0 && !rules.OnePersonMarkers.EndsAt(text, at, from);
    }

    /// <summary>
    /// "新入职的质检员里有1名党员", "刚招的三个程序员当中有两个党员": members said to be (有) among people just hired (a hiring or
    /// newcomer word and a staff noun before 有 in the stretch, 里/中 closing it) are hired members, not the unit's total.
    /// </summary>
    private void FindMembersAmongHires()
    {
        foreach (var phrase in memberPhrases.Where(p => p.Category is null && !p.Approximate && !p.Consumed).ToList())
        {
            if (clauses.FirstOrDefault(c => c.Start <= phrase.Start && phrase.Start < c.End) is not { IsQuestion: false } clause || !ExistentialBefore(clause, phrase.Start))
            {
                continue;
            }

            var has = text.LastIndexOf('有', phrase.Start - 1, phrase.Start - clause.Start);
            var among = has;
            while (among > clause.Start && text[among - 1] is ' ')
            {
                among--;
            }

            var from = SegmentStart(clause, among);
            if (among - from < 3 || !(text[among - 1] is '里' or '中' || text.AsSpan(from, among - from).EndsWith("里面") || text.AsSpan(from, among - from).EndsWith("里头"))
                || !rules.StaffNouns.ContainsAny(text, from, among)
                || !(rules.Hire.ContainsAny(text, from, among) || rules.Newcomers.ContainsAny(text, from, among))
                || text.AsSpan(from, among - from).Contains("党员", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var people in employeePhrases.Where(p => p.Start >= from && p.Start < phrase.End))
            {
                people.Consumed = true; // "质检员里有1名": the hires the members are among, not the staff
            }

            memberPhrases.Remove(phrase);
            var member = phrase with { Category = "hired" };
            memberPhrases.Add(member);
            revealedMembers.Add(member);
        }
    }

    /// <summary>
    /// "员工里有1名党员", "质检员中有两个党员": a figure said after a staff noun and 里/中 (有) and before 党员 counts the members
    /// among the staff, not the staff ("员工12名党员3名" has nothing between the noun and its figure).
    /// </summary>
    private bool MembersAmongStaff(int staffAt, int figureStart, int figureEnd)
    {
        var nounEnd = staffAt + (rules.EmployeeWords.MatchAt(text, staffAt)?.Length ?? 0);
        return nounEnd < figureStart && text.AsSpan(figureEnd).StartsWith("党员")
            && text.AsSpan(nounEnd, figureStart - nounEnd).IndexOfAny("里中") >= 0;
    }

    /// <summary>A member revealed by a clause of his own and taken by no find verb: a find of one at the organisation talked about.</summary>
    private void FindRevealedMembers(Clause clause)
    {
        foreach (var member in revealedMembers.Where(p => p.Start >= clause.Start && p.Start < clause.End && !p.Consumed))
        {
            member.Consumed = true;
            if (IsBlocked(clause, member.Start))
            {
                continue;
            }

            foreach (var target in TargetsFor(clause, member.Start, wholeClause: false))
            {
                AddDiscovery(member.Start, Record(ActionKind.MemberDiscovery, target, member.Start) with
                {
                    Count = member.Value,
                    Categories = member.Category is { } category ? new MemberCategories().Plus(category, member.Value) : null,
                    Doubtful = member.Value > 1, // a group's count read from what is said of them: asked before it is written
                });
            }
        }
    }

    /// <summary>是 (为/系) before 党员, with a category word between (是流动党员) or a 的-phrase (是从老家过来的流动党员).</summary>
    private (int Position, string? Category)? CopulaBefore(Clause clause, int party)
    {
        var at = party;
        string? category = null;
        var shortLength = rules.CategoryShortWords.LongestEndingAt(text, at);
        if (shortLength > 0)
        {
            category = rules.Vocabulary.CategoryShortWords[text.Substring(at - shortLength, shortLength)];
            at -= shortLength;
        }

        if (at > clause.Start && text[at - 1] is '是' or '为' or '系')
        {
            return (at - 1, category);
        }

        if (at > clause.Start && text[at - 1] == '的')
        {
            for (var back = at - 2; back >= Math.Max(clause.Start, at - 12); back--)
            {
                if (IsSeparator(text[back]) || text[back] == '有')
                {
                    return null;
                }

                if (text[back] == '是')
                {
                    return (back, category);
                }
            }
        }

        return null;
    }

    /// <summary>Where the stretch of the clause that ends at <paramref name="position"/> starts (after its last pause).</summary>
    private int SegmentStart(Clause clause, int position)
    {
        var start = position;
        while (start > clause.Start && !IsSeparator(text[start - 1]))
        {
            start--;
        }

        return start;
    }

    /// <summary>A person is said in the stretch: a title (店长, 负责人), one of a measure (有个保安, 一名会计), or 他/她.</summary>
    private bool IsPersonSaid(int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        var span = text.AsSpan(start, end - start);
        return rules.Titles.ContainsAny(text, start, end) || span.ContainsAny("他她") || rules.OnePersonMarkers.ContainsAny(text, start, end)
            || (rules.StaffNouns.ContainsAny(text, start, end) && rules.Newcomers.ContainsAny(text, start, end)) // "新来的运营"
            || rules.Hire.FindAll(text, start, end).Any(h => h.Position + h.Word.Length < end && text[h.Position + h.Word.Length] is '个' or '的' or '了');
    }

    /// <summary>
    /// The category said of one member after him: in the rest of his clause and the clauses that go on about him (no other
    /// organisation, no figure): 算口袋党员, 属于隐形党员, 流动党员, 流动的, 一直没亮身份.
    /// </summary>
    private string? CategorySaidAfter(Clause clause, int from)
    {
        var end = clause.End;
        foreach (var next in clauses.Where(c => c.Start >= clause.End).Take(3))
        {
            if (MentionsIn(next).Any() || memberPhrases.Any(p => p.Start >= next.Start && p.Start < next.End) || next.IsQuestion
                || rules.Discovery.ContainsAny(text, next.Start, next.End) || rules.Sequence.ContainsAny(text, next.Start, next.End))
            {
                break;
            }

            end = next.End;
        }

        if (rules.Categories.FindFirst(text, from, end) is { } word && CategoryOf(word.Word) is { } category)
        {
            return category;
        }

        if (rules.MemberDescriptionIn(text, from, end) is { } description)
        {
            return description.Category;
        }

        foreach (var (position, shortWord) in rules.CategoryShortWords.FindAll(text, from, end))
        {
            var after = position + shortWord.Length;
            if (after >= text.Length || text[after] == '的' || IsSeparator(text[after]))
            {
                return rules.Vocabulary.CategoryShortWords[shortWord]; // "他那个新来的司机是党员 流动的"
            }
        }

        return null;
    }

    /// <summary>
    /// The number of people a subject said to be members names, when more than one: a count and a measure before a noun with
    /// 都/也都/全/均 closing the subject ("新招的两个运营都", "三名律师也都"), or 有 + a count closing it ("快递员里有俩", "有两个").
    /// </summary>
    private int? GroupSaidToBe(int start, int copula)
    {
        var end = copula;
        var all = false;
        foreach (var closing in (string[])["也都", "全都", "都", "全", "均"])
        {
            if (text.AsSpan(start, end - start).EndsWith(closing, StringComparison.Ordinal))
            {
                end -= closing.Length;
                all = true;
                break;
            }
        }

        if (!all)
        {
            // "有俩", "里有两个": 有 and the count close the subject.
            var count = end;
            while (count > start && text[count - 1] is '个' or '名' or '位')
            {
                count--;
            }

            var figure = count;
            while (figure > start && (ChineseNumber.IsNumeralChar(text[figure - 1]) || text[figure - 1] is '俩' or '仨' or '两'))
            {
                figure--;
            }

            return figure < count && figure > start && text[figure - 1] == '有' && ReadCount(figure, count) is > 1 and var n ? n : null;
        }

        return GroupCountIn(start, end);
    }

    /// <summary>A count of people (more than one) in [start, end): a figure, then 个/名/位 (or 俩/仨), then a noun.</summary>
    private int? GroupCountIn(int start, int end)
    {
        for (var at = start; at < end; at++)
        {
            if (text[at] is '俩' or '仨')
            {
                return text[at] == '俩' ? 2 : 3;
            }

            if (!ChineseNumber.IsNumeralChar(text[at]) && text[at] != '两')
            {
                continue;
            }

            var figureEnd = at;
            while (figureEnd < end && (ChineseNumber.IsNumeralChar(text[figureEnd]) || text[figureEnd] == '两'))
            {
                figureEnd++;
            }

            if (figureEnd < end && text[figureEnd] is '个' or '名' or '位' && ReadCount(at, figureEnd) is > 1 and var n)
            {
                return n;
            }

            at = figureEnd;
        }

        return null;
    }

    private int? ReadCount(int start, int end)
    {
        if (end - start == 1 && text[start] is '俩' or '两')
        {
            return 2;
        }

        if (end - start == 1 && text[start] == '仨')
        {
            return 3;
        }

        return ChineseNumber.TryReadSpoken(text, start, out var value, out var read, out _) && read == end - start ? (int)value : null;
    }

    /// <summary>
    /// A description of <c>member_descriptions</c> in [from, end) said of all the members found: no figure and no 其中 in its
    /// stretch before it ("以前都没跟单位说过自己是党员", "关系都还在外地"; not "一个关系没转").
    /// </summary>
    private string? DescriptionHeldByAll(int from, int end)
    {
        if (rules.MemberDescriptionIn(text, from, end) is not { } description)
        {
            return null;
        }

        var stretch = description.Position;
        while (stretch > from && !IsSeparator(text[stretch - 1]))
        {
            stretch--;
        }

        for (var at = stretch; at < description.Position; at++)
        {
            if (ChineseNumber.IsNumeralChar(text[at]) || text[at] is '俩' or '仨' || text.AsSpan(at).StartsWith("其中"))
            {
                return null;
            }
        }

        return description.Category;
    }

    /// <summary>
    /// The end of the clauses after <paramref name="clause"/> that go on about the members it found (at most three, none naming
    /// an organisation, a figure, a question or another record verb): "又摸出来三个党员，都是外地来这边上班的，组织关系还在老家".
    /// </summary>
    private int ClausesAboutThem(Clause clause)
    {
        var end = clause.End;
        foreach (var next in clauses.Where(c => c.Start >= clause.End).Take(3))
        {
            if (MentionsIn(next).Any() || next.IsQuestion || memberPhrases.Any(p => p.Start >= next.Start && p.Start < next.End)
                || QuantitiesIn(next.Start, next.End).Count > 0 || employeePhrases.Any(p => p.Start >= next.Start && p.Start < next.End)
                || rules.Discovery.ContainsAny(text, next.Start, next.End) || rules.Visit.ContainsAny(text, next.Start, next.End)
                || rules.Formation.ContainsAny(text, next.Start, next.End) || rules.Sequence.ContainsAny(text, next.Start, next.End))
            {
                break;
            }

            end = next.End;
        }

        return end;
    }

    /// <summary>A word of confirmation after him, in his clause or the clauses that go on about him: "有个股东也是党员 今天核实了".</summary>
    private bool ConfirmedAfter(Clause clause, int from)
    {
        var end = clause.End;
        foreach (var next in clauses.Where(c => c.Start >= clause.End).Take(2))
        {
            if (MentionsIn(next).Any() || next.IsQuestion)
            {
                break;
            }

            end = next.End;
        }

        return rules.Confirmations.FindAll(text, from, end).Any(c => !IsBlocked(clauses.First(k => k.Start <= c.Position && c.Position < k.End), c.Position));
    }

    /// <summary>是 (为, 系: 均为新招录的) in the stretch right before <paramref name="position"/> (at most 8 characters, no pause): "是从别的单位招聘过来的".</summary>
    private bool IsSaidToBe(int from, int position)
    {
        for (var i = position - 1; i >= Math.Max(from, position - 8) && !IsSeparator(text[i]); i--)
        {
            if (text[i] is '是' || (text[i] is '为' or '系' && i > from && text[i - 1] is '均' or '都' or '皆' or '全'))
            {
                return true;
            }
        }

        return false;
    }
}
