using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// How the host ends. Every worker isolates its own failures (a turn, a delivery, a sweep), so a background service
/// that still fails is a fault of the host itself: the host stops (<see cref="BackgroundServiceExceptionBehavior.StopHost"/>,
/// chosen here on purpose rather than left to the default) and the process exits non-zero, so the service manager
/// restarts it (deploy/instructorbot.service: Restart=always).
/// </summary>
public static partial class HostLifetime
{
    /// <summary>The exit code of a host that stopped because something failed.</summary>
    public const int FatalExitCode = 70;

    public static IServiceCollection AddBotHostLifetime(this IServiceCollection services) =>
        services.Configure<HostOptions>(host =>
        {
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
            host.ShutdownTimeout = TimeSpan.FromSeconds(25);
        });

    /// <summary>Runs the host until it stops; 0 after an ordinary stop (SIGTERM), <see cref="FatalExitCode"/> after a failure.</summary>
    public static async Task<int> RunBotHostAsync(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        ILogger? logger = null;
        IReadOnlyList<BackgroundService> workers = [];
        try
        {
            logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("InstructorBot.Host");
            // Taken once started (every hosted service exists then); the run disposes the container, the tasks stay readable.
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
                workers = [.. host.Services.GetServices<IHostedService>().OfType<BackgroundService>()]);
            await host.RunAsync();
        }
#pragma warning disable CA1031 // Whatever stopped a running host, the process must say so with its exit code.
        catch (Exception failure) when (workers.Count > 0)
#pragma warning restore CA1031
        {
            // A failure at startup (bad configuration, a database held by another process) propagates as it is and the
            // process ends non-zero with the options' own message; this is for a host that was serving.
            LogFatal(logger!, failure.GetType().Name, Conversation.IsolatedTurnPipeline.Describe(failure));
            return FatalExitCode;
        }

        var failed = workers.Where(w => w.ExecuteTask is { IsFaulted: true }).Select(w => w.GetType().Name).ToList();
        if (failed.Count > 0)
        {
            LogWorkerFailed(logger!, string.Join(", ", failed));
            return FatalExitCode;
        }

        return 0;
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Critical, Message = "The host stopped on a fatal {ExceptionType}; exiting non-zero. {Failure}")]
    private static partial void LogFatal(ILogger logger, string exceptionType, string failure);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Critical, Message = "The host stopped because background service(s) {Workers} failed; exiting non-zero")]
    private static partial void LogWorkerFailed(ILogger logger, string workers);
}
