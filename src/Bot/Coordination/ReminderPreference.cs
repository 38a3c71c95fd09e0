namespace InstructorBot.Bot.Coordination;

/// <summary>A user's choice about proactive messages ("不要提醒" / "恢复提醒"); a user without one gets them.</summary>
public sealed record ReminderPreference
{
    /// <summary>The user id; the LiteDB key.</summary>
    public string Id { get; init; } = "";

    public bool Enabled { get; init; } = true;

    /// <summary>When the user last said so, Unix milliseconds.</summary>
    public long AtMs { get; init; }
}
