using System.Diagnostics;
using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// Deletes handled turns and delivered channel replies older than <see cref="RetentionOptions.Days"/>, at startup and then
/// every <see cref="RetentionOptions.Interval"/>: each would otherwise grow by one entry per message forever. Deletes run
/// in small batches on the store's writer, oldest first through an index on the time, with a pause between batches, so
/// no long write holds up the turns. Records, the audit trail and the ledger are never touched. Both logs are constructor
/// dependencies, so their collections and indexes exist before the first sweep reads them.
/// </summary>
internal sealed partial class RetentionSweep(
    TurnLog turnLog,
    ChannelDeliveryLog deliveryLog,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Startup goes on while the sweep runs.
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await SweepOnceAsync(stoppingToken);
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One sweep of both collections; a failure is logged and the next sweep tries again.</summary>
    internal async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoff = (time.GetUtcNow() - TimeSpan.FromDays(settings.Days)).ToUnixTimeMilliseconds();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (turns, turnBatches) = await DeleteAsync(
                token => turnLog.DeleteOlderThanAsync(cutoff, settings.BatchSize, token), settings, cancellationToken);
            var (deliveries, deliveryBatches) = await DeleteAsync(
                token => deliveryLog.DeleteOlderThanAsync(cutoff, settings.BatchSize, token), settings, cancellationToken);
            LogSwept(logger, turns, deliveries, settings.Days, turnBatches + deliveryBatches, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed sweep must not stop the host; it is logged and retried at the next interval.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogSweepFailed(logger, exception);
        }
    }

    private async Task<(int Deleted, int Batches)> DeleteAsync(Func<CancellationToken, Task<int>> batch, RetentionOptions settings, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var batches = 0;
        while (true)
        {
            var count = await batch(cancellationToken);
            deleted += count;
            batches++;
            if (count < settings.BatchSize)
            {
                return (deleted, batches);
            }

            if (settings.BatchPause > TimeSpan.Zero)
            {
                await Task.Delay(settings.BatchPause, time, cancellationToken);
            }
        }
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information,
        Message = "Retention sweep deleted {Turns} handled turns and {Deliveries} channel deliveries older than {Days} days in {Batches} batches ({ElapsedMs} ms)")]
    private static partial void LogSwept(ILogger logger, int turns, int deliveries, int days, int batches, long elapsedMs);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "Retention sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
