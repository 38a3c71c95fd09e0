namespace InstructorBot.Bot.Conversation;

/// <summary>A turn pipeline that respects a <see cref="TurnDeadline"/>: it writes nothing once the deadline expired.</summary>
public interface IBudgetedTurnPipeline : ITurnPipeline
{
    Task<TurnResult> HandleAsync(IncomingMessage message, TurnDeadline deadline, CancellationToken cancellationToken);
}
