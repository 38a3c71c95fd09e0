using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Coordination;
using InstructorBot.Bot.Plugins;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the coordination feature (issue 14): the campaign calendar, reminder preferences, and the scheduler.</summary>
public static class CoordinationServices
{
    /// <summary>The calendar (section <c>Campaign:Calendar</c>, 003's when none is configured), preferences and the chat functions.</summary>
    public static IServiceCollection AddBotCoordination(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CampaignCalendarOptions>()
            .BindConfiguration(CampaignCalendarOptions.Section)
            .PostConfigure(o =>
            {
                // Lists bound from configuration are appended to defaults, so the defaults apply only when none are configured.
                if (o.Phases.Count == 0 && o.Reporting.Count == 0)
                {
                    var defaults = CampaignCalendarOptions.Wuhan003();
                    o.Document = o.Document.Length > 0 ? o.Document : defaults.Document;
                    o.Phases = defaults.Phases;
                    o.Reporting = defaults.Reporting;
                }
            })
            .Validate(o => o.Phases.All(p => CampaignCalendar.ParseDay(p.End, 2000) is not null && (string.IsNullOrEmpty(p.Start) || CampaignCalendar.ParseDay(p.Start, 2000) is not null)),
                "Campaign:Calendar: every phase's Start and End must be MM-dd or yyyy-MM-dd.")
            .Validate(o => o.Reporting.All(r => r.Days.All(d => d is >= 1 and <= 31) && r.Months.All(m => m is >= 1 and <= 12)),
                "Campaign:Calendar:Reporting: days are 1–31, months 1–12.")
            .ValidateOnStart();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CampaignCalendarOptions>>().Value;
            var year = options.Year
                ?? configuration.GetValue<DateOnly?>("Campaign:Start")?.Year
                ?? ChinaTime.Today(provider.GetRequiredService<TimeProvider>().GetUtcNow()).Year;
            return new CampaignCalendar(options, year);
        });
        services.TryAddSingleton<ReminderPreferences>();
        services.TryAddSingleton<MonthlyReport>();
        services.TryAddSingleton<CoordinationPlugin>();
        return services;
    }

    /// <summary>The scheduler of proactive messages (section <c>Scheduler</c>); needs the channels (企业微信's message API).</summary>
    public static IServiceCollection AddBotScheduler(this IServiceCollection services)
    {
        services.AddOptions<SchedulerOptions>()
            .BindConfiguration(SchedulerOptions.Section)
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(10), "Scheduler:Interval must be at least 10 seconds.")
            .Validate(o => o.SendAt >= TimeSpan.Zero && o.SendAt < TimeSpan.FromDays(1), "Scheduler:SendAt must be a time of day.")
            .Validate(o => o.NotVisitedDays >= 1, "Scheduler:NotVisitedDays must be at least 1.")
            .Validate(o => o.DigestCatchUpDays >= 0, "Scheduler:DigestCatchUpDays must not be negative.")
            .Validate(o => o.MaxListed >= 1, "Scheduler:MaxListed must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<NoticeLog>();
        services.TryAddSingleton<NoticeDelivery>();
        services.TryAddSingleton<NoticeComposer>();
        services.TryAddSingleton<ProactiveScheduler>();
        services.AddSingleton<IHostedService>(provider =>
            provider.GetRequiredService<IOptions<SchedulerOptions>>().Value.Enabled
                ? provider.GetRequiredService<ProactiveScheduler>()
                : new DisabledService());
        return services;
    }

    /// <summary>Stands in for the scheduler when <c>Scheduler:Enabled</c> is false.</summary>
    private sealed class DisabledService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
