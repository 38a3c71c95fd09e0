using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The longest message the bot takes, on every way in: the turn pipeline (web chat, Bot Framework, the channels, the
/// terminal), the web chat's own check, and the command line's <c>understand</c> and <c>ask</c>. The understanding rules
/// read no further (<see cref="TextNormalizer.MaxLength"/>), and a longer question costs the knowledge search seconds
/// (round 24: two questions of 20,000 and 200,000 characters took 56 s in <c>ask --batch</c>).
/// </summary>
public static class MessageLength
{
    public const int Max = TextNormalizer.MaxLength;

    /// <summary>The reply to a longer message.</summary>
    public static readonly string TooLong = $"消息太长了（超过 {Max} 字），请分几条发送。";
}
