namespace InstructorBot.Bot.Understanding;

// Stage: a question about the state of one unit's ledger record (round 14, branch r14-unarr). "仁爱医院在台账里现在登记的是
// 什么情况？党员几个、有没有建组织、指导员是谁", "恒信建筑在系统里登记的是什么状态？职工多少、党员几个": the unit is the
// question's topic and where its record is kept (台账里, 登记的) is said, so the figures listed after it (党员几个, 有没有建
// 组织) are the fields of its card, not a progress figure of a scope. With a scope said (坂田街道台账里…多少家) it stays a
// progress question.
internal sealed partial class MessageParser
{
    /// <summary>True where the message asks one named unit's card (LedgerCardAsked) and names no scope of its own.</summary>
    private bool UnitsCardAsked() => LedgerCardAsked() is not null && FindScope() is null;
}
