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
    public static UnderstandingResult Apply(UnderstandingResult reading, string text)
    {
        if (reading.Actions.Any(a => a.Kind == ActionKind.Undo) || TakeBackFrame.Match(text) is not { } frame)
        {
            return reading;
        }

        var records = reading.Actions.Where(a => a.IsRecord).ToList();
        if (frame.Reference == TakeBackReference.Report && records.Count > 0 && records.TrueForAll(a => a.Kind == ActionKind.OrgUpdate))
        {
            return reading;
        }

        return reading with { Actions = [new UnderstoodAction(ActionKind.Undo), .. reading.Actions] };
    }
}
