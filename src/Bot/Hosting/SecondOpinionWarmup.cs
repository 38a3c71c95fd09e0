using System.Diagnostics;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// Loads (or, the first time, trains and caches) the second opinion's model in the background at startup, so the first
/// report does not wait for it.
/// </summary>
public sealed partial class SecondOpinionWarmup(MessageUnderstanding understanding, ILogger<SecondOpinionWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        if (understanding.SecondOpinion is not { } opinion)
        {
            return;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            Ready(logger, opinion.Model.Labels.Count, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A warm-up failure must not stop the host: the model is loaded again on first use.
            Failed(logger, e);
        }
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Second opinion ready ({Labels} labels) in {Milliseconds} ms")]
    private static partial void Ready(ILogger logger, int labels, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Second opinion could not be loaded at startup")]
    private static partial void Failed(ILogger logger, Exception exception);
}
