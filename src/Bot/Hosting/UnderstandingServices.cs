using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;
using InstructorBot.Store;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// Registers the Understanding feature: the vocabulary (embedded, extended by <c>Understanding:VocabularyFile</c>)
/// and one <see cref="MessageUnderstanding"/> over the store's ledger, re-indexed when organisation names, credit codes or locations change.
/// </summary>
public static class UnderstandingServices
{
    public static IServiceCollection AddBotUnderstanding(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var vocabularyFile = configuration["Understanding:VocabularyFile"];
        services.AddSingleton(_ => Vocabulary.Load(vocabularyFile));
        services.AddBotLlm(configuration);
        services.AddOptions<SecondOpinionOptions>().Bind(configuration.GetSection("Understanding:SecondOpinion"))
            .Validate(o => o.Threshold is >= 0f and < 1f, "Understanding:SecondOpinion:Threshold must be in [0, 1)").ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<InstructorStore>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<SecondOpinion>();
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecondOpinionOptions>>().Value;
            return new MessageUnderstanding(() => store.OrganizationNamesVersion, store.Organizations, sp.GetRequiredService<Vocabulary>())
            {
                PreferSenderJurisdiction = configuration.GetValue("Understanding:PreferSenderJurisdiction", false),
                CampaignStart = configuration.GetValue<DateOnly?>("Campaign:Start"),
                KnownPeople = () => ProgressFilters.PeopleOf(store.Users(), store.Organizations()),
                SecondOpinion = SecondOpinion.BesideDatabase(StoreServices.LocalDatabasePath(configuration), options, message => SecondOpinionLog.Warning(logger, message)),
                Model = sp.GetService<Llm.ModelUnderstanding>(),
            };
        });
        services.AddHostedService<SecondOpinionWarmup>();
        services.AddWarmupPart(HostReadiness.Models);
        return services;
    }
}
