using System.Diagnostics;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// Loads (or, the first time, trains and caches) the second opinion's model in the background at startup, so the first
/// report does not wait for it; until it ends (well or not) the host is not ready (<see cref="HostReadiness.Models"/>).
/// </summary>
public sealed partial class SecondOpinionWarmup(MessageUnderstanding understanding, HostReadiness readiness, ILogger<SecondOpinionWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var succeeded = false;
        try
        {
            var clock = Stopwatch.StartNew();
            if (Run(understanding) is { } labels)
            {
                Ready(logger, labels, clock.ElapsedMilliseconds);
            }

            succeeded = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A warm-up failure must not stop the host: the model is loaded again on first use.
            Failed(logger, e);
        }
        finally
        {
            readiness.Complete(HostReadiness.Models, succeeded);
        }
    }, stoppingToken);

    /// <summary>
    /// Loads (or trains and caches) the second opinion's model now and returns its number of labels, or null when the
    /// second opinion is off: the hosted service calls it at startup, and the chat verb before it reads the first line.
    /// </summary>
    public static int? Run(MessageUnderstanding understanding)
    {
        ArgumentNullException.ThrowIfNull(understanding);
        return understanding.SecondOpinion?.Model.Labels.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Second opinion ready ({Labels} labels) in {Milliseconds} ms")]
    private static partial void Ready(ILogger logger, int labels, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Second opinion could not be loaded at startup")]
    private static partial void Failed(ILogger logger, Exception exception);
}
