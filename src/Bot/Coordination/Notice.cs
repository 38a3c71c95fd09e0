namespace InstructorBot.Bot.Coordination;

/// <summary>
/// One proactive message to one user for one period (<c>notices</c>): a coordinator's digest of a reporting day, an
/// instructor's weekly reminder. (UserId, Kind, Period) is unique in the store, so it is claimed once, across restarts and
/// schedulers.
/// </summary>
public sealed record Notice
{
    public int Id { get; init; }

    /// <summary>(UserId, Kind, Period) as one string, unique in the store (<see cref="NoticeLog.Key"/>).</summary>
    public string Key { get; init; } = "";

    public string UserId { get; init; } = "";

    /// <summary><see cref="NoticeKinds.Digest"/> or <see cref="NoticeKinds.VisitReminder"/>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The reporting day ("2026-12-10") of a digest; the ISO week ("2026-W49") of a weekly reminder.</summary>
    public string Period { get; init; } = "";

    public NoticeState State { get; init; }

    /// <summary>Where it went (<c>wecom</c>, <c>web</c>), once sent.</summary>
    public string? Channel { get; init; }

    public string Text { get; init; } = "";

    /// <summary>A digest's figures, so the next digest can say what changed since.</summary>
    public DigestFigures? Figures { get; init; }

    public long ClaimedAtMs { get; init; }

    public long? SentAtMs { get; init; }
}

/// <summary>Where a claimed notice stands.</summary>
public enum NoticeState
{
    /// <summary>Claimed by a scheduler, being sent. A crash here leaves it claimed: it is not sent again (at most once).</summary>
    Claimed,

    /// <summary>Accepted by the channel.</summary>
    Sent,
}

/// <summary>The kinds of proactive messages.</summary>
public static class NoticeKinds
{
    public const string Digest = "digest";
    public const string VisitReminder = "visit_reminder";
}

/// <summary>The figures a digest showed (DOMAIN.md §Figures), kept to compute the next digest's changes.</summary>
public sealed record DigestFigures(int Base, int Covered, int Single, int WorkCovered, int UnformedRequired, string AsOf);
