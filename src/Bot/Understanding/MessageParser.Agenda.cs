namespace InstructorBot.Bot.Understanding;

// Stage: a day's agenda (round 16, branch r16-uvisit). Whether a trip was made is said by aspect and mood, not by the verb:
// 去了/去过/去的/核对了 tell it done; 先/再/要/一会儿 before a trip with no perfective after it set out what the sender is about
// to do ("今天上午先去青禾文化走访一下 然后下午再去蓝海那边看看", "云启和蓝海都要跑一趟"): a plan, no record. Vocabulary as
// data: mood_operators agenda_operators, agenda_sequence, agenda_steps, not_aspect (AgentWords).
internal sealed partial class MessageParser
{
    /// <summary>
    /// True when the trip verb at <paramref name="position"/> (a visit or motion verb) is a step of an agenda: an agenda
    /// operator stands before the clause's first trip word (day words, 我, parts of the day and adverbs may stand between),
    /// or a sequence word (然后/接着) does and a clause before it is an agenda; and nothing says it was done: no perfective
    /// after the trip in its clause, no trip told as done in a clause before ("今天跑了三个地方 先到德润物业…"), no member
    /// found in a clause after ("先去安捷电子 发现两个党员").
    /// </summary>
    private bool IsAgendaTrip(Clause clause, int position)
    {
        if (rules.Visit.MatchAt(text, position) is null && rules.Motion.MatchAt(text, position) is null)
        {
            return false;
        }

        var index = clauses.IndexOf(clause);
        if (index < 0 || AgendaOperatorAt(clause) is not { } operatorKind || TripToldDone(clause, FirstTrip(clause, position)))
        {
            return false;
        }

        if (!operatorKind && !clauses.Take(index).Any(IsAgendaClause))
        {
            return false; // 然后 after an account: the next stop of a day told, not of one planned
        }

        for (var k = 0; k < clauses.Count; k++)
        {
            var other = clauses[k];
            if (k < index && FirstTripIn(other) is { } earlier && TripToldDone(other, earlier))
            {
                return false;
            }

            if (k > index && !other.IsQuestion && rules.Discovery.FindFirst(text, other.Start, other.End) is { } found
                && !IsNegatedOnly(other, found.Position) && !rules.Plan.ContainsAny(text, other.Start, found.Position))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A clause whose first trip is an agenda's (an operator of its own before it, nothing done).</summary>
    private bool IsAgendaClause(Clause clause) =>
        FirstTripIn(clause) is { } trip && AgendaOperatorAt(clause) == true && !TripToldDone(clause, trip);

    /// <summary>
    /// The operator before the clause's first trip: true for an agenda operator (先, 再, 要, 一会儿), false for a sequence
    /// word alone (然后, 接着), null for none.
    /// </summary>
    private bool? AgendaOperatorAt(Clause clause)
    {
        if (FirstTripIn(clause) is not { } trip)
        {
            return null;
        }

        bool? seen = null;
        var at = trip;
        for (var guard = 0; guard < 8 && at > clause.Start; guard++)
        {
            if (dates.FirstOrDefault(d => d.Start + d.Length == at && d.Start >= clause.Start) is { } day)
            {
                at = day.Start;
                continue;
            }

            var operatorLength = rules.Agents.AgendaOperators.LongestEndingAt(text, at);
            var sequenceLength = rules.Agents.AgendaSequence.LongestEndingAt(text, at);
            var stepLength = rules.Agents.AgendaSteps.LongestEndingAt(text, at);
            var length = Math.Max(operatorLength, Math.Max(sequenceLength, stepLength));
            if (length == 0 || at - length < clause.Start)
            {
                break;
            }

            if (operatorLength == length)
            {
                seen = true;
            }
            else if (sequenceLength == length)
            {
                seen ??= false;
            }

            at -= length;
        }

        return seen;
    }

    /// <summary>Where the clause's first trip word (a motion or visit verb) starts; null when it has none.</summary>
    private int? FirstTripIn(Clause clause)
    {
        var motion = rules.Motion.FindFirst(text, clause.Start, clause.End);
        var visit = rules.Visit.FindFirst(text, clause.Start, clause.End);
        return (motion, visit) switch
        {
            ({ } m, { } v) => Math.Min(m.Position, v.Position),
            ({ } m, null) => m.Position,
            (null, { } v) => v.Position,
            _ => null,
        };
    }

    /// <summary>Where the stretch with no pause from <paramref name="at"/> ends (the next separator), at least <paramref name="end"/>.</summary>
    private int StretchEnd(int at, int end)
    {
        var stop = Math.Max(at, end);
        while (stop < text.Length && !IsSeparator(text[stop]))
        {
            stop++;
        }

        return stop;
    }

    private int FirstTrip(Clause clause, int position) => FirstTripIn(clause) is { } first && first <= position ? first : position;

    /// <summary>
    /// Perfective aspect after the trip at <paramref name="trip"/> in its clause: 了 (not inside 了解/为了), 过 right after a
    /// trip word (去过, 走访过; not 过去), 的 right after a motion word (去的, 到的; not 的话).
    /// </summary>
    private bool TripToldDone(Clause clause, int trip)
    {
        var end = StretchEnd(trip, clause.End); // a clause cut at 和/上午 with no pause goes on to the verb's aspect
        for (var at = trip; at < end; at++)
        {
            if (text[at] == '了' && !rules.Agents.NotAspect.ContainsAny(text, Math.Max(clause.Start, at - 1), Math.Min(end, at + 3)))
            {
                return true;
            }
        }

        foreach (var word in (ReadOnlySpan<string?>)[rules.Motion.MatchAt(text, trip), rules.Visit.MatchAt(text, trip)])
        {
            if (word is null)
            {
                continue;
            }

            var after = trip + word.Length;
            if (after < clause.End && text[after] == '过' && !(after + 1 < text.Length && text[after + 1] is '去' or '来'))
            {
                return true;
            }

            if (after < clause.End && text[after] == '的' && !(after + 1 < text.Length && text[after + 1] == '话') && rules.Motion.MatchAt(text, trip) == word)
            {
                return true;
            }
        }

        return false;
    }
}
