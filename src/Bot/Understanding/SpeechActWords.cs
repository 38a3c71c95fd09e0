namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The word classes the speech-act stage (MessageParser.SpeechActs.cs) reads a message's act from, from the
/// <c>speech_acts</c> map of vocabulary.json (data, not code): who is asked what in help questions, the modals and forming
/// verbs of an advice question, the speech verbs of a question reported rather than put, and a set of units asked for.
/// </summary>
internal sealed class SpeechActWords
{
    public SpeechActWords(IReadOnlyDictionary<string, List<string>> words)
    {
        KeywordSet Of(string key) => new(words.TryGetValue(key, out var list) ? list : []);
        HelpSubjects = Of("help_subjects");
        HelpAbilities = Of("help_abilities");
        HelpDoings = Of("help_doings");
        HelpObjects = Of("help_objects");
        HelpFirstUse = Of("help_first_use");
        HelpToolPointers = Of("help_tool_pointers");
        LedgerMarkingRequests = Of("ledger_marking_requests");
        HelpRecordDoings = Of("help_record_doings");
        SetHeadNouns = Of("set_head_nouns");
        HelpHow = Of("help_how");
        AskModals = Of("ask_modals");
        FormingVerbs = Of("forming_verbs");
        ChoiceWords = Of("choice_words");
        ChoiceMethods = Of("choice_methods");
        InterrogativeClosers = Of("interrogative_closers");
        QuestionSpeechVerbs = Of("question_speech_verbs");
        BotDirectedBeforeSpeech = Of("bot_directed_before_speech");
        ReportedAfterSpeech = Of("reported_after_speech");
        UnformedSetNouns = Of("unformed_set_nouns");
        SetAskingWords = Of("set_asking_words");
        BuiltAsked = Of("built_asked");
        UnbuiltAsked = Of("unbuilt_asked");
        GenericFormingVerbs = Of("generic_forming_verbs");
        FormingObjectsNotParty = Of("forming_objects_not_party");
        MetricNounSuffixes = Of("metric_noun_suffixes");
        RecordReferences = Of("record_reference_markers");
        SpeechVerbOtherWords = Of("speech_verb_other_words");
        UseRecordVerbs = Of("use_record_verbs");
        UseRecordNot = Of("use_record_not");
        UseBotSigns = Of("use_bot_signs");
        UseInputModes = Of("use_input_modes");
        UseAskingWords = Of("use_asking_words");
        UseGapWords = Of("use_gap_words");
        ThirdPersonAddressees = Of("third_person_addressees");
        RecordsWithheld = Of("records_withheld");
        UseFigureAsked = Of("use_figure_asked");
        SenderAnswers = Of("sender_answers");
        EarlierStatementVerbs = Of("earlier_statement_verbs");
        ChoiceQuestionWords = Of("choice_question_words");
    }

    /// <summary>系统/机器人/你: the bot as the subject of a question about what it can do.</summary>
    public KeywordSet HelpSubjects { get; }

    /// <summary>能/会/可以: its ability.</summary>
    public KeywordSet HelpAbilities { get; }

    /// <summary>干/做/办理: the doing asked about.</summary>
    public KeywordSet HelpDoings { get; }

    /// <summary>什么/哪些事项: the object asked, closing the question.</summary>
    public KeywordSet HelpObjects { get; }

    /// <summary>标一下/改成/更新一下: the ledger asked to take a fact said, not shown.</summary>
    public KeywordSet LedgerMarkingRequests { get; }

    /// <summary>这个/这东西/这玩意儿: the tool pointed at, as the subject of 咋用/怎么用.</summary>
    public KeywordSet HelpToolPointers { get; }

    /// <summary>记/录/查: what the bot is asked to do for the sender in "能帮我记些啥".</summary>
    public KeywordSet HelpRecordDoings { get; }

    /// <summary>企业/单位/社会组织: the head noun of a set of units described ("没党员的企业").</summary>
    public KeywordSet SetHeadNouns { get; }

    /// <summary>第一次用/初次使用: the sender is new to the bot …</summary>
    public KeywordSet HelpFirstUse { get; }

    /// <summary>… and asks how it works (怎么操作, 能说说).</summary>
    public KeywordSet HelpHow { get; }

    /// <summary>该/必须/能/咋: a modal or a manner question right before a forming verb (是否/是不是 ask whether a fact holds: "是不是上周成立了").</summary>
    public KeywordSet AskModals { get; }

    /// <summary>单独建/联建/成立/覆盖: what an organisation would do to form.</summary>
    public KeywordSet FormingVerbs { get; }

    /// <summary>还是: a choice between two ways.</summary>
    public KeywordSet ChoiceWords { get; }

    /// <summary>联合/单独/别人: a way of forming offered after 还是.</summary>
    public KeywordSet ChoiceMethods { get; }

    /// <summary>吗/是不是/好一点: the clause asks.</summary>
    public KeywordSet InterrogativeClosers { get; }

    /// <summary>问/咨询: a verb that reports someone's question.</summary>
    public KeywordSet QuestionSpeechVerbs { get; }

    /// <summary>请/想/我 right before 问: the question is put to the bot (请问, 想问, 我问你).</summary>
    public KeywordSet BotDirectedBeforeSpeech { get; }

    /// <summary>了/过/我 right after 问: a question asked before, now reported (问了一下, 问过, 问我行不行).</summary>
    public KeywordSet ReportedAfterSpeech { get; }

    /// <summary>没党员的/无党员的: the units with no member, as a noun phrase (a set, not one unit's fact).</summary>
    public KeywordSet UnformedSetNouns { get; }

    /// <summary>哪几家/名单/通报/列: the set is asked for.</summary>
    public KeywordSet SetAskingWords { get; }

    /// <summary>建了多少: the units formed, asked …</summary>
    public KeywordSet BuiltAsked { get; }

    /// <summary>… with 没建多少, the units not formed: both sides of the coverage figure.</summary>
    public KeywordSet UnbuiltAsked { get; }

    /// <summary>建/成立: forming verbs that need a party or mass body, a particle or the clause's end after them …</summary>
    public KeywordSet GenericFormingVerbs { get; }

    /// <summary>… and not these (建议, 建设, 建立台账, 覆盖率): what is built is no organisation.</summary>
    public KeywordSet FormingObjectsNotParty { get; }

    /// <summary>量/次数/情况 right after a visit verb: 走访量, 走访次数 are nouns of a progress figure, no visit reported.</summary>
    public KeywordSet MetricNounSuffixes { get; }

    /// <summary>所报/走访一条: a record already sent, named as the object of an undo (not a new report).</summary>
    public KeywordSet RecordReferences { get; }

    /// <summary>问题/访问/问出来: words holding 问 that report no question.</summary>
    public KeywordSet SpeechVerbOtherWords { get; }

    /// <summary>报/录/记/登记: what the sender does with the bot when reporting (MessageParser.BotUse.cs) …</summary>
    public KeywordSet UseRecordVerbs { get; }

    /// <summary>… not inside these (报表, 报销, 书记, 记得): words holding them that name no report to the bot.</summary>
    public KeywordSet UseRecordNot { get; }

    /// <summary>你/它/在这/小助手/这东西: the bot addressed, pointed at, or the place of the report.</summary>
    public KeywordSet UseBotSigns { get; }

    /// <summary>打字/发文字/语音/说话: a way of putting a message to the bot.</summary>
    public KeywordSet UseInputModes { get; }

    /// <summary>在哪/怎么/就行/吗: the clause asks where, how or whether.</summary>
    public KeywordSet UseAskingWords { get; }

    /// <summary>到底/究竟: adverbs that may stand between a tool pointed at and 咋用.</summary>
    public KeywordSet UseGapWords { get; }

    /// <summary>我说/我跟他说/我建议: the sender answers a question reported before (it is not passed on to the bot).</summary>
    public KeywordSet SenderAnswers { get; }

    /// <summary>啥/什么/哪种 after 还是 and a forming verb: "是建支部还是建啥", the way left open.</summary>
    public KeywordSet ChoiceQuestionWords { get; }

    /// <summary>说/报/记 right after 刚才/上条: the earlier message's words quoted (刚才说智联工会是昨天成立的 …).</summary>
    public KeywordSet EarlierStatementVerbs { get; }

    /// <summary>几家/多少: a clause asking a count asks a figure of the records (你记了几家), not how to use the bot.</summary>
    public KeywordSet UseFigureAsked { get; }

    /// <summary>别记/不要记/不用登记: the bot told not to keep a record (an undo when an earlier record is pointed at before it).</summary>
    public KeywordSet RecordsWithheld { get; }

    /// <summary>他/他们/人家 right after 问 (问问他): the question is put to someone else, not to the bot.</summary>
    public KeywordSet ThirdPersonAddressees { get; }
}
