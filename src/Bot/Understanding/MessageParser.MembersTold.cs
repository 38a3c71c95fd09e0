using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: record frames for members found (round 18, r18-umissed): members of a category told to the sender, who asks to record them.
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
}
