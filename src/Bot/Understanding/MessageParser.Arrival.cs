namespace InstructorBot.Bot.Understanding;

// Stage: being there, said with no visit verb (round 16, branch r16-uvisit). A clause that places the sender at a unit in
// the past is a visit when its aspect says done: the unit as the topic, then arrival or leaving or a stay or activity told
// done ("云启科技到了", "明德学校我刚出来", "顺达快递那边我下午坐了一个钟头", "微光软件这边聊完了"); a talk held with a
// unit's people face to face ("跟安捷电子的人事经理当面聊了一下午"); going to a unit said only by its kind ("上午去的那个协会",
// "去事务所把花名册核对了一遍": the unit is asked). Plans and agendas are blocked as every trip (MessageParser.Agenda.cs).
// Vocabulary as data: mood_operators presence_gaps, presence_verbs, finished_activities, remote_words (AgentWords).
internal sealed partial class MessageParser
{
    /// <summary>
    /// The unit as the topic: a named unit opening its clause (a day and fillers may stand before it), then only words of
    /// <c>presence_gaps</c> (那边, 我, 刚, 上午) and days, then arrival or leaving (到了, 出来), a stay with 了 (坐了, 聊了聊), an
    /// activity with 了 when 我 is said (我上午核对了), or one finished (聊完). The sender is the one there: no one else is the doer.
    /// </summary>
    private int? PresenceAsTopic(Clause clause)
    {
        var lead = ClauseLead(clause);
        var mention = MentionsIn(clause).FirstOrDefault();
        if (mention is null || mention.IsGeneric || mention.Start < lead || !OnlyDaysBetween(lead, mention.Start))
        {
            return null;
        }

        // "顺达快递那边我 | 下午坐了一个钟头": a clause cut at a part of the day with no pause goes on to the verb.
        var end = StretchEnd(mention.End, clause.End); // MessageParser.Agenda.cs
        var at = mention.End;
        var selfSaid = false;
        for (var guard = 0; guard < 6 && at < end; guard++)
        {
            if (dates.FirstOrDefault(d => d.Start == at) is { } day)
            {
                at += day.Length;
            }
            else if (rules.Agents.Self.MatchAt(text, at, end) is { } self)
            {
                at += self.Length + (at + self.Length < end && text[at + self.Length] == '们' ? 1 : 0);
                selfSaid = true;
            }
            else if (rules.Agents.PresenceGaps.MatchAt(text, at, end) is { } gap)
            {
                at += gap.Length;
            }
            else
            {
                break;
            }
        }

        if (at >= end || IsBlocked(ClauseAt(at), at) || DoerBefore(at) == Agent.Other)
        {
            return null;
        }

        if (rules.Agents.PresenceVerbs.MatchAt(text, at, end) is { } arrived)
        {
            var after = at + arrived.Length;
            return after >= end || IsSeparator(text[after]) || text[after] is '了' or '啦' ? at : null;
        }

        if (rules.Agents.FinishedActivities.MatchAt(text, at, end) is not null)
        {
            return at;
        }

        // "阳光社工今儿开了个会": with no 我 said, an activity (开了, 搞了) is the unit's own; only a stay places the sender there.
        if (!selfSaid && rules.Agents.UnitActs.MatchAt(text, at, end) is not null)
        {
            return null;
        }

        return (rules.VisitStayVerbs.MatchAt(text, at, end) ?? (selfSaid ? rules.VisitActivities.MatchAt(text, at, end) : null)) is { } did
            && text.AsSpan(at, did.Length).Contains('了') ? at : null;
    }

    /// <summary>
    /// "跟安捷电子的人事经理当面聊了一下午": 跟/和/同 + a named unit + (的) + a person of it (a title, a staff noun or a name, up to
    /// six characters) + an activity told done, with no word of a call, a chat group or a meeting elsewhere in the clause.
    /// </summary>
    private int? MetWithUnitsPeople(Clause clause)
    {
        if (rules.Agents.RemoteWords.ContainsAny(text, clause.Start, clause.End))
        {
            return null;
        }

        foreach (var mention in MentionsIn(clause))
        {
            if (mention.IsGeneric || mention.Start == 0 || text[mention.Start - 1] is not ('跟' or '和' or '同') || mention.Start - 1 < clause.Start)
            {
                continue;
            }

            var from = mention.End < clause.End && text[mention.End] == '的' ? mention.End + 1 : mention.End;
            for (var at = from + 1; at < clause.End && at <= from + 6; at++)
            {
                if (rules.VisitActivities.MatchAt(text, at, clause.End) is not { } did || !text.AsSpan(at, did.Length).Contains('了'))
                {
                    continue;
                }

                var person = text.AsSpan(from, at - from);
                if (person.IndexOfAny(" ，,。；;！!？?") >= 0 || !(rules.Titles.ContainsAny(text, from, at) || rules.StaffNouns.ContainsAny(text, from, at)
                    || rules.Names.ReadAt(text, from) is not null || person.EndsWith("当面")))
                {
                    break;
                }

                return IsBlocked(clause, at) || DoerBefore(mention.Start - 1) == Agent.Other ? null : at;
            }
        }

        return null;
    }

    /// <summary>
    /// A motion verb, then (了/的, a demonstrative) a unit's kind alone ("去的那个协会", "去事务所把…核对了一遍", "去协会了"),
    /// told done in its clause: a visit to a unit not named here; the organisation is the one the message is about, or asked.
    /// </summary>
    private bool UnnamedUnitAfterMotion(Clause clause, int position, int next)
    {
        var at = next;
        if (at < clause.End && text[at] is '了' or '的')
        {
            at++;
        }

        if (rules.Demonstratives.MatchAt(text, at, clause.End) is { } pointer)
        {
            at += pointer.Length;
            if (at < clause.End && text[at] is '个' or '家')
            {
                at++;
            }
        }

        return rules.Agents.UnitNouns.MatchAt(text, at, clause.End) is { } noun
            && !mentions.Any(m => !m.IsGeneric && m.Start >= next && m.Start < at + noun.Length)
            && TripToldDone(clause, position) && !IsBlocked(clause, position) && DoerBefore(position) != Agent.Other;
    }

    /// <summary>"下午顺便过去跟老板打了个招呼": after 过去, 跟/和 + the one met (up to five characters, no pause) + an activity.</summary>
    private bool MetAfterGoingOver(int from, int end)
    {
        if (from >= end || text[from] is not ('跟' or '和' or '同' or '给'))
        {
            return false;
        }

        for (var at = from + 2; at < end && at <= from + 6; at++)
        {
            if (IsSeparator(text[at - 1]))
            {
                return false;
            }

            if (rules.VisitActivities.MatchAt(text, at, end) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Nothing but blanks, fillers and days between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private bool OnlyDaysBetween(int from, int to)
    {
        var at = from;
        while (at < to)
        {
            if (text[at] == ' ')
            {
                at++;
            }
            else if (dates.FirstOrDefault(d => d.Start == at) is { } day)
            {
                at += day.Length;
            }
            else if (rules.SpokenFillers.MatchAt(text, at, to) is { } filler)
            {
                at += filler.Length;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
