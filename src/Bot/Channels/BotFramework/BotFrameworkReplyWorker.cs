using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>
/// Runs the turns accepted with 202 and posts their replies; a failed post is logged, never retried blindly. One work
/// item's failure of any kind (its turn answers an apology itself, see <see cref="IsolatedTurnPipeline"/>) is logged
/// with a failure id and the worker goes on to the next: nothing escapes to stop the host.
/// </summary>
public sealed partial class BotFrameworkReplyWorker(
    BotFrameworkOutbox outbox, IServiceProvider services, IBotConnectorClient connector, ILogger<BotFrameworkReplyWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in outbox.ReadAllAsync(stoppingToken))
            {
                await RunAsync(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(BotFrameworkWork work, CancellationToken stoppingToken)
    {
        try
        {
            var replies = work.Replies;
            if (work.Message is { } message)
            {
                var result = await services.GetRequiredService<ITurnPipeline>().HandleAsync(message, stoppingToken);
                // A retried activity was answered the first time; posting again would say everything twice.
                replies = result.Duplicate ? [] : result.Replies;
            }

            foreach (var reply in replies.SelectMany(r => ActivityReplies.ToActivities(work.Incoming, r, work.PublicBaseUrl)))
            {
                await connector.SendReplyAsync(reply, stoppingToken);
            }
        }
        catch (HttpRequestException failure)
        {
            LogSendFailed(logger, failure.StatusCode?.ToString() ?? failure.HttpRequestError.ToString());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            LogSendFailed(logger, "timeout");
        }
#pragma warning disable CA1031 // One activity's failure is that activity's: logged, and the next one is served.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogWorkFailed(logger, Guid.NewGuid().ToString("N")[..12], IsolatedTurnPipeline.Describe(failure));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post a Bot Framework reply: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "Bot Framework work failure {FailureId}; the worker goes on. {Failure}")]
    private static partial void LogWorkFailed(ILogger logger, string failureId, string failure);
}
