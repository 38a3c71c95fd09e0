namespace InstructorBot.Bot.Demo;

/// <summary>Registers the demo workspace: the marker's reader and the start-up offer.</summary>
public static class DemoServices
{
    public static IServiceCollection AddBotDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .Validate(o => o.CodeLifetime >= TimeSpan.FromMinutes(1) && o.CodeLifetime <= TimeSpan.FromDays(1), "Demo:CodeLifetime must be from 1 minute to 1 day.")
            .ValidateOnStart();
        services.AddSingleton<DemoWorkspace>();
        services.AddHostedService<DemoStart>();
        return services;
    }
}
