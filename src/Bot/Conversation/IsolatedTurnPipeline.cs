using System.Diagnostics;
using InstructorBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The turn pipeline every channel gets: the real one (registered under <see cref="InnerKey"/>) behind a wall. A turn that
/// throws, or runs past <see cref="TurnOptions.Budget"/>, answers <see cref="FailureText"/>, is logged with a failure id
/// (exception type and stack, never the message text or the exception's message), and the caller goes on to the next
/// message. The turn runs on the thread pool so that even understanding that never yields cannot hold the caller (a
/// channel's worker) past the budget; an abandoned turn is cancelled and may write nothing afterwards
/// (<see cref="TurnDeadline"/>). A turn that arrives while the host warms up (<see cref="HostReadiness"/>) first waits for
/// the warm-up, uncharged to its budget, at most <see cref="TurnOptions.StartupWait"/>; past that it is answered
/// <see cref="StartingText"/> without running.
/// </summary>
public sealed partial class IsolatedTurnPipeline(
    [FromKeyedServices(IsolatedTurnPipeline.InnerKey)] ITurnPipeline inner,
    IOptions<TurnOptions> options,
    ILogger<IsolatedTurnPipeline> logger,
    HostReadiness? readiness = null) : ITurnPipeline
{
    /// <summary>The service key of the pipeline this one guards.</summary>
    public const string InnerKey = "turns.inner";

    /// <summary>What the sender is told when their turn failed (a bug or a pathological message, never ordinary bad input).</summary>
    public const string FailureText = "抱歉，这条消息处理出错，已记录，请换个说法再试。";

    /// <summary>
    /// What the sender is told when the host's warm-up outlasted <see cref="TurnOptions.StartupWait"/>: the message was not
    /// handled (nothing written, a pending question still pending, its message id not marked), so sending it again works.
    /// </summary>
    public const string StartingText = "正在启动，请稍候：这条消息还没有处理，也没有记录任何内容，请过一分钟左右再发一次。";

    public async Task<TurnResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (readiness is { IsReady: false })
        {
            // Waiting here, before the budget starts, the turn never races the warm-up for the index's lock or the models.
            var waited = Stopwatch.GetTimestamp();
            if (!await readiness.WaitAsync(options.Value.StartupWait, cancellationToken))
            {
                LogStillStarting(logger, message.Channel, string.Join(",", readiness.Warming), (long)options.Value.StartupWait.TotalMilliseconds);
                return TurnResult.Unhandled(StartingText);
            }

            LogWaitedForWarmup(logger, message.Channel, (long)Stopwatch.GetElapsedTime(waited).TotalMilliseconds);
        }

        var budget = options.Value.Budget;
        var deadline = new TurnDeadline();
        var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var turn = Task.Run(
            () => inner is IBudgetedTurnPipeline budgeted
                ? budgeted.HandleAsync(message, deadline, abandon.Token)
                : inner.HandleAsync(message, abandon.Token),
            CancellationToken.None);
        try
        {
            var result = await turn.WaitAsync(budget, cancellationToken);
            abandon.Dispose();
            return result;
        }
        catch (TimeoutException) when (deadline.TryExpire())
        {
            await abandon.CancelAsync();
            var id = FailureId();
            LogOverBudget(logger, id, message.Channel, (long)budget.TotalMilliseconds);
            ObserveAbandoned(turn, abandon, id);
            return TurnResult.Of(FailureText);
        }
        catch (TimeoutException)
        {
            // The budget ran out while the turn was writing its records: its reply is the truth, so it is waited for.
            try
            {
                var result = await turn.WaitAsync(cancellationToken);
                LogSlowCommit(logger, message.Channel, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return result;
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Failed(failure, message.Channel);
            }
            finally
            {
                abandon.Dispose();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping (or the caller gave up): not a failed turn.
            abandon.Dispose();
            throw;
        }
#pragma warning disable CA1031 // Any failure of one turn is that turn's: the sender is told, the host goes on.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            abandon.Dispose();
            return Failed(failure, message.Channel);
        }
    }

    private TurnResult Failed(Exception failure, string channel)
    {
        LogFailed(logger, FailureId(), channel, Describe(failure));
        return TurnResult.Of(FailureText);
    }

    /// <summary>Logs how an abandoned turn ended (its exceptions observed) and frees its cancellation source.</summary>
    private void ObserveAbandoned(Task<TurnResult> turn, CancellationTokenSource abandon, string id) =>
        _ = turn.ContinueWith(
            finished =>
            {
                LogAbandonedEnded(logger, id, finished.Status.ToString(), finished.Exception?.InnerException?.GetType().Name ?? "none");
                abandon.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private static string FailureId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>The exception's types and stack traces, without its messages (they may quote the user's text).</summary>
    internal static string Describe(Exception failure)
    {
        var lines = new System.Text.StringBuilder();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            lines.Append(e.GetType().FullName).Append('\n').Append(e.StackTrace).Append('\n');
        }

        return lines.ToString();
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Turn failure {FailureId} on channel {Channel}; the sender was told to rephrase. {Failure}")]
    private static partial void LogFailed(ILogger logger, string failureId, string channel, string failure);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Turn failure {FailureId} on channel {Channel}: over its budget of {BudgetMs} ms; abandoned, it writes nothing")]
    private static partial void LogOverBudget(ILogger logger, string failureId, string channel, long budgetMs);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Abandoned turn {FailureId} ended: {Status} ({ExceptionType})")]
    private static partial void LogAbandonedEnded(ILogger logger, string failureId, string status, string exceptionType);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "A turn on channel {Channel} was answered that the bot is starting: still warming {Warming} after {WaitMs} ms; it did not run")]
    private static partial void LogStillStarting(ILogger logger, string channel, string warming, long waitMs);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "A turn on channel {Channel} waited {WaitMs} ms for the warm-up before its budget started")]
    private static partial void LogWaitedForWarmup(ILogger logger, string channel, long waitMs);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "A turn on channel {Channel} was writing when its budget ran out and took {ElapsedMs} ms")]
    private static partial void LogSlowCommit(ILogger logger, string channel, long elapsedMs);
}
