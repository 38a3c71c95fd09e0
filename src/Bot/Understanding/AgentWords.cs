namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The words that say who did a verb (vocabulary keys in brackets): the sender (self_agent_words), someone else
/// (other_agent_words), and the words that make a person the object rather than the doer: a companion (companion_markers),
/// the one stood in for (stand_in_markers), the sender denied (not_self_markers); and a reference to an earlier record (earlier_record_openers … record_nouns)
/// with the verbs that take it back (retraction_verbs); the post a person is appointed to (serve_verbs) and who
/// appoints (appointer_words); what a planned trip is for (purpose_verbs, purpose_leads) and the words that ask the bot
/// (bot_request_markers). Read by
/// <see cref="MessageParser"/> (MessageParser.Agents.cs).
/// </summary>
internal sealed class AgentWords(Vocabulary v)
{
    /// <summary>Every agent word, the sender's and the others', in one matcher.</summary>
    public KeywordSet All { get; } = new(v.SelfAgentWords.Concat(v.OtherAgentWords));

    public KeywordSet Self { get; } = new(v.SelfAgentWords);

    public KeywordSet Companions { get; } = new(v.CompanionMarkers);

    public KeywordSet StandIns { get; } = new(v.StandInMarkers);

    public KeywordSet NotSelf { get; } = new(v.NotSelfMarkers);

    public KeywordSet HeardFrom { get; } = new(v.HeardFromVerbs);

    public KeywordSet FinderlessDiscoveries { get; } = new(v.FinderlessDiscoveryVerbs);

    public KeywordSet EarlierRecordOpeners { get; } = new(v.EarlierRecordOpeners);

    public KeywordSet RecordNouns { get; } = new(v.RecordNouns);

    public KeywordSet Retractions { get; } = new(v.RetractionVerbs);

    public KeywordSet ServeVerbs { get; } = new(v.ServeVerbs);

    public KeywordSet Appointers { get; } = new(v.AppointerWords);

    public KeywordSet PurposeVerbs { get; } = new(v.PurposeVerbs);

    public KeywordSet PurposeLeads { get; } = new(v.PurposeLeads);

    public KeywordSet BotRequests { get; } = new(v.BotRequestMarkers);
}
