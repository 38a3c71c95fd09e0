using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>Runs the turns accepted with 202 and posts their replies; a failed post is logged, never retried blindly.</summary>
public sealed partial class BotFrameworkReplyWorker(
    BotFrameworkOutbox outbox, IServiceProvider services, IBotConnectorClient connector, ILogger<BotFrameworkReplyWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in outbox.ReadAllAsync(stoppingToken))
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
            catch (TaskCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                LogSendFailed(logger, "timeout");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post a Bot Framework reply: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string reason);
}
