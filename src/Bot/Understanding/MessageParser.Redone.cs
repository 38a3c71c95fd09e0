namespace InstructorBot.Bot.Understanding;

// Stage (round 21, r21-uvisit): an undo with a restatement lead (重记, 重新登记, 重新记为) says where the record as meant is:
// after the lead ("撤回上条。重记：今天华鼎物流，1个口袋党员") or, where nothing follows it, in the words before the undo
// ("昨天仁爱那条日期错了 是上周五去的 撤了重记").
internal sealed partial class MessageParser
{
    /// <summary>
    /// The undo and the record as meant, where the message holds a restatement lead: the records read from the words after
    /// the lead (its colon, 为, pauses skipped), else — the lead closing the message — from the words before the clause of
    /// the undo. A record restated in the report form (a day, then the unit, then its facts: "今天华鼎物流，1个口袋党员") is
    /// the day's visit there too. Null where the lead is not after an undo word or the words give no record.
    /// </summary>
    private UnderstandingResult? RecordRestated()
    {
        if (rules.Agents.RestatementLeads.FindFirst(text) is not { } lead)
        {
            return null;
        }

        var undoAt = rules.Undo.FindAll(text).Concat(rules.Agents.Retractions.FindAll(text)).Where(u => u.Position < lead.Position)
            .Select(u => u.Position).DefaultIfEmpty(-1).Min();
        if (undoAt < 0)
        {
            return null;
        }

        var from = lead.Position + lead.Word.Length;
        while (from < text.Length && (IsSeparator(text[from]) || text[from] is '：' or ':' or '为'))
        {
            from++;
        }

        var (start, end) = text.Length - from >= 4 ? (from, text.Length) : (0, EndBeforeClauseOf(undoAt));
        if (end - start < 4)
        {
            return null;
        }

        var records = ReaderOf(start, end, topic: null).Parse().Actions.Where(a => a.IsRecord).ToList();
        if (records.Count == 0)
        {
            return null;
        }

        if (!records.Exists(a => a.Kind == ActionKind.Visit) && ReportFormVisit(start, end, records) is { } visit)
        {
            records.Insert(0, visit);
        }

        return Finish([new UnderstoodAction(ActionKind.Undo), .. records]);
    }

    /// <summary>
    /// "今天华鼎物流，1个口袋党员": a day and right after it a unit open the words, the unit closing its clause (a log line's
    /// head); the unit's record of that day is its visit.
    /// </summary>
    private UnderstoodAction? ReportFormVisit(int start, int end, List<UnderstoodAction> records)
    {
        if (dates.FirstOrDefault(d => d.Start == start) is not { } day)
        {
            return null;
        }

        var at = day.Start + day.Length;
        while (at < end && text[at] == ' ')
        {
            at++;
        }

        if (mentions.FirstOrDefault(m => m.Start == at && !m.IsGeneric) is not { } unit
            || records.Find(r => r.Organization is not null && r.Organization == unit.ReportedName) is not { } record)
        {
            return null;
        }

        // The unit closes its clause, as a log line's head does ("今天华鼎物流，…", "12月4日恒信建筑：…"); a unit that is the
        // subject of a verb ("今天安捷排查出2个党员") reports that act only.
        var after = unit.End;
        if (after < end && !IsSeparator(text[after]) && text[after] is not ('：' or ':'))
        {
            return null;
        }

        return new UnderstoodAction(ActionKind.Visit)
        {
            Organization = record.Organization,
            OrganizationId = record.OrganizationId,
            Candidates = record.Candidates,
            Date = day.Date,
        };
    }

    /// <summary>
    /// Where the words before the clause that holds <paramref name="position"/> end: the clause's start, less the separators
    /// before it ("…是上周五去的 撤了重记" → the end of "…是上周五去的").
    /// </summary>
    private int EndBeforeClauseOf(int position)
    {
        var at = position;
        while (at > 0 && !IsSeparator(text[at - 1]))
        {
            at--;
        }

        while (at > 0 && IsSeparator(text[at - 1]))
        {
            at--;
        }

        return at;
    }
}
