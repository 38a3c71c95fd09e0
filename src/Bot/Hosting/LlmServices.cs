using InstructorBot.Bot.Llm;
using InstructorBot.Store;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// Registers the optional language model (configuration section <c>Llm</c>, docs/llm.md) when <c>Llm:Mode</c> is
/// <c>fallback</c> or <c>always</c>: one <see cref="ModelClient"/> auditing beside the database and into the log, and the
/// <see cref="ModelUnderstanding"/> the understanding consults. With the mode off (the default) nothing is registered.
/// Settings that do not hold stop the host at start with the reason.
/// </summary>
public static class LlmServices
{
    public static IServiceCollection AddBotLlm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (options, problem) = LlmOptions.Read(name => configuration[name]);
        if (problem is null && options.Mode != LlmMode.Off)
        {
            problem = options.Problem();
        }

        if (problem is not null)
        {
            throw new InvalidOperationException($"语言模型设置有误（invalid Llm settings）：{problem}");
        }

        if (options.Mode == LlmMode.Off)
        {
            return services;
        }

        services.AddSingleton(sp => new ModelClient(
            options,
            new ModelAuditLog(ModelAuditLog.BesideDatabase(StoreServices.LocalDatabasePath(configuration)), sp.GetRequiredService<ILoggerFactory>().CreateLogger<ModelClient>()),
            sp.GetService<TimeProvider>()));
        services.AddSingleton(sp => new ModelUnderstanding(sp.GetRequiredService<ModelClient>(), options.Mode));
        return services;
    }
}
