using InstructorBot.Bot.Charts;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Plugins;
using InstructorBot.Bot.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Hosting;

/// <summary>Registers the Conversation feature: the turn pipeline, its kernel and plugins, dialogue state, codes and downloads.</summary>
public static class ConversationServices
{
    public static IServiceCollection AddBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new OneTimeCodes(
            provider.GetRequiredService<Store.InstructorStore>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<CodeAttemptThrottle>()));
        services.AddSingleton<TurnLog>();
        services.AddSingleton<DialogueState>();
        services.AddOptions<ConversationOptions>()
            .BindConfiguration(ConversationOptions.Section)
            .Validate(o => o.UndoWindowDays >= 1, "Conversation:UndoWindowDays must be at least 1.")
            .Validate(o => o.RecentCount is >= 1 and <= 50, "Conversation:RecentCount must be between 1 and 50.")
            .Validate(o => o.Confirm.MemberChangeRatio >= 0, "Conversation:Confirm:MemberChangeRatio must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<ConfirmPolicy>();
        services.AddSingleton<NearNames>();
        services.AddSingleton<CorrectionReader>();
        services.AddSingleton<RecordHistory>();
        services.AddSingleton<HelpExamples>();
        services.AddSingleton<TurnGuards>();
        services.AddSingleton<ChannelBindings>();
        services.AddSingleton<DownloadFiles>();
        services.AddSingleton<ReportingPlugin>();
        services.AddSingleton<ProgressPlugin>();
        services.AddSingleton<CoverageChart>();
        services.AddSingleton<ChartFiles>();
        services.AddSingleton<PermissionFilter>();
        services.AddOptions<CodeAttemptOptions>().BindConfiguration(CodeAttemptOptions.Section);
        services.AddSingleton<CodeAttemptThrottle>();
        services.AddSingleton(provider =>
        {
            // The same functions an optional model would call: the turn invokes them through this kernel.
            var kernel = new Kernel(provider);
            kernel.FunctionInvocationFilters.Add(provider.GetRequiredService<PermissionFilter>());
            kernel.Plugins.AddFromObject(provider.GetRequiredService<ReportingPlugin>(), ReportingPlugin.Name);
            kernel.Plugins.AddFromObject(provider.GetRequiredService<ProgressPlugin>(), ProgressPlugin.Name);
            if (provider.GetService<CoordinationPlugin>() is { } coordination)
            {
                kernel.Plugins.AddFromObject(coordination, CoordinationPlugin.Name);
            }

            if (provider.GetService<KnowledgePlugin>() is { } knowledge)
            {
                kernel.Plugins.AddFromObject(knowledge, PluginNames.Knowledge);
            }

            return kernel;
        });
        services.AddOptions<TurnOptions>()
            .BindConfiguration(TurnOptions.Section)
            .Validate(o => o.Budget > TimeSpan.Zero && o.Budget <= TimeSpan.FromMinutes(10), "Turns:Budget must be between 0 and 10 minutes.")
            .Validate(o => o.StartupWait >= TimeSpan.Zero && o.StartupWait <= TimeSpan.FromMinutes(10), "Turns:StartupWait must be between 0 and 10 minutes.")
            .ValidateOnStart();
        // Every channel gets the real pipeline behind the wall that turns a failed or runaway turn into an apology.
        services.AddKeyedSingleton<ITurnPipeline, TurnPipeline>(IsolatedTurnPipeline.InnerKey);
        services.AddSingleton<ITurnPipeline, IsolatedTurnPipeline>();
        services.AddHostReadiness();
        return services;
    }
}
