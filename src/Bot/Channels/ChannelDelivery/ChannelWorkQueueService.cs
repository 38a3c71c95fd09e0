using Microsoft.Extensions.Logging;

namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>Runs queued channel work with a few workers until the host stops.</summary>
internal sealed partial class ChannelWorkQueueService(ChannelWorkQueue queue, ILogger<ChannelWorkQueueService> logger) : BackgroundService
{
    private const int Workers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // One failed delivery must not stop the workers; it is logged.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    LogWorkFailed(logger, Guid.NewGuid().ToString("N")[..12], Conversation.IsolatedTurnPipeline.Describe(exception));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Error, Message = "Queued channel work failure {FailureId}; the workers go on. {Failure}")]
    private static partial void LogWorkFailed(ILogger logger, string failureId, string failure);
}
