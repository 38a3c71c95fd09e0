namespace InstructorBot.Bot.Conversation;

/// <summary>Configuration section <c>Turns</c>: limits of one turn (environment <c>Turns__Budget</c>, <c>Turns__StartupWait</c>).</summary>
public sealed class TurnOptions
{
    public const string Section = "Turns";

    /// <summary>
    /// How long one message may take before its sender is told it failed and the worker moves on. A turn takes
    /// milliseconds (a first policy question waits for the index, a few seconds); only a pathological message or a
    /// bug gets near this. A turn already writing its records is waited for beyond it.
    /// </summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a message that arrives while the host still warms up (the knowledge index, the second opinion's models:
    /// <c>/readyz</c>) waits for it before its budget starts. Past it the turn does not run: the sender is told the bot is
    /// starting and to send the message again (<see cref="IsolatedTurnPipeline.StartingText"/>), and nothing is written or
    /// marked handled. With the budget it stays under the reverse proxy's read timeout (deploy/: 120 s).
    /// </summary>
    public TimeSpan StartupWait { get; set; } = TimeSpan.FromSeconds(60);
}
