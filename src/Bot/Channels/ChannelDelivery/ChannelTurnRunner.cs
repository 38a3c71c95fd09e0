using InstructorBot.Bot.Conversation;
using Microsoft.Extensions.Logging;

namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>
/// Runs one turn for a channel: resolves the turn pipeline in its own scope (the turn may outlive the
/// vendor's request) and turns a pipeline failure into a Chinese apology instead of silence.
/// </summary>
public sealed partial class ChannelTurnRunner(IServiceScopeFactory scopes, ILogger<ChannelTurnRunner> logger)
{
    /// <summary>What the user is told when the turn failed (a bug or broken infrastructure, never bad input).</summary>
    public const string FailureText = IsolatedTurnPipeline.FailureText;

    public async Task<TurnResult> RunAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pipeline = scope.ServiceProvider.GetRequiredService<ITurnPipeline>();
            return await pipeline.HandleAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The user must still get an answer; the failure is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogTurnFailed(logger, message.Channel, message.ChannelMessageId, IsolatedTurnPipeline.Describe(exception));
            return TurnResult.Of(FailureText);
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "Turn failed for {Channel} message {MessageId}. {Failure}")]
    private static partial void LogTurnFailed(ILogger logger, string channel, string messageId, string failure);
}
