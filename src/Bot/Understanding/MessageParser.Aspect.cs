namespace InstructorBot.Bot.Understanding;

// Stage: the aspect and time of a verb that sets a body up (round 14, branch r14-unarr). A story tells news beside what
// was already so and what is still ahead; only the news is a formation. A formation verb (formation_verbs) is no
// formation now when it is
// - background: a time before this year said before it in its clause ("他们是功能型支部 去年就建起来了", "早在2019年就
//   建了党支部", "党支部是前年成立的");
// - paperwork or topic: the verb phrase modifies a noun of paperwork or of talk (V + object + 的 + 材料/申请/报告/事/问题:
//   "建支部的材料已经交到街道了", "跟会长聊了聊建支部的事"), a relative clause, no event;
// - potential: a negated potential complement right after the verb ("暂时建不了支部", "支部一时建不起来");
// - pending: its sentence says approval is still awaited ("还在等批复", "批复还没下来");
// - prospective: an effort or a deadline ahead governs it (争取/力争/春节前 before it in its clause), or it is the bare
//   result of a 把 construction with no perfective 了 after it and no 已 in its clause ("争取年底前把支部建起来").
// The relaxed formation frame of the second opinion asks the same: where the message has formation verbs and none is
// news, it adds no formation. Vocabulary as data: mood_operators (AspectWords).
internal sealed partial class MessageParser
{
    /// <summary>How far after a formation verb its object and 的 may reach ("建党总支的报告": 3 characters to 的).</summary>
    private const int ObjectReach = 6;

    /// <summary>True where the formation verb at <paramref name="position"/> says no body set up now (background, paperwork, pending, ahead).</summary>
    private bool IsNoSettingUpNow(Clause clause, int position, int verbLength) =>
        IsBackgroundSetUp(clause, position) || IsPaperworkOf(clause, position + verbLength) || IsPendingApproval(clause)
        || IsProspectiveSetUp(clause, position, verbLength) || NoProgressAfter(clause, position + verbLength) // MessageParser.Unmeant.cs: "…到现在还没动静"
        || IsFormerForm(clause, position) // MessageParser.FormationSlots.cs
        || rules.Aspect.PotentialNegatives.MatchAt(text, position + verbLength, clause.End) is not null; // "暂时建不了支部": it cannot be done

    /// <summary>"去年就建起来了", "早在2019年就建了", "是前年成立的": a time before this year before the verb in its clause.</summary>
    private bool IsBackgroundSetUp(Clause clause, int position)
    {
        if (rules.Aspect.BackgroundTimes.FindAll(text, clause.Start, position).Any(w => !InMention(w.Position)))
        {
            return true;
        }

        // "2019年", "二〇一九年": a year said before this one.
        for (var i = clause.Start; i + 4 < position; i++)
        {
            if (text[i + 4] == '年' && int.TryParse(text.AsSpan(i, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                && year >= 1949 && year < today.Year && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"建支部的材料", "建党总支的报告", "成立党支部的请示": the verb phrase, then 的 and a noun of paperwork, within reach.</summary>
    private bool IsPaperworkOf(Clause clause, int verbEnd)
    {
        var end = Math.Min(clause.End, verbEnd + ObjectReach);
        for (var i = verbEnd; i < end; i++)
        {
            if (text[i] == '了' || text[i] == '，' || text[i] == ' ')
            {
                return false; // "建了党支部的…": the act said done
            }

            if (text[i] == '的')
            {
                return rules.Aspect.PendingNouns.MatchAt(text, i + 1, clause.End) is not null
                    || (rules.Aspect.TopicNouns.MatchAt(text, i + 1, clause.End) is not null && text.AsSpan(clause.Start, verbEnd - clause.Start).Contains('了')); // "聊了聊建支部的事": a talk told done
            }
        }

        return false;
    }

    /// <summary>"…材料已经报到街道，还在等批复": a word of approval awaited in the verb's sentence.</summary>
    private bool IsPendingApproval(Clause clause)
    {
        var (start, end) = SentenceAround(clause);
        return rules.Aspect.PendingStatus.ContainsAny(text, start, end);
    }

    /// <summary>
    /// "力争春节前把党支部建起来", "争取年底前把支部建起来": an effort or a deadline ahead before the verb in its clause; or 把 + the
    /// verb with no 了 after it in the clause and no 已 before it (the result not yet reached).
    /// </summary>
    private bool IsProspectiveSetUp(Clause clause, int position, int verbLength)
    {
        if (rules.Aspect.ProspectiveEfforts.FindAll(text, clause.Start, position).Any(w => !InMention(w.Position)))
        {
            return true;
        }

        var ba = text.IndexOf('把', clause.Start, position - clause.Start);
        if (ba < 0 || InMention(ba))
        {
            return false;
        }

        var after = position + verbLength;
        return text.IndexOf('了', after, clause.End - after) < 0 && (after >= text.Length || text[after] != '了')
            && text.IndexOf('已', clause.Start, position - clause.Start) < 0
            && !dates.Any(d => d.Start >= clause.Start && d.Start < position && d.Date <= today);
    }

    /// <summary>The sentence a clause belongs to, as a span: from the first clause after a sentence end to the next end.</summary>
    private (int Start, int End) SentenceAround(Clause clause)
    {
        var index = clauses.IndexOf(clause);
        if (index < 0)
        {
            return (clause.Start, clause.End);
        }

        var first = index;
        while (first > 0 && !EndsSentence(clauses[first - 1], clauses[first]))
        {
            first--;
        }

        var last = index;
        while (last + 1 < clauses.Count && !EndsSentence(clauses[last], clauses[last + 1]))
        {
            last++;
        }

        return (clauses[first].Start, clauses[last].End);
    }

    /// <summary>
    /// True where the message has formation verbs outside names and every one says no body set up now: the relaxed formation
    /// frame then adds none ("陪社区党委书记去了云启网络 … 争取年底前把支部建起来": the 党委 of a title is no news either).
    /// </summary>
    private bool NoSettingUpNowSaid()
    {
        var any = false;
        foreach (var clause in clauses.Where(c => !c.IsQuestion))
        {
            foreach (var (at, word) in rules.Formation.FindAll(text, clause.Start, clause.End))
            {
                if (InMention(at) || InLeaderSpan(at) || InPersonName(at))
                {
                    continue; // "党委书记陈建国": 建 inside a name is no verb
                }

                any = true;
                if (!IsNoSettingUpNow(clause, at, word.Length))
                {
                    return false;
                }
            }
        }

        return any;
    }

    /// <summary>"书记陈建国", "叫王建军": the character at <paramref name="position"/> is inside a person's name right after a title or 叫 (a unit's name before it, "…有限公司单独建了", is no title).</summary>
    private bool InPersonName(int position)
    {
        for (var surname = Math.Max(0, position - 2); surname < position; surname++)
        {
            if (rules.Names.ReadAt(text, surname) is { } name && surname + name.Length > position
                && surname > 0 && !InMention(surname - 1) && (rules.Names.PrecededAt(text, surname) || text[surname - 1] is '叫'))
            {
                return true;
            }
        }

        return false;
    }
}
