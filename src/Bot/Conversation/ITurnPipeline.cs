namespace InstructorBot.Bot.Conversation;

/// <summary>The one way into the bot for every channel: message → user → understanding → actions → replies.</summary>
public interface ITurnPipeline
{
    /// <summary>
    /// Handles one message. Never throws for bad input: an unknown sender, an empty text or a message
    /// the bot cannot use all come back as Chinese replies. A channel message id already handled returns
    /// the first replies again with <see cref="TurnResult.Duplicate"/> set, and writes nothing.
    /// </summary>
    Task<TurnResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken);
}
