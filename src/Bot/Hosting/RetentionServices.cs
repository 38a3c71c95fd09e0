using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the retention sweep of handled turns and channel deliveries (section <c>Retention</c>).</summary>
public static class RetentionServices
{
    public static IServiceCollection AddBotRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.Days >= 1, "Retention:Days must be at least 1 (vendors retry a message for hours).")
            .Validate(o => o.BatchSize is >= 1 and <= 5000, "Retention:BatchSize must be between 1 and 5000.")
            .Validate(o => o.BatchPause >= TimeSpan.Zero, "Retention:BatchPause must not be negative.")
            .Validate(o => o.Interval >= TimeSpan.FromMinutes(1), "Retention:Interval must be at least one minute.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetentionSweep>());
        return services;
    }
}
