using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: entity spans. Organisation mentions beyond the index's (short names the ledger lacks, lists), leaders that are no units, and which organisations an action concerns.
internal sealed partial class MessageParser
{
    /// <summary>After a visit verb, a name the ledger lacks written without its legal form ("走访了新锐物流").</summary>
    private void FindUnknownShortNames()
    {
        var added = false;
        var starts = rules.Visit.FindAll(text).Concat(rules.Motion.FindAll(text)).Select(v => v.Position + v.Word.Length).ToList();
        var verbStarts = starts.Count;
        // "新锐物流今天成立了党支部": a name that starts the message or a clause of a report (not a question about a class); a
        // question elsewhere in the message leaves a report's clause a report ("宏泰建材是家民营企业，…，怎么建？").
        for (var i = 0; i < text.Length; i++)
        {
            if ((i == 0 || (IsSeparator(text[i - 1]) && !IsSeparator(text[i]))) && !ClauseAsks(i) && rules.NamingVerbs.MatchAt(text, i) is null)
            {
                starts.Add(i); // a clause opened by 叫 names its unit after it (below), 叫 is no part of the name
            }
        }

        // "两家小装修公司——美居装饰和宏泰建材——": units said in apposition between dashes (or after a colon) start there too.
        for (var i = text.IndexOfAny(AppositionMarks); i >= 0 && i + 1 < text.Length; i = text.IndexOfAny(AppositionMarks, i + 1))
        {
            if (TextNormalizer.IsHan(text[i + 1]))
            {
                starts.Add(i + 1);
            }
        }

        // "爱联那边有个鑫达五金厂": a unit brought in by 有个/有家 (unit_introducers) is named there when its name has a unit's
        // shape (UnitNameShape: 鑫达 + 五金 + 厂); "有家物流公司", "有个小公司" name none and the bot asks.
        var introduced = new HashSet<int>();
        foreach (var (position, word) in rules.UnitIntroducers.FindAll(text))
        {
            var at = position + word.Length;
            at += rules.NamingVerbs.MatchAt(text, at)?.Length ?? 0; // "有家叫星火青年志愿者协会的": the name after the naming word
            starts.Add(at);
            introduced.Add(at);
        }

        // MessageParser.UnitStarts.cs: after a preposition, a visit's measure or modifier; read there as after an introducer
        // (a product and a one-character kind, 奶茶店, is how one describes an unnamed unit).
        AddObjectStarts(starts, introduced);

        // "去了布吉一家叫鹏程公益基金会的": a unit's classifier and a naming word bring a name in as an introducer does; so
        // does a naming word after a pause, a unit's kind or a relative clause (MessageParser.UnitLists.cs: "新开了个家政公司
        // 叫好帮手家政", "还有一家新开的叫鑫盛五金制品厂").
        foreach (var (position, word) in rules.NamingVerbs.FindAll(text))
        {
            if (position > 0 && (text[position - 1] is '家' or '个' or '所' or '间' || NamesAfterPauseOrKind(position)))
            {
                starts.Add(position + word.Length);
                introduced.Add(position + word.Length);
            }
        }

        // "龙岗区温州商会": a place the index reads as a short name (or several units' share of one) run into a name of a
        // unit's shape is that unit's first part, not a unit of its own.
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            if (!m.IsGeneric && index.PlaceLengthAt(text, m.Start) == m.Length && m.End < text.Length && !IsSeparator(text[m.End]))
            {
                var limit = k + 1 < mentions.Count ? mentions[k + 1].Start : text.Length;
                if (index.ReadUnknownNameAt(text, m.Start, limit) is { } whole && whole.End > m.End)
                {
                    mentions[k] = whole;
                }
            }
        }

        for (var k = 0; k < starts.Count; k++)
        {
            var start = starts[k];
            if (start < text.Length && text[start] == '了')
            {
                start++;
            }

            while (start < text.Length && text[start] == ' ')
            {
                start++; // "今天跑了 巧手缝纫铺 清泉茶社": voice input spaces the verb from the first name
            }

            if (mentions.Any(m => m.Start <= start && start < m.End) || dates.Any(d => d.Start == start))
            {
                continue;
            }

            var limit = mentions.Where(m => m.Start > start).Select(m => m.Start).DefaultIfEmpty(text.Length).Min();
            if (index.ReadUnknownNameAt(text, start, limit) is { } unknown
                && (k < verbStarts || rules.ClassNouns.MatchAt(text, unknown.Start + unknown.Length) is null)
                && (!introduced.Contains(start) || index.NamesUnitAfterIntroducer(unknown.Written)))
            {
                mentions.Add(unknown);
                added = true;
            }
        }

        // "云启科技和新锐物流": a list goes on after a joiner; in a message about a joint body also after 跟/加上 and a newcomer's
        // word ("蓝海跨境加上楼里新来的极光动漫": MessageParser.FormationSlots.cs).
        var joiners = UnitJoinersHere();
        for (var k = 0; k < mentions.Count && k < 32; k++)
        {
            var end = mentions[k].End;
            if (PauseBeforeLongJoiner(end))
            {
                end++; // "福满楼酒楼、清泉茶社，还有金达汽修服务部": a pause before a joiner of two characters (还有, 以及)
            }

            foreach (var joiner in joiners)
            {
                var start = end + joiner.Length;
                if (text.AsSpan(end).StartsWith(joiner) && RelationPhraseLength(start) is var relation and > 0)
                {
                    start += relation; // "物流行业协会和它的会员单位鹏远货运": the next unit named by its tie to the one before
                }
                else if (text.AsSpan(end).StartsWith(joiner) && NewcomerLeadLength(start) is var newcomer and > 0)
                {
                    start += newcomer;
                }

                if (!text.AsSpan(end).StartsWith(joiner) || mentions.Any(m => m.Start <= start && start < m.End) || mentions[k].IsGeneric)
                {
                    continue;
                }

                var limit = mentions.Where(m => m.Start > start).Select(m => m.Start).DefaultIfEmpty(text.Length).Min();
                if (index.ReadUnknownNameAt(text, start, limit) is { } unknown)
                {
                    mentions.Add(unknown);
                    added = true;
                }
            }
        }

        if (added)
        {
            mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>
    /// True when the clause that starts at <paramref name="start"/> asks something: a question marker before the next
    /// separator, not one of 好几 ("年检好几年没过了" says many years, it asks nothing).
    /// </summary>
    private bool ClauseAsks(int start)
    {
        var end = start;
        while (end < text.Length && !IsSeparator(text[end]))
        {
            end++;
        }

        for (var at = start; rules.Question.FindFirst(text, at, end) is { } marker; at = marker.Position + 1)
        {
            if (marker.Position == 0 || text[marker.Position - 1] != '好')
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] AppositionMarks = ['—', '－', '：', ':'];

    /// <summary>
    /// The length of a relation phrase at <paramref name="at"/> (forming_phrases: 它的 + 会员单位, 其 + 配套企业, 供应商): what
    /// names the next unit of a list by its tie to the one before; 0 when none stands there.
    /// </summary>
    private int RelationPhraseLength(int at)
    {
        var pronoun = rules.RelationPronouns.MatchAt(text, at)?.Length ?? 0;
        return rules.RelationNouns.MatchAt(text, at + pronoun) is { } noun ? pronoun + noun.Length : 0;
    }

    private bool InsideMention(int position)
    {
        foreach (var m in mentions)
        {
            if (m.Start < position && position < m.End)
            {
                return true; // a loop, not a lambda: asked per position, and a closure was allocated per call
            }
        }

        return false;
    }

    private void FindLeaderSpans()
    {
        // "由星辰半导体党总支带建": the organisation that leads a joint formation is not one of its units.
        for (var i = text.IndexOf('由'); i >= 0; i = text.IndexOf('由', i + 1))
        {
            var limit = Math.Min(text.Length, i + 24);
            if (rules.LeaderMarkers.FindFirst(text, i + 1, limit) is { } marker && !text.AsSpan(i + 1, marker.Position - i - 1).ContainsAny("，,。；; "))
            {
                leaderSpans.Add((i, marker.Position + marker.Word.Length));
            }
            else if (LeadByUnitAt(i) is { } leadEnd)
            {
                leaderSpans.Add((i, leadEnd)); // "由星辰半导体党总支带": MessageParser.VisitsOtherWords.cs
            }
        }

        // "星辰半导体带着华鼎物流和手造咖啡建起了联合党支部", "瑞康医疗党支部派人到仁爱医院和阳光社工帮建": the organisation
        // that leads or sends help, named as the subject of a leading verb, is not one of the units.
        if (rules.Joint.ContainsAny(text))
        {
            foreach (var mention in mentions.Where(m => !m.IsGeneric))
            {
                var after = mention.End + (rules.PartyAndMassWords.MatchAt(text, mention.End)?.Length ?? 0);
                if (rules.LeaderFollowVerbs.MatchAt(text, after) is { } lead)
                {
                    leaderSpans.Add((mention.Start, after + lead.Length));
                }
            }
        }

        // "安捷电子从鹏城数据的联合党支部退出来了": the body a unit splits out of (从 + it + a split marker, no pause between)
        // is not the unit formed.
        foreach (var (position, word) in rules.SplitMarkers.FindAll(text))
        {
            var from = text.LastIndexOf('从', position, Math.Min(position, 24) + 1);
            if (from >= 0 && !text.AsSpan(from, position - from).ContainsAny("，,。；; ") && mentions.Any(m => m.Start > from && m.End <= position))
            {
                leaderSpans.Add((from, position + word.Length));
            }
        }

        FindHelpersAndLeadersSaid(); // MessageParser.FormationSlots.cs: "恒信建筑派了个党员过去帮…", "瑞康医疗是我们这边的龙头"

        // "挂靠星辰半导体党委成立联合党支部": the host the units attach to is not one of them.
        foreach (var (position, word) in rules.HostMarkers.FindAll(text))
        {
            var host = mentions.FirstOrDefault(m => m.Start >= position + word.Length && m.Start <= position + word.Length + 1);
            if (host is not null && rules.PartyAndMassWords.MatchAt(text, host.End) is { } party)
            {
                leaderSpans.Add((position, host.End + party.Length));
            }
            else if (host is not null && HostBodyAfter(position + word.Length, text.Length) is { } body)
            {
                leaderSpans.Add((position, body.End)); // "挂到恒信建筑的党支部": the host through a host link (MessageParser.Formation.cs)
            }
            else if (host is not null && HostSaidAsPlace(position, word, host) is { } placeEnd)
            {
                leaderSpans.Add((position, placeEnd)); // "挂靠到恒信建筑那边 成立了联合党支部": the host, not a unit, and nobody went there (MessageParser.VisitsOtherWords.cs)
            }
            else if (host is not null && rules.Joint.ContainsAny(text, host.End) && !rules.Functional.ContainsAny(text))
            {
                // "挂靠德润物业组建了联合党支部", "依托电商协会，…成立了联合党支部": the host of a joint body, no unit (r20-uunits);
                // a functional body set up 依托 a unit is that unit's ("依托顺达快递成立了功能型党支部").
                leaderSpans.Add((position, host.End));
            }
        }
    }

    private bool InLeaderSpan(int position)
    {
        foreach (var (start, end) in leaderSpans)
        {
            if (start <= position && position < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The mentions outside the leaders' spans (read anew at each call: the spans grow); the filter made once a parser, not a closure a call.</summary>
    private IEnumerable<OrganizationMention> UsableMentions() => mentions.Where(usable ??= m => !InLeaderSpan(m.Start));

    private Func<OrganizationMention, bool>? usable;

    private OrganizationMention PreferOwnJurisdiction(OrganizationMention mention)
    {
        // An ambiguous name that fits exactly one organisation inside the sender's jurisdiction means that one.
        if (!preferOwnJurisdiction || !mention.IsAmbiguous || sender.Jurisdiction == Jurisdiction.Everywhere)
        {
            return mention;
        }

        var own = index.Organizations.Where(o => mention.Candidates.Any(c => c.Id == o.Id) && sender.Jurisdiction.Contains(o)).ToList();
        return own.Count == 1 ? mention with { Organization = own[0], Candidates = [] } : mention;
    }

    private List<OrganizationMention> MentionsIn(Clause clause)
    {
        // Called for most clauses by most stages: a loop, not an iterator chain (a fresh list: callers may change it).
        var found = new List<OrganizationMention>();
        foreach (var m in mentions)
        {
            if (m.Start >= clause.Start && m.Start < clause.End && !InLeaderSpan(m.Start))
            {
                found.Add(m);
            }
        }

        return found;
    }

    /// <summary>The organisations an action at <paramref name="position"/> concerns.</summary>
    private List<OrganizationMention?> TargetsFor(Clause clause, int position, bool wholeClause)
    {
        var inClause = MentionsIn(clause);
        if (wholeClause && CountedPointerBefore(clause, position) is { } pointer && ListBefore(pointer) is { Count: > 1 } pointed)
        {
            // "仁爱医院啊 瑞康医疗啊 还有书画家协会 这仨今天都跑了一遍": 这 + a count points back at the list just said.
            return pointed;
        }

        if (inClause.Count > 0)
        {
            if (wholeClause)
            {
                // "今天跑了三家：智联物流 汇通汽车 恒信建筑": a list announced in the clause goes on across blanks.
                List<OrganizationMention?> all = [.. inClause.DistinctBy(Identity)];
                if (inClause[^1].End == clause.End && rules.ListIntro.ContainsAny(text, clause.Start, inClause[0].Start) && ListAfter(clause) is { Count: > 0 } more)
                {
                    all.AddRange(more.Where(m => all.All(a => Identity(a!) != Identity(m!))));
                }
                else if (ListGoesOnAfterPause(clause, inClause[^1]) is { Count: > 0 } goesOn)
                {
                    all.AddRange(goesOn.Where(m => all.All(a => Identity(a!) != Identity(m))));
                }

                return all;
            }

            var before = inClause.Where(m => m.Start < position).ToList();
            if (before.Count == 0)
            {
                return [inClause[0]];
            }

            // The list that ends right before the verb: "金桥投资和宏图贸易都是空壳", not every name said earlier.
            var list = new List<OrganizationMention?> { before[^1] };
            for (var i = before.Count - 2; i >= 0 && IsListJoiner(before[i].End, before[i + 1].Start); i--)
            {
                list.Insert(0, before[i]);
            }

            return [.. list.DistinctBy(m => Identity(m!))];
        }

        if (wholeClause && rules.AllTogether.ContainsAny(text, clause.Start, position) && NamedInClausesBefore(clause) is { Count: > 1 } earlier)
        {
            // "今天上午顺达快递，下午德润物业，都走访了": the verb after 都 covers each name said in the clauses before.
            return earlier;
        }

        var preceding = UsableMentions().LastOrDefault(m => m.Start < position);
        if (wholeClause && ListAfter(clause) is { Count: > 0 } following
            && (preceding is null || rules.ListIntro.ContainsAny(text, clause.Start, clause.End)))
        {
            // "今天走访了三家 云启科技 微光软件和瑞康医疗": the names follow the verb's clause.
            return following;
        }

        // A clause that names none is about the organisation its frame inherits (Tokens/SlotInheritance): the one the clauses
        // before it were about, never a helper's.
        return [(preceding is not null && preceding.Start < clause.Start ? InheritedOrganization(clause) : null) ?? preceding ?? UsableMentions().FirstOrDefault()];
    }

    /// <summary>这 + a count of units before <paramref name="position"/> in the clause (这仨, 这俩, 这三家, 这几家): where it stands.</summary>
    private int? CountedPointerBefore(Clause clause, int position)
    {
        // The pointer may stand in a clause of its own just before ("…书画家协会，这三家 今天都跑了"), after the last name.
        var last = UsableMentions().LastOrDefault(m => m.End <= position);
        var from = Math.Max(clause.Start - 6, last?.End ?? 0);
        for (var i = from; i + 1 < Math.Min(position, clause.End); i++)
        {
            if (text[i] == '这' && (text[i + 1] is '仨' or '俩' or '几' || (ChineseNumber.IsNumeralChar(text[i + 1]) && text[i + 1] != '一')))
            {
                return i;
            }
        }

        // "微光软件 云启网络 电商协会仨地方都跑了一遍", "顺达 德润两家都去了": a count of places right after the list, no 这.
        var after = last?.End ?? -1;
        while (after >= 0 && after < position && text[after] == ' ')
        {
            after++;
        }

        if (after >= 0 && after + 1 < position && (text[after] is '仨' or '俩' or '几' || (ChineseNumber.IsNumeralChar(text[after]) && text[after] != '一')))
        {
            var counted = text[(after + 1)..position].TrimStart('个');
            if (PlaceCountWords.Any(w => counted.StartsWith(w, StringComparison.Ordinal)))
            {
                return after;
            }
        }

        return null;
    }

    /// <summary>The nouns a count of places is said with ("仨地方", "两家", "三个单位").</summary>
    private static readonly string[] PlaceCountWords = ["家", "地方", "处", "单位"];

    /// <summary>The organisations named in the clauses right before <paramref name="clause"/> that say nothing but a name (and a time).</summary>
    private List<OrganizationMention?> NamedInClausesBefore(Clause clause)
    {
        var named = new List<OrganizationMention?>();
        for (var i = clauses.IndexOf(clause) - 1; i >= 0; i--)
        {
            var before = clauses[i];
            var inside = MentionsIn(before);
            if (inside.Count == 0 || HasRecordVerb(before.Start, before.End) || before.IsQuestion)
            {
                break;
            }

            named.InsertRange(0, inside);
        }

        return [.. named.DistinctBy(m => Identity(m!))];
    }

    /// <summary>The list of names that starts the text right after <paramref name="clause"/>, when only separators come between.</summary>
    private List<OrganizationMention?>? ListAfter(Clause clause)
    {
        var usable = UsableMentions().ToList();
        var first = usable.FindIndex(m => m.Start >= clause.End);
        if (first < 0)
        {
            return null;
        }

        // "今天走访了3家，分别是云启科技、…": only separators, or words that introduce a list, come between.
        var gap = text[clause.End..usable[first].Start];
        if (rules.ListIntro.FindFirst(gap) is { } intro)
        {
            gap = gap.Remove(intro.Position, intro.Word.Length);
        }

        if (gap.AsSpan().Trim().Trim("：:，, ").Length > 0)
        {
            return null;
        }

        var list = new List<OrganizationMention?> { usable[first] };
        for (var i = first + 1; i < usable.Count && IsListJoiner(usable[i - 1].End, usable[i].Start, acrossBlanks: true); i++)
        {
            list.Add(usable[i]);
        }

        return [.. list.DistinctBy(m => Identity(m!))];
    }

    /// <summary>The list of names that ends last before <paramref name="position"/>.</summary>
    private List<OrganizationMention?> ListBefore(int position)
    {
        var before = UsableMentions().Where(m => m.End <= position).ToList();
        if (before.Count == 0)
        {
            return [];
        }

        var list = new List<OrganizationMention?> { before[^1] };
        for (var i = before.Count - 2; i >= 0 && IsListJoiner(before[i].End, before[i + 1].Start, acrossBlanks: true); i--)
        {
            list.Insert(0, before[i]);
        }

        return [.. list.DistinctBy(m => Identity(m!))];
    }

    private static string Identity(OrganizationMention mention) =>
        mention.Organization?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? mention.ReportedName ?? $"@{mention.Start}";

    private bool IsListJoiner(int from, int to, bool acrossBlanks = false)
    {
        if (to < from)
        {
            return false;
        }

        var gap = text.AsSpan(from, to - from).Trim();
        if (acrossBlanks && gap.Length > 0 && gap[0] is '啊' or '呀' or '吧' or '呢' or '嘛')
        {
            gap = gap[1..].Trim(); // "仁爱医院啊 瑞康医疗啊 还有书画家协会": a spoken list marks each name with a particle
        }

        if (acrossBlanks)
        {
            // "顺达、德润，还有那个诚信会计所": a pause before 还有, and a demonstrative before the last name.
            foreach (var pointer in (string[])["那个", "那家", "这个", "这家"])
            {
                if (gap.EndsWith(pointer, StringComparison.Ordinal) && gap.Length > pointer.Length)
                {
                    gap = gap[..^pointer.Length].Trim();
                    break;
                }
            }

            if (gap.Length > 1 && gap[0] is '，' or ',' && gap[1..].Trim() is "还有")
            {
                gap = gap[1..].Trim();
            }
        }

        return (acrossBlanks && gap.IsEmpty && to > from) || gap is "和" or "、" or "与" or "及" or "跟" or "同" or "以及" or "," or "，" or "还有";
    }
}
