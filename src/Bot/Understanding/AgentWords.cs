namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The words that say who did a verb (vocabulary keys in brackets): the sender (self_agent_words), someone else
/// (other_agent_words), and the words that make a person the object rather than the doer: a companion (companion_markers),
/// the one stood in for (stand_in_markers), the sender denied (not_self_markers); and a reference to an earlier record (earlier_record_openers … record_nouns)
/// with the verbs that take it back (retraction_verbs); the post a person is appointed to (serve_verbs) and who
/// appoints (appointer_words); what a planned trip is for (purpose_verbs, purpose_leads) and the words that ask the bot
/// (bot_request_markers); the operators of mood and their scope (mood_operators). Read by
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

    public KeywordSet Apologies { get; } = new(v.Apologies);

    public KeywordSet RestatementLeads { get; } = new(v.RestatementLeads);

    public KeywordSet Retractions { get; } = new(v.RetractionVerbs);

    public KeywordSet ServeVerbs { get; } = new(v.ServeVerbs);

    public KeywordSet Appointers { get; } = new(v.AppointerWords);

    public KeywordSet PurposeVerbs { get; } = new(v.PurposeVerbs);

    public KeywordSet PurposeLeads { get; } = new(v.PurposeLeads);

    public KeywordSet BotRequests { get; } = new(v.BotRequestMarkers);

    // ---- round 10 (MessageParser.Mood.cs): the operators of mood and the grammar of their scope (vocabulary key mood_operators)

    /// <summary>如果/要是/假如/万一 … 的话: a condition; its clause and the consequence after it are supposed.</summary>
    public KeywordSet Conditions { get; } = new(Class(v, "conditional").Concat(v.ConditionalMarkers));

    /// <summary>希望/巴不得/但愿: a wish for what follows.</summary>
    public KeywordSet WishesBefore { get; } = new(Class(v, "optative_before"));

    /// <summary>就好了/该多好: a wish for what came before it in its sentence.</summary>
    public KeywordSet WishesAfter { get; } = new(Class(v, "optative_after"));

    /// <summary>估计/估摸着/说不定/好像/八成: a guess.</summary>
    public KeywordSet Estimates { get; } = new(Class(v, "estimative"));

    /// <summary>回头/改天/年后/考虑/原定/本打算: a plan or an intention, said now of later.</summary>
    public KeywordSet Prospects { get; } = new(Class(v, "prospective"));

    /// <summary>听说/据说/表示/反馈说: what others said.</summary>
    public KeywordSet Hearsay { get; } = new(Class(v, "hearsay"));

    /// <summary>"据|反映|介绍": an opener, then (within a few characters, no pause) a closer: 据社区网格员反映.</summary>
    public IReadOnlyList<(string Opener, KeywordSet Closers)> HearsayFrames { get; } =
        [.. Class(v, "hearsay_frames").Select(f => f.Split('|')).Select(p => (p[0], new KeywordSet(p.Skip(1))))];

    /// <summary>但是/不过/结果/现在/已经: a clause opened by one is said of what happened, whatever came before.</summary>
    public KeywordSet ScopeClosers { get; } = new(Class(v, "scope_closers"));

    /// <summary>就/那/也/还/都/再: a clause opened by one goes on with the frame before it.</summary>
    public KeywordSet ScopeJoiners { get; } = new(Class(v, "scope_joiners"));

    /// <summary>啥也没/哪也没: nothing, nowhere; not a question.</summary>
    public KeywordSet UniversalNegation { get; } = new(Class(v, "universal_negation"));

    /// <summary>没出去/没去/没跑: the sender went nowhere.</summary>
    public KeywordSet NegatedGoing { get; } = new(Class(v, "negated_going"));

    /// <summary>还没落实/还没开始: what the verb before it names is not done yet ("X的一对一帮扶还没落实").</summary>
    public KeywordSet UnfinishedAfter { get; } = new(Class(v, "unfinished_after"));

    // ---- round 12 (MessageParser.UnmetPlans.cs): a plan said and then not kept, a settling not yet done

    /// <summary>本来/原计划/约好了: a plan said as made before; with an outcome word after it, a plan not kept.</summary>
    public KeywordSet UnmetPlanOpeners { get; } = new(Class(v, "unmet_plan_openers"));

    /// <summary>没去成/取消了/推迟到/改到: the plan before it was not kept.</summary>
    public KeywordSet UnmetPlanOutcomes { get; } = new(Class(v, "unmet_plan_outcomes").Concat(new UnmeantWords(v).FailedOutcomes)); // 未能成行: round 18

    /// <summary>还没/尚未 (then 最后/正式, then 定/确定/落实): a clause of its own saying the one before is not settled.</summary>
    public KeywordSet UnsettledNegations { get; } = new(Class(v, "unsettled_negations"));

    public KeywordSet UnsettledAdverbs { get; } = new(Class(v, "unsettled_adverbs"));

    public KeywordSet UnsettledVerbs { get; } = new(Class(v, "unsettled_verbs"));

    /// <summary>帮/帮着/来帮/帮他们: a helper's purpose lead; 把 + a party body + 建起来 after it is what the help is for.</summary>
    public KeywordSet HelpLeads { get; } = new(Class(v, "help_leads"));

    // ---- round 16 (MessageParser.Agenda.cs): a day's agenda said before a trip, and the aspect that says it was done

    /// <summary>先/再/要/一会儿/待会儿: said right before a trip with no perfective after it, the trip is the day's agenda.</summary>
    public KeywordSet AgendaOperators { get; } = new(Class(v, "agenda_operators"));

    /// <summary>然后/接着: the next step of an agenda said in the clause before.</summary>
    public KeywordSet AgendaSequence { get; } = new(Class(v, "agenda_sequence"));

    /// <summary>我/上午/都/顺便: words that may stand between an agenda operator and the trip.</summary>
    public KeywordSet AgendaSteps { get; } = new(Class(v, "agenda_steps"));

    /// <summary>了解/为了/除了: 了 inside a word, no aspect.</summary>
    public KeywordSet NotAspect { get; } = new(Class(v, "not_aspect"));

    // ---- round 16 (MessageParser.Arrival.cs): the sender at a unit said with no visit verb

    /// <summary>那边/我/刚/上午: words between a unit said as the topic and what the sender did there.</summary>
    public KeywordSet PresenceGaps { get; } = new(Class(v, "presence_gaps").Concat(v.TopicPlaceWords));

    /// <summary>到了/出来/回来: arrived at or come out of the unit just named.</summary>
    public KeywordSet PresenceVerbs { get; } = new(Class(v, "presence_verbs"));

    /// <summary>聊完/谈完/对接完: an activity there, finished.</summary>
    public KeywordSet FinishedActivities { get; } = new(Class(v, "finished_activities"));

    /// <summary>电话/微信/群里 and the contact verbs: a talk with a unit's people not held there.</summary>
    public KeywordSet RemoteWords { get; } = new(Class(v, "remote_words").Concat(v.ContactVerbs));

    /// <summary>开了/召开了/举办了: after a unit as topic with no 我 said, what the unit did (开了个会), not the sender's stay.</summary>
    public KeywordSet UnitActs { get; } = new(Class(v, "unit_acts"));

    /// <summary>厂/店/公司/协会/学校: a unit's kind said alone, no name.</summary>
    public KeywordSet UnitNouns { get; } = new(v.UnitPlaceNouns.Concat(v.OrgTypeWords.Keys));

    /// <summary>发语音/打字/听懂: how the sender talks to the bot; asked about, the bot's use (help).</summary>
    public KeywordSet InputModes { get; } = new(Class(v, "input_modes"));

    /// <summary>报备/汇报/登记 right after a need or plan word ("另有一事需要报备："): the need is the message's own telling, no plan.</summary>
    public KeywordSet ReportObjects { get; } = new(Class(v, "report_objects"));

    /// <summary>加起来/合起来/一共 after 几 + a measure: several things summed, not asked (MessageParser.AlsoContinued.cs).</summary>
    public KeywordSet SumWords { get; } = new(Class(v, "sum_words"));

    /// <summary>帮我记一下/登记一下: the sender asks the bot to record what the message says (MessageParser.MembersTold.cs).</summary>
    public KeywordSet RecordRequests { get; } = new(Class(v, "record_requests"));

    /// <summary>也是同一天/也是当天 right after a mass body: set up the day a body said before was (MessageParser.AlsoContinued.cs).</summary>
    public KeywordSet SameDayAsBefore { get; } = new(Class(v, "same_day_as_before"));

    private static IEnumerable<string> Class(Vocabulary v, string name) => v.MoodOperators.TryGetValue(name, out var words) ? words : [];
}
