namespace InstructorBot.Bot.Understanding.TakeBack;

/// <summary>
/// Round 24 (r24-undo): the reading of a message that takes an earlier one back (<see cref="TakeBackFrame"/>) starts with the
/// undo. The records read from the message stay as the corrected record. A ledger figure alone against an earlier report named
/// by its time ("昨天报的安捷人数错了 在职是285不是258") overwrites itself and needs no undo (the convention of rounds 5–17's gold);
/// against the last message ("上一条鹏城数据的党员数说错了 不是俩是三个") the record of that message is taken back (rounds 18–21).
/// </summary>
internal static class EarlierMessageTakenBack
{
    /// <summary>The reading with an undo first where <paramref name="text"/> (normalized) takes an earlier message back and the reading has none.</summary>
    /// <remarks>
    /// Where the reading holds the undo and no record, the correction after the error word is read again
    /// (<see cref="CorrectedRecord"/>, through <paramref name="read"/>) and its records follow the undo.
    /// </remarks>
    public static UnderstandingResult Apply(UnderstandingResult reading, string text, Func<string, UnderstandingResult> read,
        Func<string, IReadOnlyList<(int Start, int End)>> mentions)
    {
        if (TakeBackFrame.Match(text) is not { } frame)
        {
            // "上一条是不是搞错了？": a question about the earlier message takes nothing back (a false undo deletes a record).
            return TakeBackFrame.Questioned(text) is not null && reading.Actions.Any(a => a.Kind == ActionKind.Undo)
                ? reading with { Actions = [.. reading.Actions.Where(a => a.Kind != ActionKind.Undo)] }
                : reading;
        }

        var records = reading.Actions.Where(a => a.IsRecord).ToList();
        if (reading.Actions.All(a => a.Kind != ActionKind.Undo))
        {
            if (frame.Reference == TakeBackReference.Report && records.Count > 0 && records.TrueForAll(a => a.Kind == ActionKind.OrgUpdate))
            {
                return reading;
            }

            reading = reading with { Actions = [new UnderstoodAction(ActionKind.Undo), .. reading.Actions] };
        }

        if (records.Count > 0 || CorrectedRecord.Words(text, frame, mentions) is not { } words)
        {
            return reading;
        }

        var again = read(words).Actions.Where(a => a.IsRecord).ToList();
        if (again.Count == 0)
        {
            return reading;
        }

        // A corrected record that names no unit waits for the question "which unit?", as any other record does.
        var missing = again.Any(a => a.AwaitsOrganization) && !reading.Missing.Contains("organization")
            ? [.. reading.Missing, "organization"]
            : reading.Missing;
        return reading with { Actions = [.. reading.Actions, .. again], Missing = missing };
    }
}
