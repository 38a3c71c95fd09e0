namespace InstructorBot.Bot.Coordination;

/// <summary>The proactive messages (section <c>Scheduler</c>): coordinators' digests on reporting days, instructors' weekly reminders.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Off: the host sends nothing unprompted.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks whether something is due (each look is cheap once the period's notices are claimed).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Time of day (Asia/Shanghai) from which the day's messages go out.</summary>
    public TimeSpan SendAt { get; set; } = new(8, 30, 0);

    /// <summary>The weekday of the instructors' reminder; a host down that day sends it on its first run later in the same week.</summary>
    public DayOfWeek ReminderDay { get; set; } = DayOfWeek.Monday;

    /// <summary>A unit not yet covered and not visited for this many days is listed in its instructor's reminder.</summary>
    public int NotVisitedDays { get; set; } = 30;

    /// <summary>A digest missed on its reporting day (the host was down) still goes out this many days after.</summary>
    public int DigestCatchUpDays { get; set; } = 2;

    /// <summary>Names listed per section of a message; the rest are counted ("等 12 家").</summary>
    public int MaxListed { get; set; } = 10;
}
