namespace InstructorBot.Bot.Understanding;

// Stage: the slots that hold a person (formation.secretary, work_coverage.person, pairing.secretary). The name itself is read by
// PersonNames (surname list and boundary classes as data); this file reads where a holder stands around the post word.
internal sealed partial class MessageParser
{
    /// <summary>
    /// "帮扶人：本人", "帮扶责任人：我", "指导员: 本人": a form line whose key names a person's role (<c>person_role_keys</c>)
    /// and whose value is a first-person word is the sender.
    /// </summary>
    private bool SelfInRoleKey()
    {
        foreach (var (position, key) in rules.PersonRoleKeys.FindAll(text))
        {
            var i = position + key.Length;
            if (i >= text.Length || text[i] is not ('：' or ':'))
            {
                continue;
            }

            i++;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (rules.Agents.Self.MatchAt(text, i) is { } self && !(i + self.Length < text.Length && text[i + self.Length] == '们'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The holder named after a post word and its link (是/为/叫/让/请/由 + the name): "书记让汇通的汤志刚来干", "指导员是龙城街道的石磊磊";
    /// a name alone in apposition after a pause ("指导员，黄晓明同志，"); the sender for a first-person word.
    /// </summary>
    private string? HolderAfterPost(int position, bool selfAllowed)
    {
        if (position < text.Length && text[position] is '，' or ',' or ' ')
        {
            // "派了党建指导员，黄晓明同志，今天开始对接": a name in apposition after a pause, alone (closed by 同志 or a pause).
            var at = position + 1;
            if (rules.Names.ReadAt(text, at) is { Length: >= 2 } apposed && !apposed.Skip(1).Any(ChineseNumber.IsNumeralChar)
                && ClosesApposition(at + apposed.Length))
            {
                return apposed;
            }

            // "派驻了个党建指导员，街道党建办的陈晓东，", "选派了指导员，区财政局下派的何佳琪": a description, then the name alone.
            return rules.Names.ReadDescribed(text, at, ClauseEndAfter(at)) is { } described && described.Start > at && !InsideOrAtMention(described.Start)
                && ClosesApposition(described.Start + described.Name.Length)
                ? described.Name
                : null;
        }

        if (position < text.Length && text[position] is '让' or '请' or '叫' or '由' or '是' or '为')
        {
            position++;
        }

        if (selfAllowed && rules.Agents.Self.MatchAt(text, position) is { } self && !(position + self.Length < text.Length && text[position + self.Length] == '们'))
        {
            return sender.Name;
        }

        return rules.Names.ReadHolder(text, position);
    }

    /// <summary>A name in apposition closes at the end, a pause, a parenthesis or 同志.</summary>
    private bool ClosesApposition(int end) =>
        end == text.Length || text[end] is '，' or ',' or '。' or ' ' or '（' or '(' || text.AsSpan(end).StartsWith("同志");

    /// <summary>Where the sentence that goes on at <paramref name="position"/> ends (。；！？ or a line break), at most <paramref name="reach"/> characters on.</summary>
    private int ClauseEndAfter(int position, int reach = 32)
    {
        var end = position;
        while (end < text.Length && end - position < reach && text[end] is not ('。' or '；' or ';' or '！' or '!' or '？' or '?' or '\n'))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// "一对一帮扶交给街道的邹建华了", "指导员换成小周，周文斌": the holder named after a handing verb or a change link
    /// (<c>holder_phrases</c>) in the stretch from <paramref name="start"/> to the end of its sentence (at most 24 characters on).
    /// </summary>
    private string? HolderAfterLink(KeywordSet linkWords, int start)
    {
        var end = ClauseEndAfter(start, reach: 24);
        foreach (var (position, word) in linkWords.FindAll(text, start, end))
        {
            if (!InsideOrAtMention(position) && HolderAfterPost(position + word.Length, selfAllowed: true) is { } holder)
            {
                return holder;
            }
        }

        return null;
    }

    /// <summary>
    /// "林青禾自己当书记", "章正衡今天被选为联合党支部书记", "葛晓峰来当": the holder is the subject of a serve verb
    /// (<c>secretary_serve_verbs</c>, <c>serve_verbs</c>, <c>elected_verbs</c>) whose object is the post word at <paramref name="post"/>,
    /// in the same clause; the words between the name and the verb (自己, 今天, 来) are stepped over by PersonNames.
    /// </summary>
    private string? HolderBeforeServe(int post)
    {
        var clauseStart = post;
        while (clauseStart > 0 && !IsSeparator(text[clauseStart - 1]) && post - clauseStart < 24)
        {
            clauseStart--;
        }

        (int Position, string Word)? serve = null;
        foreach (var found in rules.HolderServeVerbs.FindAll(text, clauseStart, post))
        {
            serve = found;
        }

        if (serve is not { } verb || verb.Position - clauseStart < 2)
        {
            return null;
        }

        // No mention check: a name may hold an organisation's short name ("章正衡" holds 正衡); the surname list decides.
        return rules.Names.ReadBefore(text, verb.Position, clauseStart);
    }

    /// <summary>
    /// "孙磊昨天去仁爱医院又排查出两个流动党员", "街道组织员黄海涛上午去了德润物业", "街道党建办王强同志12月15日已走访":
    /// a person named as the subject of the verb at <paramref name="position"/> — at the start of its clause or right after a
    /// place, unit or title word or 的, closed by a word that follows names (同志, 今天, 上午, 在, 已) — who is not the
    /// sender: someone else's work. A name after 陪/跟着/带着/替 in the clause went along or stood in (MessageParser.Agents.cs).
    /// </summary>
    private bool IsNamedOthersAct(int position)
    {
        var clause = clauses.FirstOrDefault(c => c.Start <= position && position <= c.End);
        if (clause is null)
        {
            return false;
        }

        for (var i = clause.Start; i < position - 1; i++)
        {
            var opens = i == clause.Start || text[i - 1] is ' ' or '的' || rules.Names.PrecededAt(text, i);
            if (!opens || InsideOrAtMention(i) || dates.Any(d => d.Start <= i && i < d.Start + d.Length)
                || rules.Agents.ScopeClosers.MatchAt(text, i, position) is not null) // "但是前天…": 但 is a surname, 但是 no name
            {
                continue;
            }

            if (rules.Names.ReadAt(text, i, position) is not { Length: >= 2 } name || !rules.Names.ClosedAt(text, i + name.Length)
                || name.Skip(1).Any(ChineseNumber.IsNumeralChar) || InsideOrAtMention(i + name.Length - 1))
            {
                continue;
            }

            return name != sender.Name
                && !rules.Agents.Companions.ContainsAny(text, clause.Start, i) && !rules.Agents.StandIns.ContainsAny(text, clause.Start, i);
        }

        return false;
    }
}
