namespace InstructorBot.Bot.Conversation;

/// <summary>Configuration section <c>Turns</c>: limits of one turn (environment <c>Turns__Budget</c>).</summary>
public sealed class TurnOptions
{
    public const string Section = "Turns";

    /// <summary>
    /// How long one message may take before its sender is told it failed and the worker moves on. A turn takes
    /// milliseconds (a first policy question waits for the index, a few seconds); only a pathological message or a
    /// bug gets near this. A turn already writing its records is waited for beyond it.
    /// </summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(20);
}
