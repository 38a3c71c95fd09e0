namespace InstructorBot.Bot.Understanding;

// Stage: reports and requests in one message (round 18, r18-umissed): an undo, then the record said anew.
internal sealed partial class MessageParser
{
    /// <summary>
    /// "撤回上一条，青禾传媒 上周五 找到1名隐形党员", "撤回，刚才是星辰半导体那家。今天找到1个预备党员": a unit of the message that takes
    /// the earlier record back and says nothing else a request would (no question, no unit of its own). An undo names no unit
    /// or day of its own, so the words between it and the report after it (a unit, a day, said as phrases of their own) are
    /// the report's, not the undo's (<see cref="Compound"/>).
    /// </summary>
    private bool UndoesOnly(Unit unit) =>
        (rules.Undo.ContainsAny(text, unit.Start, unit.End) || (RetractedRecord() is { } record && record.Start >= unit.Start && record.End <= unit.End))
        && !unit.EndsWithQuestionMark && !IsQuestion(unit.Start, unit.End) && !UsableMentions().Any(m => m.Start >= unit.Start && m.Start < unit.End);
}
