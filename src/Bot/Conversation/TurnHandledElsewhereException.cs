namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Thrown inside a record write when the turn's key is already in the turn log: another host handled the same message
/// and committed first. Throwing rolls this write back (records, audit and all); the pipeline answers with the first replies.
/// </summary>
public sealed class TurnHandledElsewhereException : Exception
{
    public TurnHandledElsewhereException()
        : base("the message was handled by another host")
    {
    }

    public TurnHandledElsewhereException(string message)
        : base(message)
    {
    }

    public TurnHandledElsewhereException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
