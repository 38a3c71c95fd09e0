namespace InstructorBot.Bot.Understanding;

// Stage: the day of an instructor's appointment, read from the clauses that belong to it.
internal sealed partial class MessageParser
{
    /// <summary>
    /// The day an instructor was appointed at <paramref name="at"/> in <paramref name="clause"/>. A day belongs to the fact of its
    /// own clause: "街道派了林晓峰去当党建指导员 然后…上周四把妇委会也成立了" (上周四 dates the 妇委会, the appointment is today),
    /// "昨天妇委会成立了 街道还派了陈刚去当党建指导员 今天就开始" (昨天 dates the 妇委会; 今天 closes the appointment). So: a day
    /// said in the appointment's clause; else a past day in the clause right after it when that clause reports no fact of its own
    /// ("今天就开始"); else the day said before, unless its clause reports another fact (a body founded, a visit, a formation);
    /// else today. A day in a later clause with its own fact never dates it.
    /// </summary>
    private DateOnly AppointmentDay(Clause clause, int at)
    {
        DateMention? own = null;
        foreach (var date in dates)
        {
            if (date.Start >= clause.Start && date.Start < clause.End && (own is null || date.Start < at))
            {
                own = date; // the last day before the verb in the clause, else its first day
            }
        }

        if (own is not null)
        {
            return own.Date;
        }

        if (clauses.FirstOrDefault(c => c.Start >= clause.End) is { } next && !ReportsFactOfItsOwn(next, visitsCount: true)
            && dates.FirstOrDefault(d => d.Start >= next.Start && d.Start < next.End && d.Date <= today) is { } closing)
        {
            return closing.Date;
        }

        if (dates.LastOrDefault(d => d.Start < clause.Start) is { } before)
        {
            var beforeClause = clauses.FirstOrDefault(c => c.Start <= before.Start && before.Start < c.End);
            return beforeClause is not null && ReportsFactOfItsOwn(beforeClause, visitsCount: false) ? today : before.Date;
        }

        return today;
    }

    /// <summary>
    /// A clause that says a fact a day can date: a body founded (团支部成立了), a formation, and with <paramref name="visitsCount"/>
    /// a visit. A visit's day said before an appointment still dates it ("昨天去了顺达 街道派了…"): what was learnt on the visit.
    /// </summary>
    private bool ReportsFactOfItsOwn(Clause clause, bool visitsCount) =>
        rules.MassVerbs.ContainsAny(text, clause.Start, clause.End) && rules.PartyAndMassWords.ContainsAny(text, clause.Start, clause.End)
        || rules.Formation.ContainsAny(text, clause.Start, clause.End)
        || visitsCount && rules.Visit.ContainsAny(text, clause.Start, clause.End);
}
