using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: record frames for members found (round 18, r18-umissed): members of a category told to the sender who asks to record
// them, or said to be at another unit after a find.
internal sealed partial class MessageParser
{
    private bool? recordAsked;

    /// <summary>帮我记一下, 登记一下 (<c>record_requests</c>) outside a question: the sender asks the bot to record what the message says.</summary>
    private bool RecordAsked() => recordAsked ??= rules.Agents.RecordRequests.FindAll(text)
        .Any(r => clauses.FirstOrDefault(c => c.Start <= r.Position && r.Position < c.End) is { IsQuestion: false });

    /// <summary>
    /// "那家连锁店的店长说员工里有个流动党员 帮我记一下": with no visit before them, members of a category said to be there are
    /// found where the sender asks to record them (<see cref="RecordAsked"/>): at the unit the clause is about (none: asked),
    /// on the day the clause says (else today). Null when the sender asks for no record (the visit's frame, <see
    /// cref="FindMembersMetOnAVisit"/>, is the other way members told become finds).
    /// </summary>
    private UnderstoodAction? ToldToRecord(Clause clause, int position) =>
        RecordAsked() ? Record(ActionKind.MemberDiscovery, TargetsFor(clause, position, wholeClause: true).FirstOrDefault(), position) : null;

    /// <summary>
    /// "阳光社工那边站出来两个隐形党员 然后顺达快递那边有一个流动党员": after members found at one unit, a clause that names
    /// another unit and says members of a category are there (有个流动党员) is a find at that unit too, on the same day. Null
    /// when no find comes before it or the clause names no unit of its own other than the one found at.
    /// </summary>
    private UnderstoodAction? FoundAtAnotherUnit(Clause clause, int position)
    {
        if (drafts.LastOrDefault(d => d.Action.Kind == ActionKind.MemberDiscovery && d.Position < clause.Start) is not { } found
            || MentionsIn(clause).LastOrDefault(m => m.End <= position && !m.IsGeneric) is not { } unit
            || unit.ReportedName is null || unit.ReportedName == found.Action.Organization)
        {
            return null;
        }

        return Record(ActionKind.MemberDiscovery, unit, position) with { Date = found.Action.Date };
    }
}
