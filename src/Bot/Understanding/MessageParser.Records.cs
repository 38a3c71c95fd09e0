using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: record frames for visits and discoveries.
internal sealed partial class MessageParser
{
    private void FindVisits(Clause clause)
    {
        if (VisitsDisownedAfter(clause))
        {
            return; // "这几个之前都报过了", "（非本人走访）": MessageParser.VisitsOtherWords.cs
        }

        int? trigger = null;
        var attached = HostAttachedAt(clause); // "挂到恒信建筑的党支部去了": the going after a host's body is the unit's, nobody visited
        foreach (var (position, verb) in rules.Visit.FindAll(text, clause.Start, clause.End))
        {
            // "走访计划取消了", "走访任务": the verb is a noun's modifier here, not a visit made.
            if (!IsBlocked(clause, position) && rules.VisitNounFollowers.MatchAt(text, position + verb.Length) is null && !(position > attached)
                && !IsVisitNoun(position) && !UnitFoundByABody(clause, position, verb))
            {
                trigger = position;
                break;
            }
        }

        if (trigger is null)
        {
            trigger = RoundOfUnits(clause);
        }

        if (trigger is null)
        {
            // 去/到 + an organisation: "昨天去顺达快递了解情况", "到优品超市看了下".
            foreach (var (position, word) in rules.Motion.FindAll(text, clause.Start, clause.End))
            {
                var next = position + word.Length;
                var past = next + PlaceSaidAt(next); // "去天安云谷一家做直播的公司聊了聊": a place the ledger names before the unit
                if (mentions.Any(m => m.Start == next || (past > next && m.Start == past) || (m.Start == next + 1 && text[next] is '了' or '的') || (m.Start == next + 2 && text.AsSpan(next).StartsWith("的是"))) && !IsBlocked(clause, position)
                    && !rules.SendingVerbs.EndsAt(text, position, Math.Max(clause.Start, position - 4)) // "派人到仁爱医院帮建": someone else went
                    && !InLeaderSpan(position)) // "挂靠到恒信建筑党支部": the host a unit attaches to, nobody went there
                {
                    trigger = position;
                    break;
                }

                if (MotionAfterDay(clause, position, next))
                {
                    trigger = position;
                    break;
                }

                if (UnnamedUnitAfterMotion(clause, position, next) && !rules.SendingVerbs.EndsAt(text, position, Math.Max(clause.Start, position - 4)) && !InLeaderSpan(position))
                {
                    trigger = position; // MessageParser.Arrival.cs: "上午去的那个协会", "去事务所把花名册核对了一遍"
                    break;
                }
            }
        }

        var doubtful = false;
        if (trigger is null && attached is null && (StayedAt(clause) ?? ActivityAt(clause) ?? WentOverTo(clause) ?? PresenceAsTopic(clause) ?? MetWithUnitsPeople(clause) ?? PresentAtUnitsMeeting(clause)) is { } stay && DoerBefore(stay) != Agent.Other && !IsAnothersPresence(clause, stay)) // MessageParser.Presence.cs
        {
            trigger = stay;
            doubtful = stayedByAdverb.Contains(stay); // a stay said only by 一直/都 + 在: asked before it is written
        }

        if (trigger is { } at)
        {
            var targets = TargetsFor(clause, at, wholeClause: true);
            var days = DatesFor(at);
            if (days.Count > 1 && days.Count == targets.Count && rules.Respectively.ContainsAny(text, clause.Start, clause.End))
            {
                // "上周五和今天分别去了云启科技和微光软件": the n-th day goes with the n-th organisation.
                for (var n = 0; n < days.Count; n++)
                {
                    Add(at, WithOrganization(new UnderstoodAction(ActionKind.Visit) { Date = days[n] }, targets[n]));
                }

                return;
            }

            foreach (var target in targets)
            {
                foreach (var date in days)
                {
                    Add(at, WithOrganization(new UnderstoodAction(ActionKind.Visit) { Date = date, Doubtful = doubtful }, target));
                }
            }
        }
    }

    /// <summary>
    /// "恒信建筑 上礼拜六去的 …", "佳和餐饮那边 这礼拜一去的": the 是…的 of a past act — a day (not after today) right before a
    /// motion verb (with only words of <c>visit_day_gap_words</c> between: 昨天晚上去的, 上礼拜四我过去的), 的 right after it — with an
    /// organisation named before it is a visit to that organisation ("明天去的话" is no visit).
    /// </summary>
    private bool MotionAfterDay(Clause clause, int position, int next)
    {
        if (next >= text.Length || text[next] != '的' || (next + 1 < text.Length && text[next + 1] == '话') || IsBlocked(clause, position))
        {
            return false;
        }

        var before = position;
        for (var guard = 0; guard < 8 && before > clause.Start; guard++)
        {
            // "昨天晚上去的", "上礼拜四我过去的": a part of the day, the one who went and 过 may stand between the day and the verb.
            var gap = text[before - 1] == ' ' ? 1 : rules.VisitDayGapWords.LongestEndingAt(text, before);
            if (gap == 0 || before - gap < clause.Start)
            {
                break;
            }

            before -= gap;
        }

        return dates.Any(d => d.Start + d.Length == before && d.Date <= today)
            && mentions.Any(m => !m.IsGeneric && m.End <= position && m.Start >= 0 && !InLeaderSpan(m.Start))
            && !rules.SendingVerbs.EndsAt(text, position, Math.Max(clause.Start, position - 4));
    }

    /// <summary>
    /// "今天在五和社区走了三家": a walking verb with a count of units after it (a figure, or 几, then 家) is a round of visits;
    /// 走了 alone is not one ("党员走了两个").
    /// </summary>
    private int? RoundOfUnits(Clause clause)
    {
        foreach (var walk in (string[])["走了", "转了", "逛了", "串了"])
        {
            for (var at = text.IndexOf(walk, clause.Start, clause.End - clause.Start, StringComparison.Ordinal); at >= 0;
                 at = at + 1 < clause.End ? text.IndexOf(walk, at + 1, clause.End - at - 1, StringComparison.Ordinal) : -1)
            {
                var figure = at + walk.Length;
                var end = figure;
                while (end < clause.End && end - figure < 3 && (ChineseNumber.IsNumeralChar(text[end]) || char.IsAsciiDigit(text[end]) || text[end] is '几' or '好'))
                {
                    end++;
                }

                if (end > figure && end < clause.End && text[end] == '家' && !IsBlocked(clause, at))
                {
                    return at;
                }

                if (end == figure && WalkedUnitsAt(clause, at, figure))
                {
                    return at; // "今天小镇里走了微光软件和云启网络": MessageParser.VisitsOtherWords.cs
                }
            }
        }

        return null;
    }

    /// <summary>The length of a place the ledger names at <paramref name="at"/> with 里/的/那边 after it ("天安云谷的", "大运软件小镇里"), or 0.</summary>
    private int PlaceSaidAt(int at)
    {
        var length = index.PlaceLengthAt(text, at);
        if (length == 0)
        {
            return 0;
        }

        var end = at + length;
        foreach (var tail in (string[])["那边", "这边", "里面", "里", "的", " "])
        {
            if (text.AsSpan(end).StartsWith(tail, StringComparison.Ordinal))
            {
                return end + tail.Length - at;
            }
        }

        return length;
    }

    /// <summary>Where a place said right before <paramref name="start"/> begins ("北站社区一家电子厂"), else <paramref name="start"/>.</summary>
    private int PlaceSaidBefore(Clause clause, int start)
    {
        for (var at = Math.Max(clause.Start, start - 12); at < start - 1; at++)
        {
            if (at + PlaceSaidAt(at) == start)
            {
                return at;
            }
        }

        return start;
    }

    private bool MotionBefore(int position) => rules.Motion.EndsAt(text, position, Math.Max(0, position - 3));

    /// <summary>Where <see cref="StayedAt"/> read a visit from a stay's length alone ("一直在恒信建筑"): doubtful readings.</summary>
    private readonly HashSet<int> stayedByAdverb = [];

    /// <summary>"刚从蓝海电商回来", "在仁爱医院待了一上午": 从/在 + an organisation + 回来/待了 is a visit with no visit verb.</summary>
    private int? StayedAt(Clause clause)
    {
        // "在那边待了一下午": the place said by a pronoun is the organisation being talked about.
        foreach (var (position, marker) in rules.VisitPlaceMarkers.FindAll(text, clause.Start, clause.End))
        {
            var at = position + marker.Length;
            foreach (var place in (string[])["他们那边", "他们那里", "他们那", "他们公司", "他们单位", "那边", "那里", "这边", "这里", "他家"])
            {
                if (text.AsSpan(at).StartsWith(place) && rules.VisitStayVerbs.MatchAt(text, at + place.Length) is not null && !IsBlocked(clause, position)
                    && (MentionsIn(clause).Any(m => !m.IsGeneric && m.End <= position) || NamedInClausesBefore(clause).Count > 0))
                {
                    return position;
                }
            }
        }

        foreach (var mention in MentionsIn(clause))
        {
            // "刚从六约社区那个汽修厂出来", "人在北站社区一家电子厂": a place the ledger names may stand between the marker and the
            // unit, named or not.
            var lead = PlaceSaidBefore(clause, mention.Start);
            if (!rules.VisitPlaceMarkers.EndsAt(text, lead, Math.Max(clause.Start, lead - 2)))
            {
                continue;
            }

            var after = mention.End;
            for (var moved = true; moved;)
            {
                moved = false;
                while (after < text.Length && text[after] is ' ' or '那' or '这' or '边' or '里' or '儿')
                {
                    after++; // "从蓝海电商那边回来", "搁青禾文化那儿坐了会儿"
                    moved = true;
                }

                // "人在恒信建筑项目部", "人在汇通汽车维修车间": a part of the unit (a word of two characters may say which) is the unit.
                for (var gap = 0; gap <= 2 && after + gap < text.Length && (gap == 0 || TextNormalizer.IsHan(text[after + gap - 1])); gap++)
                {
                    if (rules.UnitPartNouns.MatchAt(text, after + gap) is { } part)
                    {
                        after += gap + part.Length;
                        moved = true;
                        break;
                    }
                }
            }

            if (rules.VisitStayVerbs.MatchAt(text, after) is not null && !IsBlocked(clause, mention.Start))
            {
                return mention.Start;
            }

            if (mention.IsGeneric && lead == mention.Start && !MotionBefore(lead))
            {
                continue; // "有个党员在一家物流公司上班": an unnamed unit with no place or motion of the sender's
            }

            // "今天下午都耗在德润物业了，…", "我人在正衡律所，…": a verb of spending time (耗在/泡在/待在) or the sender's presence
            // right before the place, the place closing the clause (了 may follow), is a visit.
            var closes = after >= clause.End || IsSeparator(text[after]) || (text[after] == '了' && (after + 1 >= clause.End || IsSeparator(text[after + 1])));
            // "昨天下午人在仁爱医院": 人在 with the subject dropped is the sender's presence too, unless members were the subject
            // ("有个党员人在仁爱医院").
            if (rules.StayPlaceVerbs.EndsAt(text, lead, Math.Max(clause.Start, lead - 4)) && closes && !IsBlocked(clause, mention.Start)
                && !text.AsSpan(clause.Start, mention.Start - clause.Start).Contains("党员", StringComparison.Ordinal))
            {
                return mention.Start;
            }

            // "昨天一整天都在瑞康医疗，…", "今天上午一直在恒信建筑": a stay said by its length (一直/一整天/都 before 在), the place
            // closing the clause, is a visit too.
            var marker = mention.Start - 1;
            if (!mention.IsGeneric && text[marker] == '在' && rules.StayAdverbs.EndsAt(text, marker, Math.Max(clause.Start, marker - 4))
                && (after >= clause.End || IsSeparator(text[after])) && !IsBlocked(clause, mention.Start)
                && !rules.Categories.ContainsAny(text, clause.Start, marker) && !text.AsSpan(clause.Start, marker - clause.Start).Contains("党员", StringComparison.Ordinal))
            {
                stayedByAdverb.Add(mention.Start);
                return mention.Start;
            }
        }

        return null;
    }

    private void FindDiscoveries(Clause clause)
    {
        // "经排查 华鼎精密有隐形党员3名": a clause that is only the verb goes on in the next one.
        if (rules.Discovery.FindFirst(text, clause.Start, clause.End) is { } lone && text.AsSpan(lone.Position + lone.Word.Length, clause.End - lone.Position - lone.Word.Length).Trim().IsEmpty
            && clauses.FirstOrDefault(c => c.Start >= clause.End) is { IsQuestion: false } following)
        {
            if (rules.Discovery.ContainsAny(text, following.Start, following.End) || rules.Hire.ContainsAny(text, following.Start, following.End))
            {
                return; // "通过排查，亮出了2名隐形党员": the next clause says what was found, with its own verb
            }

            clause = clause with { End = following.End };
        }

        var groupLead = -1;
        // "新入职的阿姨里 有两个是党员", "新招了仨保安 里头有一个是党员": the people found or hired said as a group (…里, or 里头
        // opening the next clause), the members among them counted in the next clause.
        if ((rules.Discovery.ContainsAny(text, clause.Start, clause.End) || rules.Hire.ContainsAny(text, clause.Start, clause.End))
            && !text.AsSpan(clause.Start, clause.End - clause.Start).Contains("党员", StringComparison.Ordinal)
            && clauses.FirstOrDefault(c => c.Start >= clause.End) is { IsQuestion: false } among && !MentionsIn(among).Any()
            && memberPhrases.Any(p => p.Start >= among.Start && p.Start < among.End)
            && (GroupContainers.Any(w => text.AsSpan(clause.Start, clause.End - clause.Start).TrimEnd().EndsWith(w))
                || GroupContainers.Any(w => text.AsSpan(among.Start).StartsWith(w))))
        {
            foreach (var group in employeePhrases.Where(p => p.Start >= clause.Start && p.End <= clause.End))
            {
                group.Consumed = true; // "新招了仨保安": the people hired, not the staff
            }

            clause = clause with { End = among.End };
            groupLead = text.AsSpan(among.Start).StartsWith("其中") ? among.Start : -1; // "新招了五个服务员，其中有两个是党员": no breakdown
        }

        foreach (var (position, word) in rules.Discovery.FindAll(text, clause.Start, clause.End).Concat(rules.Hire.FindAll(text, clause.Start, clause.End))
            .Concat(ComparedIncreasesIn(clause.Start, clause.End))) // MessageParser.Comparisons.cs
        {
            if (verbsReadAsParts.Contains(position))
            {
                continue; // read as the find of a part of a total (MessageParser.PartsFound.cs)
            }

            var hired = rules.Hire.MatchAt(text, position) is not null;
            var verbEnd = position + word.Length;
            var partyWord = text.IndexOf("党员", verbEnd, clause.End - verbEnd, StringComparison.Ordinal);
            if (partyWord < 0 && ReadNumberAfter(verbEnd) is { Approximate: false } topical && text[topical.End - 1] is '个' or '名' or '位' or '俩' or '仨'
                && (MembersTopicBefore(position) || (ClosesBareFigure(topical.End) && IsVerbOfFinding(word) && text.LastIndexOf("党员", position, StringComparison.Ordinal) >= 0))
                && !memberPhrases.Any(p => p.Start < topical.End && topical.Start < p.End))
            {
                // "党员新找到两个", "党员亮身份活动 又亮出来仨": the members as the topic before the verb, a bare count after it
                // closing its clause (MessageParser.MemberFigures.cs).
                memberPhrases.Add(topical);
            }
            else if (partyWord < 0 && RelativeFindCount(clause, verbEnd) is { } relative && !memberPhrases.Any(p => p.Start < relative.Phrase.End && relative.Phrase.Start < p.End))
            {
                memberPhrases.Add(relative.Phrase); // "新排查出来的有两个": the count of the members found
                clause = clause with { End = Math.Max(clause.End, relative.ClauseEnd) };
            }
            else if (partyWord < 0 && !IsComparedIncrease(position) && !memberPhrases.Any(p => p.Start >= verbEnd && p.Start < clause.End && p.Category is not null))
            {
                continue; // "亮出来一名隐形的": a category said without 党员 counts members too
            }

            if (IsBlocked(clause, position))
            {
                // "没有发现2名党员", "下个月招聘一名党员": the numbers after it are no totals either.
                foreach (var phrase in memberPhrases.Where(p => p.Start >= verbEnd && p.Start < clause.End))
                {
                    phrase.Consumed = true;
                }

                continue;
            }

            // Members counted after the verb; after "其中", a breakdown by category (in this clause or the next).
            var breakdownAt = text.IndexOf("其中", verbEnd, StringComparison.Ordinal);
            breakdownAt = breakdownAt >= 0 && breakdownAt == groupLead ? text.IndexOf("其中", groupLead + 2, StringComparison.Ordinal) : breakdownAt;
            var countEnd = breakdownAt >= 0 && breakdownAt < clause.End ? breakdownAt : clause.End;
            var breakdownEnd = clause.End;
            foreach (var next in clauses.Where(c => c.Start >= clause.End))
            {
                // "其中1名是口袋党员，2名是预备党员": following clauses that only break the count down by category.
                var startsBreakdown = text.AsSpan(next.Start).StartsWith("其中");
                var onlyCategories = memberPhrases.Any(p => p.Start >= next.Start && p.Start < next.End && p.Category is not null)
                    && !MentionsIn(next).Any() && !rules.Discovery.ContainsAny(text, next.Start, next.End);
                if (!startsBreakdown && !onlyCategories)
                {
                    break;
                }

                breakdownEnd = next.End;
                if (!startsBreakdown && memberPhrases.Where(p => p.Start >= verbEnd && p.Start < countEnd).All(p => p.Category is not null))
                {
                    countEnd = next.End; // "发现1名流动党员 1名口袋党员": the list goes on
                }
            }

            int? count = null;
            var exact = true;
            var categories = new MemberCategories();
            // Another organisation named after the verb starts another report ("…发现2名党员佳和餐饮没有党员").
            // "发现星辰半导体有3名流动党员": a name right after the verb is where they were found, not the next report.
            if (UsableMentions().FirstOrDefault(m => m.Start >= verbEnd && m.Start < breakdownEnd && text[verbEnd..m.Start].Trim() is not ("" or "了")) is { } another)
            {
                breakdownEnd = another.Start;
                countEnd = Math.Min(countEnd, another.Start);
            }

            // "又发现一个党员 现在一共6个了": a figure said as the total now (MessageParser.MemberFigures.cs) is the unit's total, never
            // a part of the find (round 20); it is left for the update.
            countEnd = FirstTotalNowIn(verbEnd, countEnd) ?? countEnd;
            breakdownEnd = Math.Min(breakdownEnd, FirstTotalNowIn(verbEnd, breakdownEnd) ?? breakdownEnd);

            // "发现了三个党员一个预备的两个流动的": a count with no category, then categories that add up to no more than it,
            // is the count and its breakdown, not a sum.
            var counted = memberPhrases.Where(p => p.Start >= verbEnd && p.Start < countEnd && !p.Consumed).OrderBy(p => p.Start).ToList();
            var brokenDown = counted.Count >= 2 && counted[0].Category is null && !hired && counted.Skip(1).All(p => p.Category is not null)
                && counted.Skip(1).Sum(p => p.Value) <= counted[0].Value;
            // "新调来三个党员 …算流动党员": a transfer with a relation category said of them all is that category, not a hire.
            var transferred = hired ? CategoryOfTransferred(position, verbEnd, Math.Max(clause.End, ClausesAboutThem(clause))) : null;
            foreach (var phrase in memberPhrases.Where(p => p.Start >= verbEnd && p.Start < breakdownEnd && !p.Consumed))
            {
                if (brokenDown && phrase != counted[0] && phrase.Start < countEnd)
                {
                    phrase.Consumed = true;
                    categories = phrase.Approximate ? categories : categories.Plus(phrase.Category!, phrase.Value);
                    continue;
                }

                phrase.Consumed = true;
                var category = phrase.Category ?? transferred ?? (hired ? "hired" : null);
                if (phrase.Start < countEnd)
                {
                    count = (count ?? 0) + phrase.Value;
                    exact &= !phrase.Approximate;
                }

                if (category is not null && !phrase.Approximate)
                {
                    categories = categories.Plus(category, phrase.Value);
                }
            }

            if (count is { } found && categories.IsEmpty())
            {
                // "发现两名党员 都是流动党员" / "新发现1名党员 是预备党员": a category without a number covers them.
                var scanEnd = Math.Max(breakdownEnd, clauses.FirstOrDefault(c => c.Start >= clause.End)?.End ?? clause.End);
                foreach (var (at, categoryWord) in rules.Categories.FindAll(text, verbEnd, scanEnd))
                {
                    if (CategoryOf(categoryWord) is { } category && category != "hired" && !memberPhrases.Any(p => p.Start <= at && at < p.End)
                        && (rules.AllMarkers.EndsAt(text, at, Math.Max(0, at - 4)) || (found == 1 && (text.AsSpan(0, at).EndsWith("是") || text.AsSpan(0, at).EndsWith("系") || text.AsSpan(0, at).EndsWith("为") || OpensAside(at)))))
                    {
                        categories = categories.Plus(category, found);
                        break;
                    }
                }

                // "发现党员3名，都是流动的": a category said without 党员, after 都是.
                if (categories.IsEmpty() && rules.CategoryShortWords.FindAll(text, verbEnd, scanEnd)
                        .FirstOrDefault(c => rules.AllMarkers.EndsAt(text, c.Position, Math.Max(0, c.Position - 4)) || (found == 1 && OpensAside(c.Position))) is { Word: not null } said
                    && (said.Position + said.Word.Length == text.Length || text[said.Position + said.Word.Length] is '的' || IsSeparator(text[said.Position + said.Word.Length])))
                {
                    categories = categories.Plus(rules.Vocabulary.CategoryShortWords[said.Word], found);
                }

                // "发现1名党员 是刚招聘进来的": said to be hired.
                if (categories.IsEmpty() && rules.Hire.FindAll(text, verbEnd, scanEnd).FirstOrDefault(h => IsSaidToBe(verbEnd, h.Position)) is { Word: not null } hire)
                {
                    // "排查出3名党员，其中2名是今年招聘进来的": the part said before 是 is the part hired.
                    categories = categories.Plus("hired", Math.Min(found, PartSaidBefore(verbEnd, hire.Position) ?? found));
                }

                // "亮出来两个党员 以前都没跟单位说过自己是党员": a description said of them all (MessageParser.MemberClauses.cs).
                if (categories.IsEmpty() && DescriptionHeldByAll(verbEnd, Math.Max(scanEnd, ClausesAboutThem(clause))) is { } described)
                {
                    categories = categories.Plus(described, found);
                }

                // "扒拉出来一个党员 口袋里揣着关系呢": one member found, and what is said of him in the clauses that go on about
                // him is his category (a category word, a description or definition, a short word closed by 的); never a hire
                // said there (一个是刚招进来的 belongs to the breakdown readers).
                if (categories.IsEmpty() && found == 1 && exact && CategorySaidIn(counted.Count > 0 ? counted[^1].End : verbEnd, breakdownEnd < clause.End ? breakdownEnd : Math.Max(breakdownEnd, ClausesAboutThem(clause))) is { } his and not "hired")
                {
                    categories = categories.Plus(his, 1);
                }
            }

            if (count is { } all && ShortBreakdown(verbEnd, Math.Max(breakdownEnd, clauses.FirstOrDefault(c => c.Start >= clause.End)?.End ?? clause.End)) is { } shortBreakdown
                && shortBreakdown.NonZero().Sum(c => c.Count) is var broken && broken <= all && broken > categories.NonZero().Sum(c => c.Count))
            {
                categories = shortBreakdown; // "有俩 一个流动一个隐形", "一个口袋一个流动"
            }

            // "又排查出来仨党员 口袋的一个 流动的俩": categories said before their counts (MessageParser.PartsFound.cs).
            if (count is { } sum && WithCategoriesSaidBefore(sum, categories, verbEnd, Math.Max(breakdownEnd, clauses.FirstOrDefault(c => c.Start >= clause.End)?.End ?? clause.End)) is { } saidBefore)
            {
                categories = saidBefore;
            }

            foreach (var target in TargetsFor(clause, position, wholeClause: false))
            {
                AddDiscovery(position, Record(ActionKind.MemberDiscovery, target, position) with
                {
                    Count = exact ? count : null,
                    Categories = categories.IsEmpty() ? null : categories,
                });
            }

            return;
        }
    }

    /// <summary>里/里头/当中: a group of people said as a place the members are among.</summary>
    private static readonly string[] GroupContainers = ["里头", "里面", "当中", "中间", "其中", "里"];

    /// <summary>
    /// "顺达快递新排查出来的有两个", "刚排查出来的 有俩": the find verb as a relative clause of the subject (verb + 的), then
    /// 有/是/一共 + a count with its measure and no noun: the members found. The count may stand in the next clause.
    /// </summary>
    private (NumberPhrase Phrase, int ClauseEnd)? RelativeFindCount(Clause clause, int verbEnd)
    {
        var at = verbEnd;
        foreach (var complement in (string[])["出来", "出", "到", "进来", "来"])
        {
            if (text.AsSpan(at).StartsWith(complement))
            {
                at += complement.Length;
                break;
            }
        }

        if (at >= text.Length || text[at] != '的')
        {
            return null;
        }

        at++;
        var clauseEnd = clause.End;
        if (at >= clause.End && clauses.FirstOrDefault(c => c.Start >= clause.End) is { IsQuestion: false } next)
        {
            at = next.Start;
            clauseEnd = next.End;
        }

        while (at < clauseEnd && text[at] == ' ')
        {
            at++;
        }

        foreach (var lead in (string[])["一共有", "总共有", "一共", "总共", "共有", "有", "是", "共"])
        {
            if (text.AsSpan(at).StartsWith(lead))
            {
                at += lead.Length;
                break;
            }
        }

        if (PeopleCountAt(text, at) is not (var value, var end))
        {
            return null;
        }

        return end >= text.Length || IsSeparator(text[end]) || text[end] is '，' or '。' ? (new NumberPhrase(at, end, value, false, null), clauseEnd) : null;
    }

    /// <summary>A word that opens an aside right after a pause or a bracket: "发现党员1名（预备党员）", "找到1个党员 预备的".</summary>
    private bool OpensAside(int at) => at > 0 && (IsSeparator(text[at - 1]) || text[at - 1] is '（' or '(' or '：' or ':' or '、');

    /// <summary>"一个流动一个隐形", "两个口袋的一个预备的": counts each followed by a short category word (流动/口袋/预备).</summary>
    private MemberCategories? ShortBreakdown(int from, int end)
    {
        var categories = new MemberCategories();
        for (var at = from; at < end; at++)
        {
            if (!ChineseNumber.TryReadSpoken(text, at, out var value, out var length, out var approximate) || approximate)
            {
                continue;
            }

            var next = at + length;
            if (next < end && text[next] is '个' or '名' or '位')
            {
                next++;
            }

            if (rules.CategoryShortWords.MatchAt(text, next, end) is { } word && !text.AsSpan(next + word.Length).StartsWith("党员"))
            {
                categories = categories.Plus(rules.Vocabulary.CategoryShortWords[word], value);
                at = next + word.Length - 1;
            }
        }

        return categories.IsEmpty() ? null : categories;
    }

    /// <summary>"其中2名是…", "有一个是…": the figure of a part said after 其中/有 and before 是, between
    /// <paramref name="from"/> and <paramref name="before"/>; null when none is said.</summary>
    private int? PartSaidBefore(int from, int before)
    {
        var copula = text.LastIndexOf('是', before - 1, before - from);
        if (copula < 0)
        {
            return null;
        }

        foreach (var lead in (string[])["其中", "有"])
        {
            var at = text.LastIndexOf(lead, copula, copula - from, StringComparison.Ordinal);
            if (at >= 0 && ChineseNumber.TryRead(text, at + lead.Length, out var value, out var length)
                && at + lead.Length + length < copula && text[at + lead.Length + length] is '名' or '个' or '位' && at + lead.Length + length + 1 == copula)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// The start of the first member figure said as the total now in [from, end), after a find's first figure: read as a total
    /// (现在一共六个), or said with a state, change or sum word between its noun and it ("一个党员 目前6个": 党员 also heads the
    /// figure after it).
    /// </summary>
    private int? FirstTotalNowIn(int from, int end)
    {
        var first = true;
        foreach (var phrase in memberPhrases.Where(p => p.Start >= from && p.Start < end && !p.Consumed).OrderBy(p => p.Start))
        {
            if (!first && (figuresNow.Contains(phrase.Start) || SaidAsTotalNow(phrase) || rules.TotalWords.ContainsAny(text, phrase.Start, phrase.End)))
            {
                return phrase.Start;
            }

            first = false;
        }

        return null;
    }

    /// <summary>
    /// "招进来一名党员，另外还亮出来一名隐形的": one report's finds at one organisation on one day are one discovery, its count all
    /// found (CLI.md) and its categories added up.
    /// </summary>
    private void AddDiscovery(int position, UnderstoodAction discovery)
    {
        var said = drafts.FindIndex(d => d.Action.Kind == ActionKind.MemberDiscovery && d.Action.Date == discovery.Date
            && d.Action.Organization is not null && d.Action.Organization == discovery.Organization);
        if (said < 0)
        {
            Add(position, discovery);
            return;
        }

        var before = drafts[said].Action;
        var categories = before.Categories ?? new MemberCategories();
        if (discovery.Categories is { } more)
        {
            foreach (var (category, value) in more.NonZero())
            {
                categories = categories.Plus(category, value);
            }
        }

        drafts[said] = drafts[said] with
        {
            Action = before with
            {
                Count = before.Count is { } a && discovery.Count is { } b ? a + b : null,
                Categories = categories.IsEmpty() ? null : categories,
            },
        };
    }

    /// <summary>
    /// "新来的老师里有两名是党员，都是这学期招聘进来的": members counted, then said to be hired (是…招聘进来的, closing with 的): newly
    /// found, all hired, not a total.
    /// </summary>
    private void FindHiredMembers(Clause clause)
    {
        foreach (var (position, word) in rules.Hire.FindAll(text, clause.Start, clause.End).Where(h => !verbsReadAsParts.Contains(h.Position)))
        {
            var end = position + word.Length;
            foreach (var complement in (string[])["进来", "过来", "来", "进"])
            {
                if (text.AsSpan(end).StartsWith(complement))
                {
                    end += complement.Length; // 招聘进来的
                    break;
                }
            }

            if (!text.AsSpan(end).StartsWith("的") || !text.AsSpan(Math.Max(clause.Start, position - 8), position - Math.Max(clause.Start, position - 8)).Contains('是')
                || memberPhrases.Any(p => p.Start >= end && p.Start < clause.End) || IsBlocked(clause, position))
            {
                continue;
            }

            var shown = memberPhrases.Where(p => p.Start >= clause.Start && p.End <= position && !p.Consumed && !p.Approximate && p.Category is null).ToList();
            var at = clause;
            if (shown.Count == 0 && clauses.LastOrDefault(c => c.End <= clause.Start) is { IsQuestion: false } previous && rules.AllMarkers.MatchAt(text, clause.Start) is not null)
            {
                at = previous; // "…有两名是党员，都是这学期招聘进来的"
                shown = [.. memberPhrases.Where(p => p.Start >= previous.Start && p.End <= previous.End && !p.Consumed && !p.Approximate && p.Category is null)];
            }

            if (shown.Count == 0)
            {
                continue;
            }

            foreach (var phrase in shown)
            {
                phrase.Consumed = true;
            }

            var count = shown.Sum(p => p.Value);
            var said = CategoryOfTransferred(position, end, Math.Max(clause.End, ClausesAboutThem(clause))) ?? "hired"; // MessageParser.PartsFound.cs
            foreach (var target in TargetsFor(at, shown[0].Start, wholeClause: false))
            {
                AddDiscovery(shown[0].Start, Record(ActionKind.MemberDiscovery, target, position) with
                {
                    Count = count,
                    Categories = new MemberCategories().Plus(said, count),
                    Doubtful = true, // a count read as new members, not a total, from what is said of them: asked before it is written
                });
            }

            return;
        }
    }

    private bool instructorFound;

    /// <summary>"动员1名隐形党员亮明了身份": members named before the verb that shows them.</summary>
    private void FindShownMembers(Clause clause)
    {
        foreach (var (position, shownWord) in rules.DiscoveryAfter.FindAll(text, clause.Start, clause.End).Where(v => !verbsReadAsParts.Contains(v.Position)))
        {
            var shown = memberPhrases.Where(p => p.Start >= clause.Start && p.End <= position && !p.Consumed && !p.Approximate).ToList();
            if (shown.Count == 0 || IsBlocked(clause with { Start = shown[0].Start }, position))
            {
                continue;
            }

            var categories = new MemberCategories();
            foreach (var people in employeePhrases.Where(e => shown.Any(p => e.Start < p.End && p.Start < e.End)))
            {
                people.Consumed = true; // "协会两个工作人员主动亮了身份": the people who showed themselves are the members, not the staff
            }

            foreach (var phrase in shown)
            {
                phrase.Consumed = true;
                if (phrase.Category is { } category)
                {
                    categories = categories.Plus(category, phrase.Value);
                }
            }

            // "两个工人表明了党员身份 以前一直没说": what they were, said after the verb of showing.
            if (categories.IsEmpty() && shown.Count == 1 && CategorySaidAfter(clause, position + shownWord.Length) is { } said)
            {
                categories = categories.Plus(said, shown[0].Value);
            }

            // "站出来四个党员，隐形的三个…": categories said before their counts (MessageParser.PartsFound.cs).
            if (WithCategoriesSaidBefore(shown.Sum(p => p.Value), categories, position + shownWord.Length, Math.Max(clause.End, clauses.FirstOrDefault(c => c.Start >= clause.End)?.End ?? clause.End)) is { } saidBefore)
            {
                categories = saidBefore;
            }

            foreach (var target in TargetsFor(clause, shown[0].Start, wholeClause: false))
            {
                Add(shown[0].Start, Record(ActionKind.MemberDiscovery, target, position) with
                {
                    Count = shown.Sum(p => p.Value),
                    Categories = categories.IsEmpty() ? null : categories,
                });
            }

            return;
        }
    }
}
