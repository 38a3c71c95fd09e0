using InstructorBot.Knowledge;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// Indexes the shipped corpus in the background at startup, so the first question does not wait for it; until it ends
/// (well or not) the host is not ready (<see cref="HostReadiness.Knowledge"/>).
/// </summary>
public sealed partial class KnowledgeWarmup(KnowledgeBase knowledge, HostReadiness readiness, ILogger<KnowledgeWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var succeeded = false;
        try
        {
            Indexed(logger, Run(knowledge));
            succeeded = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A warm-up failure must not stop the host (BackgroundService failures do by default): the index is built again on first use.
            IndexFailed(logger, e);
        }
        finally
        {
            readiness.Complete(HostReadiness.Knowledge, succeeded);
        }
    }, stoppingToken);

    /// <summary>
    /// Builds the shipped corpus's index now (with its question bank) and returns the number of documents indexed: the
    /// hosted service calls it at startup, and the chat verb (whose host is never started) before it reads the first line.
    /// </summary>
    public static int Run(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        knowledge.EnsureCorpus();
        return knowledge.Index.Documents.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge index ready with {Documents} documents")]
    private static partial void Indexed(ILogger logger, int documents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge index could not be built at startup")]
    private static partial void IndexFailed(ILogger logger, Exception exception);
}
