using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: record frames for work coverage and pairings, and the people they name.
internal sealed partial class MessageParser
{
    private void FindWorkCoverage(Clause clause)
    {
        foreach (var (position, word) in rules.PartyAndMassWords.FindAll(text, clause.Start, clause.End))
        {
            if (!rules.Vocabulary.MassOrganizations.TryGetValue(word, out var measure))
            {
                continue;
            }

            var verb = rules.MassVerbs.FindAll(text, Math.Max(clause.Start, position - 8), position).LastOrDefault();
            if (verb.Word is not null && rules.Mass.FindAll(text, Math.Max(clause.Start, verb.Position - 8), verb.Position).Any(w => w.Position + w.Word.Length <= verb.Position))
            {
                verb = default; // "工会今天挂牌了 搞定 团支部下礼拜再弄": the verb before is the other body's, said after it
            }

            // "妇委会、团支部均于今日成立", "团支部、妇委会、工会今天都建起来了": bodies listed share the verb after the last of them.
            var listEnd = position + word.Length;
            while (verb.Word is null && ListedMassBodyEnd(listEnd, clause.End) is { } nextEnd)
            {
                listEnd = nextEnd;
            }

            var verbAt = verb.Word is not null ? verb.Position
                : rules.MassVerbs.FindFirst(text, listEnd, Math.Min(clause.End, listEnd + 8))?.Position;
            var verbClause = clause;
            if (verbAt is null && VerbOfBodyInNextClause(clause, listEnd) is { } carried)
            {
                (verbClause, verbAt) = carried; // "他们的团支部 | 今天也成立了", "团支部和妇委会 | 同时挂牌了": the body (or the list) closes its clause, its day and verb open the next
            }

            var sameDay = verbAt is null ? SameDayAsBodyBefore(listEnd, clause.End) : null; // MessageParser.AlsoContinued.cs
            verbAt ??= sameDay is null ? null : listEnd;
            if (verbAt is { } at && !MassBodyBlocked(verbClause, at) && !CorrectedAway(position, word))
            {
                // "今天成立工会了哦不对不是工会是团支部": the slot's value as corrected later in the message (MessageParser.MeasureFrames.cs).
                var said = CorrectedMeasure(position, word) ?? measure;
                foreach (var target in TargetsFor(clause, position, wholeClause: false))
                {
                    var action = Record(ActionKind.WorkCoverage, target, at) with { Measure = ParseMeasure(said) };
                    Add(at, sameDay is { } day ? action with { Date = day } : action);
                }
            }
        }

        foreach (var (position, instructorWord) in rules.InstructorWords.FindAll(text, clause.Start, clause.End))
        {
            var settledAt = SettledAt(position + instructorWord.Length);
            var verb = rules.InstructorVerbs.FindFirst(text, clause.Start, position)
                ?? (rules.SettledWords.MatchAt(text, settledAt) is { } settled
                    ? (settledAt, settled) : null); // "指导员定了", "指导员也定下来了"
            var person = InstructorPerson();
            if ((verb is null && person is null) || IsBlocked(clause, verb?.Position ?? position) || TitlesSecretary(position + instructorWord.Length, clause.End))
            {
                continue;
            }

            var at = verb?.Position ?? position;
            if (instructorFound)
            {
                return;
            }

            instructorFound = true;
            // "指导员定了，就是我": no appointing verb, only the post settled; asked before it is written.
            var settledOnly = rules.InstructorVerbs.FindFirst(text, clause.Start, position) is null && rules.SettledWords.MatchAt(text, settledAt) is not null;
            foreach (var target in TargetsFor(clause, position, wholeClause: false))
            {
                Add(at, Record(ActionKind.WorkCoverage, target, at) with { Date = AppointmentDay(clause, at), Measure = WorkCoverageMeasure.Instructor, Person = person, Doubtful = settledOnly }); // MessageParser.AppointmentDays.cs
            }

            return;
        }
    }

    /// <summary>
    /// "由社区派驻党建指导员刘洋任书记", "街道派的指导员孙磊当书记": the instructor word is the title of a person who serves as a
    /// secretary (a name, a serving verb, then 书记 within a few characters): the person's post, no coverage of its own.
    /// </summary>
    private bool TitlesSecretary(int at, int end)
    {
        if (rules.Names.ReadAt(text, at) is not { Length: >= 2 } name)
        {
            return false;
        }

        for (var length = name.Length; length >= 2; length--)
        {
            var after = at + length;
            var serve = rules.SecretaryServeVerbs.MatchAt(text, after, end)?.Length ?? (after < end && text[after] == '任' ? 1 : 0);
            if (serve > 0 && text.IndexOf("书记", after + serve, Math.Min(6, Math.Max(0, end - after - serve)), StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the next mass body of a list ends when a list joiner (、/和/与) and a mass body follow <paramref name="at"/>; else null.</summary>
    private int? ListedMassBodyEnd(int at, int end)
    {
        if (rules.ListJoiners.MatchAt(text, at, end) is not { } joiner
            || rules.PartyAndMassWords.MatchAt(text, at + joiner.Length, end) is not { } body
            || !rules.Vocabulary.MassOrganizations.ContainsKey(body))
        {
            return null;
        }

        return at + joiner.Length + body.Length;
    }

    /// <summary>
    /// A mass body that closes its clause (a day or a part of the day cut the clause after it) takes the verb at the head of the
    /// next clause: "阳光社工的工会今天 | 下午正式挂牌成立了", "他们的团支部 | 今天也成立了".
    /// </summary>
    private (Clause Clause, int Verb)? VerbOfBodyInNextClause(Clause clause, int bodyEnd)
    {
        if (text.AsSpan(bodyEnd, clause.End - bodyEnd).Trim().Length > 0 && !dates.Any(d => d.Start >= bodyEnd && d.Start + d.Length >= clause.End - 1)
            && !OnlyAdverbsBetween(bodyEnd, clause.End)) // "妇委会也 | 同时成立了": an adverb after the body, the verb after 同时
        {
            return null;
        }

        if (clauses.FirstOrDefault(c => c.Start >= clause.End) is not { IsQuestion: false } next || MentionsIn(next).Count > 0
            || text.AsSpan(clause.End, next.Start - clause.End).IndexOfAny("。！!？?；;\n") >= 0)
        {
            return null;
        }

        var verb = rules.MassVerbs.FindFirst(text, next.Start, Math.Min(next.End, next.Start + 10));
        return verb is { } found && !rules.PartyAndMassWords.ContainsAny(text, next.Start, found.Position) ? (next, found.Position) : null;
    }

    private string? InstructorPerson()
    {
        if (AppointedInstructor() is { } appointee)
        {
            return appointee; // MessageParser.Agents.cs: "街道派他当诚信的党建指导员"
        }

        // 由赵敏同志担任 / 指导员是赵敏 / 选派赵敏同志担任指导员.
        for (var i = text.IndexOf('由'); i >= 0; i = text.IndexOf('由', i + 1))
        {
            if (text.AsSpan(i + 1).StartsWith("我") && !text.AsSpan(i + 1).StartsWith("我们"))
            {
                return sender.Name;
            }

            if (rules.Names.ReadAt(text, i + 1) is { } name && FollowedByServe(i + 1 + name.Length))
            {
                return name;
            }

            // "由街道党群中心的王晓燕负责联系", "由我们布吉街道党建办的副主任江海鹰来当…": 由 + a description + the name + a duty taken on.
            if (rules.Names.ReadDescribed(text, i + 1, ClauseEndAfter(i)) is { } described && !InsideOrAtMention(described.Start)
                && (FollowedByServe(described.Start + described.Name.Length) || rules.Names.DutyAt(text, described.Start + described.Name.Length)))
            {
                return described.Name;
            }
        }

        foreach (var (position, word) in rules.InstructorWords.FindAll(text))
        {
            if (ChangedToPostBefore(position) is { } made)
            {
                return made; // "把我定成他们的党建指导员": 把 + the person + a change link before the post
            }

            if (HolderAfterPostLink(position + word.Length) is { } linked)
            {
                return linked; // "配个党建指导员 就周建国吧", "指导员就我 孙磊", "选派指导员了 定的是刘洋"
            }

            var j = position + word.Length;
            var settledAt = SettledAt(j);
            var copula = rules.SettledWords.MatchAt(text, settledAt) is { } settled ? settledAt + settled.Length : j; // "指导员定了，就是我"
            var pause = copula;
            while (copula < text.Length && copula - pause < 2 && text[copula] is '，' or ',' or ' ')
            {
                copula++;
            }

            if (copula > j && rules.InstructorVerbs.MatchAt(text, copula) is { } appointed && text.AsSpan(copula + appointed.Length).StartsWith("的是"))
            {
                copula += appointed.Length + 1; // "指导员也定下来了 派的是黄志强": the appointing verb + 的 before 是
            }
            else if (copula > pause && rules.InstructorVerbs.MatchAt(text, copula) is { } sent && HolderAfterPost(copula + sent.Length, selfAllowed: false) is { } sentHolder)
            {
                return sentHolder; // "指导员定了 派街道的小谭 谭志远": the appointing verb after the pause, then the holder phrase
            }

            if (HolderAfterLink(rules.ChangeLinks, j) is { } changedTo)
            {
                return changedTo; // "指导员换成小周，周文斌", "指导员换人了 从今天起换成老钱": the post given to another
            }

            if (copula + 1 < text.Length && text[copula] is '就' or '也' && text[copula + 1] is '是' or '叫')
            {
                copula++;
            }

            if (copula > j && copula < text.Length && text[copula] is '是' or '叫')
            {
                j = copula; // "派了党建指导员，是我本人", "派了个党建指导员 就是我自己", "派了个指导员，叫吴刚"
            }

            if (j < text.Length && text[j] is '是' or '为' or ':' or '叫')
            {
                j++;
            }

            if (j > position + word.Length && text.AsSpan(j).StartsWith("我") && !text.AsSpan(j).StartsWith("我们"))
            {
                return sender.Name; // 指导员是我
            }

            if (j == position + word.Length && copula > pause && rules.SettledWords.MatchAt(text, settledAt) is not null
                && HolderAfterPost(pause, selfAllowed: false) is { } settledHolder)
            {
                return settledHolder; // "指导员定了，就是谷雨萌" (就是 out as a spoken filler): the name in apposition after the settled post
            }

            if (j < text.Length && text[j] == ' ')
            {
                j++; // voice input: "党建指导员 吴刚"
            }

            if (HolderAfterPost(j, selfAllowed: false) is { } name)
            {
                return name; // MessageParser.People.cs: "指导员是龙城街道的石磊磊"
            }
        }

        foreach (var (position, _) in rules.InstructorWords.FindAll(text))
        {
            if (HolderBeforeServe(position) is { } subject)
            {
                return subject; // MessageParser.People.cs: "黄志刚去当电商协会的党建指导员", the subject of the serve verb
            }
        }

        for (var at = text.IndexOf("担任", StringComparison.Ordinal); at >= 0; at = text.IndexOf("担任", at + 2, StringComparison.Ordinal))
        {
            var before = text.AsSpan(0, at);
            if (before.EndsWith("同志"))
            {
                before = before[..^2];
            }

            if (before.EndsWith("我") || before.EndsWith("我来"))
            {
                return sender.Name;
            }

            if (rules.Names.ReadBefore(text, before.Length) is { } name)
            {
                return name;
            }
        }

        foreach (var (position, word) in rules.InstructorVerbs.FindAll(text))
        {
            if (rules.Names.ReadAt(text, position + word.Length) is { } name && FollowedByServe(position + word.Length + name.Length))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The holder named after an instructor post by a link: 就 or 是 ("配个党建指导员 就周建国吧", "指导员就我 孙磊", "派党建指导员过去
    /// 就是我"), or a settled word + 的是 ("选派指导员了 定的是刘洋"), past a motion word (post_holder_gaps), 了 and a pause; 我 is the
    /// sender. Null where no such link follows (the other readers of <see cref="InstructorPerson"/> go on).
    /// </summary>
    private string? HolderAfterPostLink(int j)
    {
        var k = j + (rules.PostHolderGaps.MatchAt(text, j)?.Length ?? 0);
        if (k < text.Length && text[k] == '了')
        {
            k++;
        }

        var pause = k;
        while (k < text.Length && k - pause < 2 && text[k] is '，' or ',' or ' ')
        {
            k++;
        }

        var linked = false;
        if (rules.SettledWords.MatchAt(text, k) is { } settled && settled.EndsWith('的') && k + settled.Length < text.Length && text[k + settled.Length] == '是')
        {
            k += settled.Length; // "定的是": the 是 is read next
        }

        if (k < text.Length && text[k] == '就')
        {
            (k, linked) = (k + 1, true);
        }

        if (!linked && k < text.Length && text[k] == '叫' && k > j)
        {
            // "派了个指导员过去叫那个陈晓东": past a motion word or 了, 叫 names the holder; 那个/这个 before the name are fillers (round 16).
            k++;
            if (text.AsSpan(k).StartsWith("那个") || text.AsSpan(k).StartsWith("这个"))
            {
                k += 2;
            }

            return k < text.Length ? rules.Names.ReadAt(text, k) is { Length: >= 2 } called ? called : null : null;
        }

        if (k < text.Length && text[k] == '是')
        {
            (k, linked) = (k + 1, true);
        }
        else if (!linked && rules.HolderLinks.MatchAt(text, k) is { } naming && naming.Contains('叫'))
        {
            (k, linked) = (k + naming.Length, true); // "派了个指导员过去叫那个陈晓东": the naming link after the motion word
        }

        if (!linked || k >= text.Length)
        {
            return null;
        }

        return text.AsSpan(k).StartsWith("我") && !text.AsSpan(k).StartsWith("我们") ? sender.Name : HolderAfterPost(k, selfAllowed: false);
    }

    /// <summary>
    /// "今天把我定成他们的党建指导员了", "街道把小邱换成…的指导员": 把 + a person + a change link (<c>holder_phrases.change_links</c>)
    /// before the post word at <paramref name="post"/>, in its clause.
    /// </summary>
    private string? ChangedToPostBefore(int post)
    {
        var start = post;
        while (start > 0 && post - start < 20 && !IsSeparator(text[start - 1]))
        {
            start--;
        }

        for (var at = text.IndexOf('把', start, post - start); at >= 0; at = at + 1 < post ? text.IndexOf('把', at + 1, post - at - 1) : -1)
        {
            if (PersonAt(at + 1) is { } person && rules.ChangeLinks.MatchAt(text, at + 1 + person.Length, post) is not null)
            {
                return person.Name;
            }
        }

        return null;
    }

    /// <summary>Where the word saying the post is settled would start after <paramref name="position"/>: past 也/都/已经.</summary>
    private int SettledAt(int position) =>
        rules.SettledAdverbs.MatchAt(text, position) is { } adverb && rules.SettledWords.MatchAt(text, position + adverb.Length) is not null
            ? position + adverb.Length
            : position;

    private bool FollowedByServe(int position)
    {
        var rest = text.AsSpan(position);
        if (rest.StartsWith("同志"))
        {
            rest = rest[2..];
        }

        return rest.StartsWith("担任") || rest.StartsWith("任") || rest.StartsWith("为") || rest.StartsWith("作为") || rest.StartsWith("当");
    }

    private static WorkCoverageMeasure ParseMeasure(string key) => key switch
    {
        "trade_union" => WorkCoverageMeasure.TradeUnion,
        "youth_league" => WorkCoverageMeasure.YouthLeague,
        "women_federation" => WorkCoverageMeasure.WomenFederation,
        _ => WorkCoverageMeasure.Instructor,
    };

    private void FindPairings(Clause clause)
    {
        if (rules.Pairing.FindAll(text, clause.Start, clause.End).FirstOrDefault(v => !IsAttributive(v)) is not { Word: not null } verb
            || IsBlocked(clause, verb.Position))
        {
            return;
        }

        // "德润物业这块的帮扶组建我来负责", "本人自本月起一对一帮扶…": the sender takes it on, said before or after the verb.
        // "我们社区副书记王芳一对一帮扶阳光社工": a name right before the verb does it, though 我们 owns its title (r20-uunits).
        var secretary = OwnedTitlePersonBefore(clause, verb.Position) is { } named ? named
            : rules.Agents.Self.ContainsAny(text, clause.Start, verb.Position) || rules.SelfAgent.ContainsAny(text, verb.Position, clause.End)
            || SelfInRoleKey() || SenderClaimsPairing(clause)
            ? sender.Name : PersonBefore(clause, verb.Position) ?? HolderAfterLink(rules.HandingVerbs, verb.Position) ?? Secretary();
        List<OrganizationMention?> after = [.. MentionsIn(clause).Where(m => m.Start >= verb.Position + verb.Word.Length)];
        var targets = after.Count > 0 ? after : TargetsFor(clause, verb.Position, wholeClause: false);
        foreach (var target in targets)
        {
            // "已经落实了一对一帮扶组建，由社区书记结对": one pairing per organisation, however many clauses say it.
            var said = drafts.FindIndex(d => d.Action.Kind == ActionKind.Pairing && d.Action.OrganizationId == target?.Organization?.Id
                && d.Action.Organization == target?.ReportedName);
            if (said >= 0)
            {
                drafts[said] = drafts[said] with { Action = drafts[said].Action with { Secretary = drafts[said].Action.Secretary ?? secretary } };
                continue;
            }

            Add(verb.Position, Record(ActionKind.Pairing, target, verb.Position) with { Secretary = secretary });
        }
    }

    /// <summary>
    /// "我们社区副书记王芳一对一帮扶阳光社工": a person named right before the verb after 我们/咱们 that owns the title (our
    /// community's deputy secretary), not the sender; null when no such name stands there ("我本周开始一对一帮扶…").
    /// </summary>
    private string? OwnedTitlePersonBefore(Clause clause, int verbAt)
    {
        var owner = Math.Max(text.LastIndexOf("我们", verbAt, verbAt - clause.Start + 1, StringComparison.Ordinal),
            text.LastIndexOf("咱们", verbAt, verbAt - clause.Start + 1, StringComparison.Ordinal));
        var titled = owner >= 0 && (rules.Titles.ContainsAny(text, owner + 2, verbAt)
            || text.AsSpan(owner + 2, verbAt - owner - 2).Contains("书记", StringComparison.Ordinal)
            || text.AsSpan(owner + 2, verbAt - owner - 2).Contains("委员", StringComparison.Ordinal)); // a party title: 副书记, 组织委员
        return titled && PersonBefore(clause, verbAt) is { } named
            && text.LastIndexOf(named, verbAt, StringComparison.Ordinal) is var at and > 0 && at > owner + 2
            && !rules.SelfAgent.ContainsAny(text, verbAt, clause.End) ? named : null;
    }

    /// <summary>"我一对一帮扶的佳和餐饮": a verb before 的 describes what follows; it reports nothing.</summary>
    private bool IsAttributive((int Position, string Word) verb) => text.AsSpan(verb.Position + verb.Word.Length).StartsWith("的");

    /// <summary>"李娜负责一对一帮扶": the name that does the verb, before it in its clause.</summary>
    private string? PersonBefore(Clause clause, int position)
    {
        var end = position;
        while (end > clause.Start && text[end - 1] == ' ')
        {
            end--; // voice input: "李娜 今天 一对一帮扶"
        }

        if (dates.FirstOrDefault(d => d.Start + d.Length == end && d.Start > clause.Start) is { } day)
        {
            end = day.Start;
            while (end > clause.Start && text[end - 1] == ' ')
            {
                end--;
            }
        }

        foreach (var link in (string[])["负责", "同志", "书记", "来", "将", "主动", "亲自"])
        {
            if (text.AsSpan(clause.Start, end - clause.Start).EndsWith(link))
            {
                end -= link.Length;
            }
        }

        // "陈建华今天表态了，智联物流由他来一对一帮扶": a pronoun (by 由) is the person a title named before it.
        if (end - clause.Start >= 1 && text[end - 1] is '他' or '她' && (end - 1 == clause.Start || !TextNormalizer.IsHan(text[end - 2]) || text[end - 2] == '由'))
        {
            return NameBeforePronoun(SentenceStartBefore(clause.Start), end - 1) ?? TitledPersonBefore(clause.Start);
        }

        // "宏图贸易的一对一帮扶": no name starts inside a unit's name or ends in the particle 的.
        return end - clause.Start >= 2 && !mentions.Any(m => m.Start < end && end <= m.End) && text[end - 1] != '的'
            && rules.Names.ReadBefore(text, end, clause.Start) is { } name && !InsideOrAtMention(end - name.Length) ? name : null;
    }

    /// <summary>
    /// "德兴社区的老鲍 鲍建勋 他来一对一帮扶": the pronoun after a pause resumes the name said right before it (a nickname the full name
    /// repeats, or a description, read as <see cref="PersonNames.ReadDescribed"/> reads it), else null.
    /// </summary>
    private string? NameBeforePronoun(int start, int pronoun)
    {
        var end = pronoun;
        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        return end - start >= 2 && rules.Names.ReadBefore(text, end, start) is { } name && !InsideOrAtMention(end - name.Length)
            && rules.Names.ReadDescribed(text, start, end) is { } described && described.Name == name ? name : null;
    }

    /// <summary>Where the sentence holding <paramref name="position"/> starts (after 。；！？ or a line break), at most 32 characters back.</summary>
    private int SentenceStartBefore(int position)
    {
        var start = position;
        while (start > 0 && position - start < 32 && text[start - 1] is not ('。' or '；' or ';' or '！' or '!' or '？' or '?' or '\n'))
        {
            start--;
        }

        return start;
    }

    /// <summary>The last person named after a place, unit or title word ("社区党委书记陈建华") before <paramref name="position"/>.</summary>
    private string? TitledPersonBefore(int position)
    {
        string? found = null;
        for (var i = 1; i < position; i++)
        {
            if (rules.Names.PrecededAt(text, i) && rules.Names.ReadAt(text, i, position) is { Length: >= 2 } name && rules.Names.ClosedAt(text, i + name.Length)
                && !InsideOrAtMention(i))
            {
                found = name;
                i += name.Length - 1;
            }
        }

        return found;
    }
}
