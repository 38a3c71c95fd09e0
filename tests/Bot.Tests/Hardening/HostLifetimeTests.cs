using InstructorBot.Bot.Hosting;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InstructorBot.Bot.Tests.Hardening;

/// <summary>
/// Issue 10, finding 1's second half: a host stopped by a failure exits non-zero (the service manager restarts it), an
/// ordinary stop exits 0. Before, a background service's failure stopped the host and Program returned 0.
/// </summary>
public sealed class HostLifetimeTests
{
    [Fact]
    public async Task A_host_whose_background_service_fails_stops_and_exits_non_zero()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddBotHostLifetime();
        builder.Services.AddHostedService<FailingWorkerDouble>();
        using var host = builder.Build();
        var behavior = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.BackgroundServiceExceptionBehavior;

        var code = await host.RunBotHostAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HostLifetime.FatalExitCode, code);
        Assert.Equal(BackgroundServiceExceptionBehavior.StopHost, behavior);
    }

    [Fact]
    public async Task A_host_stopped_in_the_ordinary_way_exits_zero()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddBotHostLifetime();
        using var host = builder.Build();

        var run = host.RunBotHostAsync();
        await Task.Delay(300);
        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void The_systemd_unit_restarts_the_bot_on_any_exit()
    {
        var unit = File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", "instructorbot.service"));

        Assert.Contains("Restart=always", unit);
        Assert.DoesNotContain(unit, l => l.StartsWith("Restart=on-", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "InstructorBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <summary>TEST DOUBLE: a background service that fails, as a worker without its own isolation would.</summary>
    private sealed class FailingWorkerDouble : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Delay(100, stoppingToken);
            throw new InvalidOperationException("test double: a background service that fails");
        }
    }
}
