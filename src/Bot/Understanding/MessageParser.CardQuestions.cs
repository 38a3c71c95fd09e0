namespace InstructorBot.Bot.Understanding;

// Stage: a question about the state of one unit's ledger record (round 14, branch r14-unarr). "仁爱医院在台账里现在登记的是
// 什么情况？党员几个、有没有建组织、指导员是谁", "恒信建筑在系统里登记的是什么状态？职工多少、党员几个": the unit is the
// question's topic and where its record is kept (台账里, 登记的) is said, so the figures listed after it (党员几个, 有没有建
// 组织) are the fields of its card, not a progress figure of a scope. With a scope said (坂田街道台账里…多少家) it stays a
// progress question.
internal sealed partial class MessageParser
{
    /// <summary>True where the message asks one named unit's card (LedgerCardAsked) and names no scope of its own.</summary>
    /// The card must be what the message opens by asking: a request said before the unit's sentence ("按行业拆开看看覆盖率…？
    /// 另外仁爱医院台账上怎么记的也调出来") stays a request of its own.
    private bool UnitsCardAsked() =>
        LedgerCardAsked() is { } card && FindScope() is null && UsableMentions().FirstOrDefault(m => !m.IsGeneric) is { } named
        && text.AsSpan(0, named.Start).IndexOfAny("。！!？?；;") < 0 && card.Organization is not null;
}
