namespace InstructorBot.Bot.Conversation;

/// <summary>What a correction of the sender's last record says ("不对，是4名", "刚才说错了，是前天", "人数写错了，是35人"): only the fields named.</summary>
public sealed record Correction(DateOnly? Date, int? Count, CorrectionField Field, int? OrganizationId)
{
    /// <summary>The count was given in 人 (people: staff, when the record has both figures), not 名.</summary>
    public bool InPeople { get; init; }

    public bool IsEmpty => Date is null && Count is null && OrganizationId is null;
}

/// <summary>Which figure a corrected count is: named (党员, 职工) or only by its measure word (名 for members, 人 for people).</summary>
public enum CorrectionField
{
    Unnamed,
    Members,
    Employees,
}
