using InstructorBot.Bot.Understanding;
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
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<InstructorStore>();
            return new MessageUnderstanding(() => store.OrganizationNamesVersion, store.Organizations, sp.GetRequiredService<Vocabulary>())
            {
                PreferSenderJurisdiction = configuration.GetValue("Understanding:PreferSenderJurisdiction", false),
                CampaignStart = configuration.GetValue<DateOnly?>("Campaign:Start"),
                KnownPeople = () => ProgressFilters.PeopleOf(store.Users(), store.Organizations()),
            };
        });
        return services;
    }
}
