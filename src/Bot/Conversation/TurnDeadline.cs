namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The race between a turn's time budget and its first durable write, decided once: either the turn reaches its
/// write first (<see cref="TryCommit"/>) and is then waited for, however long the write takes, or the budget runs out
/// first (<see cref="TryExpire"/>), the user is told the message failed, and the turn may write nothing afterwards.
/// So a user is never told "出错" about a record that was in fact written.
/// </summary>
public sealed class TurnDeadline
{
    private const int Running = 0;
    private const int Committing = 1;
    private const int Expired = 2;

    private int state;

    /// <summary>True when the turn may write (it was not abandoned); from then on it is no longer abandoned.</summary>
    public bool TryCommit() => Interlocked.CompareExchange(ref state, Committing, Running) != Expired;

    /// <summary>True when the turn is abandoned (it had not begun to write); false when it is writing and must be waited for.</summary>
    public bool TryExpire() => Interlocked.CompareExchange(ref state, Expired, Running) != Committing;
}
