using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: being there. A visit said with no visit verb: the sender at a unit doing something there ("在德润物业跟经理核了一遍
//台账", "在安捷电子搞了个亮身份活动"), or a day's places announced by their number or a log's title ("今天打卡三家：上午A…").
internal sealed partial class MessageParser
{
    /// <summary>
    /// The activity-at-a-unit frame: 在/搁 + a unit (a place the ledger names may stand before it; 那边 or a part of the
    /// unit after it) + an activity predicate of <c>visit_activity_verbs</c> later in the same stretch (no pause between):
    /// "在华鼎精密摸了一下底", "在诚信会计师事务所开了个党员座谈会", "在美好时光家政给阿姨们讲了一堂党课". The sender is the
    /// one there: nothing before 在 in the clause names another doer (an agent word, a party member, another unit as the
    /// subject), and the activity is neither negated nor planned ("后天在云启科技开座谈会").
    /// </summary>
    private int? ActivityAt(Clause clause)
    {
        foreach (var mention in MentionsIn(clause))
        {
            var lead = PlaceSaidBefore(clause, mention.Start);
            if (lead <= clause.Start || text[lead - 1] is not ('在' or '搁'))
            {
                continue;
            }

            var marker = lead - 1;
            var stretchEnd = mention.End;
            while (stretchEnd < clause.End && !IsSeparator(text[stretchEnd]))
            {
                stretchEnd++;
            }

            if (PresentOnADay(clause, mention, marker, stretchEnd))
            {
                stayedByAdverb.Add(mention.Start); // asked before it is written, like a stay said by its length
                return mention.Start;
            }

            if (rules.VisitActivities.FindFirst(text, mention.End, stretchEnd) is not { } activity
                || MentionsIn(clause).Any(m => m.Start > mention.Start && m.Start < activity.Position)
                || MentionsIn(clause).Any(m => m.End <= marker)
                || text.AsSpan(clause.Start, marker - clause.Start).Contains("党员", StringComparison.Ordinal)
                || IsBlocked(clause, activity.Position) || IsBlocked(clause, marker) || DoerBefore(marker) == Agent.Other
                || (mention.IsGeneric && mention.Organization is null && !rules.Agents.Self.ContainsAny(text, clause.Start, marker)
                    && !dates.Any(d => d.Start >= clause.Start && d.Start + d.Length <= marker)))
            {
                continue; // "有个党员在一家物流公司上班": an unnamed unit with no day and no sender is nobody's visit
            }

            return mention.Start;
        }

        return null;
    }

    /// <summary>
    /// The going-over frame: 过去 right before an activity predicate of <c>visit_activity_verbs</c> ("今天过去聊了聊",
    /// "我过去核对了花名册", "下午过去核了一遍台账") is the sender's visit to the unit the message is about (the last one named
    /// before it), when no one else is the doer and it is neither negated nor planned. 过去 as "the past" (过去一年, 过去的)
    /// has no activity right after it.
    /// </summary>
    private int? WentOverTo(Clause clause)
    {
        for (var at = text.IndexOf("过去", clause.Start, clause.End - clause.Start, StringComparison.Ordinal); at >= 0 && at + 2 < clause.End;
             at = text.IndexOf("过去", at + 2, clause.End - at - 2, StringComparison.Ordinal))
        {
            if ((rules.VisitActivities.MatchAt(text, at + 2) is null && !MetAfterGoingOver(at + 2, clause.End)) || IsBlocked(clause, at) || DoerBefore(at) == Agent.Other
                || MentionsIn(clause).Any(m => m.Start >= at)
                || !mentions.Any(m => !m.IsGeneric && m.End <= at))
            {
                continue;
            }

            return at;
        }

        return null;
    }

    /// <summary>
    /// "今天过去看了下 有个流动党员", "在诚信会计师事务所开了个座谈会 会计里头有个口袋党员": members of a category (a category is
    /// known only by looking) said to be there (有 + the count) after a visit of the sender's are members found on that visit,
    /// at its unit and day. Without a category ("有两个党员") it stays a figure of the unit.
    /// </summary>
    private void FindMembersMetOnAVisit()
    {
        if (!drafts.Any(d => d.Action.Kind is ActionKind.Visit or ActionKind.MemberDiscovery) && !RecordAsked()) // MessageParser.MembersTold.cs
        {
            return;
        }

        // "有个流动党员": one member of a category said with 有 and a measure only, which no figure reading took.
        foreach (var (position, word) in rules.Categories.FindAll(text))
        {
            if (CategoryOf(word) is not { } category || category == "hired" || memberPhrases.Any(p => p.Start <= position && position < p.End))
            {
                continue;
            }

            var at = position;
            if (at > 0 && text[at - 1] is '个' or '名' or '位')
            {
                at--;
                if (at > 0 && text[at - 1] == '一')
                {
                    at--;
                }

                memberPhrases.Add(new NumberPhrase(at, position + word.Length, 1, false, category));
            }
        }

        foreach (var phrase in memberPhrases.Where(p => p.Category is not null and not "hired" && !p.Consumed && !p.Approximate).ToList())
        {
            if (clauses.FirstOrDefault(c => c.Start <= phrase.Start && phrase.Start < c.End) is not { IsQuestion: false } clause
                || (drafts.LastOrDefault(d => d.Action.Kind == ActionKind.Visit && d.Position <= phrase.Start)?.Action ?? ToldToRecord(clause, phrase.Start) ?? FoundAtAnotherUnit(clause, phrase.Start)) is not { } visit
                || !ExistentialBefore(clause, phrase.Start) || IsBlocked(clause, phrase.Start)
                || MentionsIn(clause).Any(m => m.Start < phrase.Start && m.ReportedName != visit.Organization))
            {
                continue;
            }

            phrase.Consumed = true;
            AddDiscovery(phrase.Start, new UnderstoodAction(ActionKind.MemberDiscovery)
            {
                Organization = visit.Organization,
                OrganizationId = visit.OrganizationId,
                Candidates = visit.Candidates,
                Date = visit.Date,
                Count = phrase.Value,
                Categories = new MemberCategories().Plus(phrase.Category!, phrase.Value),
            });
        }
    }

    /// <summary>有 right before the count (还有/又有, 个 between): "有个流动党员", "还有两个口袋党员".</summary>
    private bool ExistentialBefore(Clause clause, int start)
    {
        var at = start;
        while (at > clause.Start && text[at - 1] is '个' or '一' or ' ')
        {
            at--;
        }

        return at > clause.Start && text[at - 1] == '有' && !(at - 1 > clause.Start && rules.Negation.EndsAt(text, at - 1, Math.Max(clause.Start, at - 3)));
    }

    /// <summary>
    /// "今天在鹏城数据那边 新招的…": a day right before 在 + a named unit (那边/这边 may follow) closing its stretch, the
    /// message going on about the unit: the sender was there that day.
    /// </summary>
    private bool PresentOnADay(Clause clause, OrganizationMention mention, int marker, int stretchEnd)
    {
        if (mention.IsGeneric || stretchEnd >= text.TrimEnd().Length || !dates.Any(d => d.Start + d.Length == marker && d.Start >= clause.Start && d.Date <= today))
        {
            return false;
        }

        var rest = text.AsSpan(mention.End, stretchEnd - mention.End);
        return (rest.IsEmpty || rest is "那边" or "这边" or "那里" or "这里" or "那儿" or "这儿") && !IsBlocked(clause, marker)
            && !text.AsSpan(clause.Start, marker - clause.Start).Contains("党员", StringComparison.Ordinal);
    }

    /// <summary>
    /// "李娜书记今天在顺达快递待了一下午": the one at the unit, said before 在 (a day aside), is another person — a title or
    /// a role (书记, 经理), or a name other than the sender's — and the sender is neither said nor along (跟/陪).
    /// </summary>
    private bool IsAnothersPresence(Clause clause, int marker)
    {
        var stretch = text.AsSpan(clause.Start, marker - clause.Start);
        if (stretch.Contains('我') || rules.Agents.Companions.ContainsAny(text, clause.Start, marker))
        {
            return false;
        }

        if (rules.Titles.ContainsAny(text, clause.Start, marker) || rules.PredicateRoles.ContainsAny(text, clause.Start, marker))
        {
            return !mentions.Any(m => m.Start < marker && m.End > clause.Start); // "星辰半导体的负责人" is the unit's, read elsewhere
        }

        for (var at = clause.Start; at < marker - 1; at++)
        {
            if (dates.Any(d => d.Start <= at && at < d.Start + d.Length))
            {
                continue;
            }

            if (rules.Names.ReadAt(text, at) is { Length: 2 or 3 } name && name != sender.Name && at + name.Length <= marker
                && (at + name.Length == marker || !TextNormalizer.IsHan(text[at + name.Length]) || dates.Any(d => d.Start == at + name.Length)
                    || rules.Titles.MatchAt(text, at + name.Length) is not null))
            {
                return true; // "孙磊今天在…", "王强 在…"
            }
        }

        return false;
    }

    /// <summary>
    /// A day's round announced with no visit verb: a clause with no unit that closes with a number of units after a verb
    /// ("今天打卡三家：", "今天签到两家"), or a day and a log's title only ("昨天的足迹：").
    /// </summary>
    private bool AnnouncesRoundWithoutVerb(Clause clause)
    {
        var end = clause.End;
        while (end > clause.Start && text[end - 1] is ' ' or '：' or ':')
        {
            end--;
        }

        if (end <= clause.Start || IsBlocked(clause, end - 1) || text.AsSpan(clause.Start, end - clause.Start).Contains("党员", StringComparison.Ordinal))
        {
            return false;
        }

        // "昨天的足迹：": a day (的 may follow) and a heading word, nothing else.
        var day = dates.FirstOrDefault(d => d.Start >= clause.Start && d.Start <= clause.Start + 1);
        if (day is not null && day.Date <= today)
        {
            var at = day.Start + day.Length;
            if (at < end && text[at] == '的')
            {
                at++;
            }

            if (rules.RoundHeadings.MatchAt(text, at, end) is { } heading && at + heading.Length == end)
            {
                return true;
            }
        }

        // "打卡三家": a figure then 家 closing the clause, a verb of two characters or more before the figure.
        if (text[end - 1] != '家')
        {
            return false;
        }

        var figure = end - 1;
        while (figure > clause.Start && (ChineseNumber.IsNumeralChar(text[figure - 1]) || char.IsAsciiDigit(text[figure - 1]) || text[figure - 1] is '几' or '俩' or '仨'))
        {
            figure--;
        }

        return figure < end - 1 && figure - clause.Start >= 2 && TextNormalizer.IsHan(text[figure - 1]) && TextNormalizer.IsHan(text[figure - 2])
            && !rules.Formation.ContainsAny(text, clause.Start, figure) && !rules.Mass.ContainsAny(text, clause.Start, figure)
            && !rules.Discovery.ContainsAny(text, clause.Start, figure) && !rules.Hire.ContainsAny(text, clause.Start, figure);
    }

    /// <summary>The length of a clock time at <paramref name="at"/> ("三点半", "两点", "3点", "10:30", "五点以后"), or 0.</summary>
    private int ClockTimeLength(int at)
    {
        var i = at;
        while (i < text.Length && (ChineseNumber.IsNumeralChar(text[i]) || char.IsAsciiDigit(text[i]) || text[i] is ':' or '：') && i - at < 5)
        {
            i++;
        }

        if (i == at)
        {
            return 0;
        }

        if (i < text.Length && text[i] == '点')
        {
            i++;
            if (i < text.Length && text[i] is '半' or '钟' or '多')
            {
                i++;
            }

            while (i < text.Length && (ChineseNumber.IsNumeralChar(text[i]) || char.IsAsciiDigit(text[i])) && i - at < 9)
            {
                i++;
            }

            if (i < text.Length && text[i] == '分')
            {
                i++;
            }
        }
        else if (!text.AsSpan(at, i - at).ContainsAny(":：") || !char.IsAsciiDigit(text[i - 1]))
        {
            return 0;
        }

        foreach (var after in (string[])["以后", "之后", "左右", "过后"])
        {
            if (text.AsSpan(i).StartsWith(after, StringComparison.Ordinal))
            {
                i += after.Length;
                break;
            }
        }

        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i - at;
    }
}
