using InstructorBot.Bot.Understanding.Tokens;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: the formation frame (verb, party body, method, mode, level, members, secretary).
internal sealed partial class MessageParser
{
    private string? Secretary()
    {
        if (SecretarySaidAgain() is { } again)
        {
            return again; // MessageParser.PostSaidAgain.cs: the post said again after a repair
        }

        // 由智国栋担任书记 / 由陈晨同志任党支部书记.
        for (var i = text.IndexOf('由'); i >= 0; i = text.IndexOf('由', i + 1))
        {
            if (rules.Names.ReadAt(text, i + 1) is { } name && FollowedByServe(i + 1 + name.Length) && !InsideOrAtMention(i + 1)
                && text.IndexOf("书记", i, StringComparison.Ordinal) is var secretaryAt && secretaryAt > 0 && secretaryAt - i < name.Length + 12)
            {
                return name;
            }

            // 书记由物业经理徐峰担任, 书记由华鼎精密党支部副书记黄志强兼任: a title (and its organisation) between 由 and the name.
            var clauseEnd = i;
            while (clauseEnd < text.Length && clauseEnd - i < 24 && !IsSeparator(text[clauseEnd]))
            {
                clauseEnd++;
            }

            var serve = rules.SecretaryServeVerbs.FindFirst(text, i + 1, clauseEnd)?.Position ?? -1;
            var said = text.LastIndexOf("书记", i, StringComparison.Ordinal);
            if (serve > i + 2 && said >= 0 && i - said <= 2
                && (text.AsSpan(i, serve - i).EndsWith("同志") ? serve - 2 : serve) is var nameEnd
                && rules.Names.ReadBefore(text, nameEnd, i + 1) is { } titled && !InsideOrAtMention(nameEnd - titled.Length))
            {
                // "主任律师郑正": the title's last character is no surname.
                return titled.Length == 3 && rules.Titles.EndsAt(text, nameEnd - 2, i + 1) ? titled[1..] : titled;
            }
        }

        for (var at = text.IndexOf("书记", StringComparison.Ordinal); at >= 0; at = text.IndexOf("书记", at + 2, StringComparison.Ordinal))
        {
            var j = at + 2;
            j += rules.SettledWords.MatchAt(text, j)?.Length ?? 0; // "书记定的林晓"
            j = CopulaAfterPause(j); // "选出书记了 叫钟美好", "书记选出来了，是总经理助理陈亮", "书记还是黄鼎新"
            if (j < text.Length && text[j] is '是' or '为' or ':' or '由' or '叫')
            {
                j = AfterHesitation(j + 1); // "书记是 嗯 社区派的周敏"
            }

            if (NameAfterTitleChain(j) is { } chainedName)
            {
                return chainedName; // "书记是罗岗社区党委副书记李娜", "书记是学校副校长兼工会主席林晓东"
            }

            if (NameAfterTitle(j) is { } titledName)
            {
                return titledName; // "书记是项目主管杨光", "书记为人事部经理黄鼎新"
            }

            if (text.AsSpan(j).StartsWith("我") && !text.AsSpan(j).StartsWith("我们"))
            {
                return sender.Name;
            }

            if (HolderAfterPost(j, selfAllowed: false) is { } name)
            {
                return name; // MessageParser.People.cs: "书记让汇通的汤志刚来干"
            }

            if (ElectedHolderBefore(at) is { } elected)
            {
                return elected; // MessageParser.FormationSlots.cs: "选举许文静同志为支部书记"
            }

            var nameEnd = at;
            // "孙磊当书记", "陈明来当书记": the serving verbs of the vocabulary (secretary_serve_verbs), then 当选/任/为/是.
            foreach (var link in rules.Vocabulary.SecretaryServeVerbs.Concat(["当选", "任", "为", "是"]).OrderByDescending(w => w.Length))
            {
                if (text.AsSpan(0, nameEnd).EndsWith(link))
                {
                    nameEnd -= link.Length;
                    break;
                }
            }

            if (text.AsSpan(0, nameEnd).EndsWith("同志"))
            {
                nameEnd -= 2; // "杨光同志当选书记": the honorific after the name
            }

            if (rules.Names.ReadBefore(text, nameEnd) is { } before)
            {
                // "党建专干陈明当书记": the title's last character (干) is no surname.
                return before.Length == 3 && rules.Titles.EndsAt(text, nameEnd - 2, Math.Max(0, nameEnd - 10)) ? before[1..] : before;
            }

            if (HolderBeforeServe(at) is { } holder)
            {
                return holder; // MessageParser.People.cs: "章正衡今天被选为联合党支部书记"
            }

            // A surname the list lacks ("书记墨书"): two or three characters that end the clause.
            var end = j;
            while (end < text.Length && end - j < 3 && TextNormalizer.IsHan(text[end]) && rules.Names.StopwordAt(text, end) is null)
            {
                end++;
            }

            if (end - j >= 2 && (end == text.Length || !TextNormalizer.IsHan(text[end]) || rules.Names.StopwordAt(text, end) is not null)
                && !rules.Names.TitledSurnameAt(text, j))
            {
                return text[j..end];
            }
        }

        return null;
    }

    /// <summary>
    /// After a post word (书记, 书记选出来): the 是/叫 that names its holder when 了 and a pause come first ("书记了 叫…", "选出来了，
    /// 是…"), or the 是 of 还是/仍是/依然是 ("书记还是黄鼎新": the holder stays); else <paramref name="j"/> unchanged.
    /// </summary>
    private int CopulaAfterPause(int j)
    {
        foreach (var still in (string[])["还是", "仍是", "依然是", "仍然是", "依旧是"])
        {
            if (text.AsSpan(j).StartsWith(still))
            {
                return j + still.Length - 1;
            }
        }

        var k = j < text.Length && text[j] == '了' ? j + 1 : j;
        while (k < text.Length && text[k] is ' ' or '，' or ',')
        {
            k++;
        }

        return k > j && k < text.Length && k + 1 < text.Length && text[k] is '是' or '叫' && k - j <= 3 ? k : j;
    }

    private bool InsideOrAtMention(int position) => mentions.Any(m => m.Start <= position && position < m.End);

    /// <summary>A job title within a few characters of <paramref name="start"/> ("人事部经理"), then a person's name.</summary>
    /// <summary>
    /// "书记是坂田街道党工委组织委员陈建国": a chain of places, bodies and titles after 书记是 whose last word is a title
    /// (<c>titles</c>, <c>chain_titles</c>: 副书记, 委员, 主席), then the name closing the clause (or before 担任/兼任).
    /// </summary>
    private string? NameAfterTitleChain(int start)
    {
        var end = start;
        while (end < text.Length && TextNormalizer.IsHan(text[end]) && !IsSeparator(text[end]))
        {
            end++;
        }

        var serve = rules.SecretaryServeVerbs.FindFirst(text, start, end);
        if (serve is { } verb)
        {
            end = verb.Position;
        }

        if (text.AsSpan(start, end - start).EndsWith("同志"))
        {
            end -= 2;
        }

        if (rules.Names.ReadBefore(text, end, start) is not { } name || end - name.Length - start < 3)
        {
            return null;
        }

        var nameStart = end - name.Length;
        if (name.Length == 3 && (rules.ChainTitles.EndsAt(text, nameStart + 1, start) || rules.Titles.EndsAt(text, nameStart + 1, start)))
        {
            // "工会主席康丽": the title's last character (席) is no surname.
            name = name[1..];
            nameStart++;
        }

        return (rules.ChainTitles.EndsAt(text, nameStart, start) || rules.Titles.EndsAt(text, nameStart, start))
            && !mentions.Any(m => m.Start < end && nameStart < m.End) ? name : null;
    }

    /// <summary>
    /// "诚信会计师事务所组建党组织由我一对一帮扶", "佳和餐饮建党支部的事 由李娜一对一帮扶": a formation said as the task that
    /// 由 + an agent + a pairing verb takes on (in its clause or the next one opening with 由) is a noun phrase, nothing set up;
    /// said done (成立了, a day before it) it is a formation.
    /// </summary>
    private bool PairedByAgentAfter(Clause clause, int position, string verb)
    {
        // "智联物流党支部今天成立了，由我来结对帮扶": a formation said done (了, or a day before it) is one, then a pairing.
        if (verb.EndsWith('了') || text.AsSpan(position + verb.Length).StartsWith("了") || dates.Any(d => d.Start >= clause.Start && d.Start < position))
        {
            return false;
        }

        var end = clause.End;
        if (clauses.FirstOrDefault(c => c.Start >= clause.End) is { } next && text.AsSpan(next.Start).StartsWith("由"))
        {
            end = next.End;
        }

        for (var by = text.IndexOf('由', position, end - position); by >= 0; by = by + 1 < end ? text.IndexOf('由', by + 1, end - by - 1) : -1)
        {
            if (rules.Pairing.FindFirst(text, by + 1, Math.Min(end, by + 28)) is not null && !text.AsSpan(by, Math.Min(end, by + 28) - by).Contains('，'))
            {
                return true;
            }
        }

        // A pairing verb that says its own agent ("组建党组织归我包", "…由我包") after the formation verb in the clause.
        for (var at = position + verb.Length; at < clause.End; at++)
        {
            if (text[at] is '由' or '归' && rules.Pairing.MatchAt(text, at, clause.End) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private string? NameAfterTitle(int start)
    {
        for (var t = start; t < Math.Min(text.Length, start + 8) && TextNormalizer.IsHan(text[t]); t++)
        {
            if (rules.Titles.MatchAt(text, t) is { } title && rules.Names.ReadAt(text, t + title.Length) is { Length: >= 2 } name
                && !mentions.Any(m => m.Start <= t + title.Length && t + title.Length < m.End))
            {
                return name;
            }
        }

        return null;
    }

    private void FindFormation()
    {
        // "适合建支部还是建总支": a clause asking which form suits is a question, whatever its punctuation.
        // A helper's clause ("恒信建筑党支部派驻帮建" before the joint body's own clause) sets up nothing itself.
        foreach (var clause in clauses.Where(c => !c.IsQuestion && !rules.AsksAdvice(text[c.Start..c.End]) && FrameOf(c) != FrameType.Helper))
        {
            for (var position = clause.Start; position < clause.End; position++)
            {
                if (HostedFormationAt(clause, position) is { } hostParty)
                {
                    AddFormation(clause, position, BodySetUpAfterHost(clause) ?? hostParty, hosted: true); // MessageParser.FormationSlots.cs
                    return;
                }

                if (SplitFormationAt(clause, position) is { } split)
                {
                    AddFormation(clause, split.End, split.Party);
                    return;
                }

                if (rules.Formation.MatchAt(text, position, clause.End) is not { } verb)
                {
                    continue;
                }

                // "恒信建筑党支部升级为党总支": 建 inside a name is no verb.
                // "建议该公司…": 建 that begins a plan word of its own is no verb.
                if (InLeaderSpan(position) || mentions.Any(m => m.Start <= position && position < m.End)
                    || rules.Plan.MatchAt(text, position) is { } planWord && planWord.Length > verb.Length
                    || PartyWordNear(clause, position, verb.Length) is not { } party || IsBlocked(clause, position)
                    || rules.Pairing.FindAll(text, clause.Start, position).Any(v => !IsAttributive(v))
                    || PairedByAgentAfter(clause, position, verb)
                    || IsPairingPurpose(clause, position, verb) // MessageParser.UnmetPlans.cs
                    || InPersonName(position) || IsNoSettingUpNow(clause, position, verb.Length) // MessageParser.Aspect.cs: 建 of 陈建国; background, paperwork, pending, ahead
                    || IsTalkTopic(clause, position, verb.Length) // MessageParser.Unmeant.cs: "跟老板聊聊建支部的事"
                    || NamesPairedWork(clause, position, verb)
                    || rules.SplitMarkers.ContainsAny(text, position, clause.End) // "从原来的联建党组织中拆分出来": the form left
                    || rules.LongDone.EndsAt(text, position, Math.Max(clause.Start, position - 3)) // "支部早就建了": it exists, not set up now
                    || text.AsSpan(clause.Start, position - clause.Start).Contains("换届", StringComparison.Ordinal) // "党支部换届选举结束": it existed
                    || NamesAnEventBeforeTheAct(clause, position, verb.Length))
                {
                    continue;
                }

                AddFormation(clause, position, party);
                return;
            }
        }
    }

    /// <summary>
    /// "德润物业从联合支部里单独分出来了": a unit split out of a joint body on its own (单独/独立 before or in the split marker),
    /// with no formation verb after it, has set up its own party organisation at the level of the body it left; the marker
    /// stands for the verb (with a verb after it, "…分出来，今天成立了党支部", the verb's clause is read instead).
    /// </summary>
    private (int End, string Party)? SplitFormationAt(Clause clause, int position)
    {
        if (rules.SplitMarkers.MatchAt(text, position, clause.End) is not { } marker || IsBlocked(clause, position)
            || !(rules.Single.ContainsAny(text, clause.Start, position) || marker.StartsWith('独') || rules.Single.ContainsAny(marker)) // 单独出来
            || rules.PartyAndMassWords.FindAll(text, clause.Start, position).LastOrDefault(w => rules.Vocabulary.PartyOrganizationWords.ContainsKey(w.Word)) is not { Word: { } party }
            || rules.Formation.ContainsAny(text, position + marker.Length))
        {
            return null;
        }

        return (position + marker.Length, party);
    }

    /// <summary>
    /// "顺达快递的党组织组建，由我一对一负责帮扶": a bare formation verb (no 了/好/完毕) closing a clause that a pairing clause
    /// follows names the work paired, not a formation done.
    /// </summary>
    private bool NamesPairedWork(Clause clause, int position, string verb)
    {
        var end = position + verb.Length;
        if (verb is not ("组建" or "成立" or "建立" or "建") || (end < clause.End && !IsSeparator(text[end])))
        {
            return false;
        }

        return clauses.FirstOrDefault(c => c.Start >= clause.End) is { } next && rules.Pairing.FindAll(text, next.Start, next.End).Any(v => !IsAttributive(v));
    }

    /// <summary>
    /// "参加了一个联合党支部的成立会。…成立了联合党支部": a formation verb before an event noun (会, 大会, 仪式) names the event;
    /// where a later clause sets the body up, the formation is read there, with the units said before it (round 24).
    /// </summary>
    private bool NamesAnEventBeforeTheAct(Clause clause, int position, int length)
    {
        return EventNounAfter(position + length) && rules.Formation.FindAll(text, clause.End)
            .Any(v => !EventNounAfter(v.Position + v.Word.Length) && !InLeaderSpan(v.Position) && PartyWordNear(ClauseAt(v.Position), v.Position, v.Word.Length) is not null);
    }

    // "算龙头带建" after "开了联合党支部成立大会" names the mode: the later verb must set a party body up itself.
    private bool EventNounAfter(int at) =>
        text.AsSpan(at).StartsWith("会") || text.AsSpan(at).StartsWith("大会") || text.AsSpan(at).StartsWith("仪式") || text.AsSpan(at).StartsWith("典礼");

    /// <summary>The party organisation word a formation verb governs: "成立了联合党支部", "党支部今天成立".</summary>
    private string? PartyWordNear(Clause clause, int verbAt, int verbLength)
    {
        var after = rules.PartyAndMassWords.FindAll(text, verbAt + verbLength, Math.Min(clause.End, verbAt + verbLength + 10))
            .FirstOrDefault(w => rules.Vocabulary.PartyOrganizationWords.ContainsKey(w.Word) || rules.Vocabulary.MassOrganizations.ContainsKey(w.Word));
        if (after.Word is not null)
        {
            return rules.Vocabulary.PartyOrganizationWords.ContainsKey(after.Word) ? after.Word : null;
        }

        var before = rules.PartyAndMassWords.FindAll(text, Math.Max(clause.Start, verbAt - 8), verbAt).LastOrDefault();
        if (before.Word is not null)
        {
            return rules.Vocabulary.PartyOrganizationWords.ContainsKey(before.Word) ? before.Word : null;
        }

        // "顺达快递昨天开党员大会选出了书记": a members' assembly that elects a secretary founds a branch, though none is named.
        if (text.AsSpan(clause.Start, verbAt - clause.Start).Contains("党员大会", StringComparison.Ordinal) && text.AsSpan(verbAt, verbLength).Contains("书记", StringComparison.Ordinal))
        {
            return "党支部";
        }

        // "德润物业的党支部从联合支部独立出来了 今天单独成立": the party body is the topic of the clause just before.
        var previous = clauses.LastOrDefault(c => c.End <= clause.Start);
        if (previous is null || previous.IsQuestion || rules.PartyAndMassWords.ContainsAny(text, verbAt, clause.End))
        {
            return null;
        }

        var topic = rules.PartyAndMassWords.FindAll(text, previous.Start, previous.End).FirstOrDefault(w => !InLeaderSpan(w.Position));
        return topic.Word is not null && rules.Vocabulary.PartyOrganizationWords.ContainsKey(topic.Word)
            && !rules.Formation.ContainsAny(text, previous.Start, previous.End) ? topic.Word : null;
    }
}
