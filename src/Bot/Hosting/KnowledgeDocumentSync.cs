using System.Threading.Channels;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// On PostgreSQL, keeps this host's knowledge index up to the documents in the database (<see cref="AddedKnowledge.Sync"/>):
/// once listening has started (the full check at start), on every notice of a changed document, and after every reconnect
/// of the listener. A failed comparison is logged and tried again after 1, 2, 4 … 60 s (sooner on a notice); it never
/// stops the host, which keeps answering from the index it has. Does nothing on LiteDB.
/// </summary>
public sealed partial class KnowledgeDocumentSync(AddedKnowledge added, ILogger<KnowledgeDocumentSync> logger) : BackgroundService
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (added.Shared is not { } shared)
        {
            return;
        }

        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watch = shared.Watch(() => wake.Writer.TryWrite(true));
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (failures == 0)
                {
                    await wake.Reader.ReadAsync(stoppingToken);
                }
                else
                {
                    using var pause = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    pause.CancelAfter(TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, Math.Pow(2, failures - 1))));
                    try
                    {
                        await wake.Reader.WaitToReadAsync(pause.Token);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        // The pause is over: try again without a notice.
                    }

                    wake.Reader.TryRead(out _);
                }

                var result = await Task.Run(added.Sync, stoppingToken);
                if (failures > 0 || result.Fetched > 0 || result.Indexed > 0)
                {
                    Synced(logger, result.Listed, result.Fetched, result.Indexed);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever failed (the database, a file, the index), the host keeps running and tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures++;
                SyncFailed(logger, failures, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge documents from the database: {Listed} listed, {Fetched} written here, {Indexed} (re)indexed")]
    private static partial void Synced(ILogger logger, int listed, int fetched, int indexed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge documents from the database could not be indexed (attempt {Failures}); the host keeps answering from its current index and tries again")]
    private static partial void SyncFailed(ILogger logger, int failures, Exception exception);
}
