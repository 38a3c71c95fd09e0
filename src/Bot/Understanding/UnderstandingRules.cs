namespace InstructorBot.Bot.Understanding;

/// <summary>The vocabulary turned into matchers, built once per vocabulary.</summary>
internal sealed partial class UnderstandingRules
{
    public UnderstandingRules(Vocabulary v)
    {
        Vocabulary = v;
        Visit = new(v.VisitVerbs);
        Motion = new(v.MotionVerbs);
        Discovery = new(v.DiscoveryVerbs);
        Hire = new(v.HireVerbs);
        DiscoveryAfter = new(v.DiscoveryAfterVerbs);
        Categories = new(v.MemberCategories.Keys.Concat(["正式党员", "党员"]));
        Formation = new(v.FormationVerbs);
        PartyAndMassWords = new(v.PartyOrganizationWords.Keys.Concat(v.MassOrganizations.Keys));
        Single = new(v.SingleWords);
        Joint = new(v.JointWords);
        Functional = new(v.FunctionalWords);
        JointModes = new(v.JointModes.Keys);
        LeaderMarkers = new(v.LeaderMarkers);
        Mass = new(v.MassOrganizations.Keys);
        MassVerbs = new(v.MassFormationVerbs);
        InstructorWords = new(v.InstructorWords);
        InstructorVerbs = new(v.InstructorVerbs);
        Statuses = new(v.Statuses.Keys);
        Pairing = new(v.PairingVerbs);
        Negation = new(v.NegationMarkers);
        Plan = new(v.PlanMarkers);
        Question = new(v.QuestionMarkers);
        ApproximationPrefixes = new(v.ApproximationPrefixes);
        ApproximationSuffixes = new(v.ApproximationSuffixes);
        Sequence = new(v.SequenceWords);
        EmployeeWords = new(v.EmployeeWords);
        Fillers = new(v.FactFillers.Concat(v.MemberTotalVerbs));
        Changes = new(v.FactChanges);
        TotalStates = new(v.TotalStateWords);
        ListJoiners = new(v.ListJoiners);
        AllMarkers = new(v.AllMarkers);
        AllTogether = new(v.AllTogetherMarkers);
        HostMarkers = new(v.HostMarkers);
        ListIntro = new(v.ListIntroMarkers);
        ReportHeadings = new(v.ReportHeadingWords);
        // "讲讲|说说+怎么用": a pattern's groups said one right after the other ("讲讲积分制怎么用" asks about something else).
        Help = new(v.HelpPhrases.SelectMany(p => p.Split('+').Aggregate((IEnumerable<string>)[""], (heads, group) => heads.SelectMany(h => group.Split('|').Select(w => h + w)))));
        Undo = new(v.UndoPhrases);
        Export = new(v.ExportPhrases.Where(p => !p.Contains('+')));
        ExportPatterns = [.. v.ExportPhrases.Where(p => p.Contains('+')).Select(p => p.Split('+').Select(g => new KeywordSet(g.Split('|'))).ToArray())];
        AdviceWithFigures = new(v.AdviceWithFiguresPhrases);
        How = new(v.HowMarkers);
        ClassNouns = new(v.ClassNouns);
        Titles = new(v.Titles);
        Respectively = new(v.RespectivelyMarkers);
        VisitNounFollowers = new(v.VisitNounFollowers);
        Lookup = new(v.LookupPhrases);
        LookupObjects = new(v.LookupObjects);
        LookupQuestions = new(v.LookupQuestions);
        Advice = new(v.AdvicePhrases.Where(p => !p.Contains('+')));
        AdvicePatterns = [.. v.AdvicePhrases.Where(p => p.Contains('+')).Select(p => p.Split('+').Select(g => new KeywordSet(g.Split('|'))).ToArray())];
        PolicyDefinition = new(v.PolicyDefinitionPhrases);
        SpeechActs = new SpeechActWords(v.SpeechActs);
        Asking = new AskingWords(v.Asking);
        OwnScope = new(v.OwnScopeWords);
        Forms = new FormNotes(v);
        ClassDescription = new(v.ClassDescriptionMarkers);
        Singular = new(v.SingularMarkers);
        OrgTypeWords = new(v.OrgTypeWords.Keys);
        RequestMarkers = new(v.RequestMarkers);
        TopicShift = new(v.TopicShiftMarkers);
        Conditional = new(v.ConditionalMarkers);
        Corrections = new(v.CorrectionMarkers);
        CorrectionLeads = new(v.CorrectionLeads);
        MemberDescriptions = new(v.MemberDescriptions.Keys);
        Definitions = new(v.MemberDefinitions);
        CategoryShortWords = new(v.CategoryShortWords.Keys);
        ChangeVerbs = new(v.ChangeVerbs);
        RequestModals = [.. v.RequestModals.OrderByDescending(m => m.Length)];
        Pronouns = new(v.OrganizationPronouns);
        SmallTalk = new(v.SmallTalk.Keys.Concat(v.SmallTalkFillers));
        Names = new PersonNames(v);
        KindNouns = MessageParser.KindNounsOf(v);
        PersonRoleKeys = new(v.PersonRoleKeys);
        HolderServeVerbs = new(v.SecretaryServeVerbs.Concat(v.ServeVerbs).Concat(v.ElectedVerbs));
        SpokenFillers = new(v.SpokenFillers);
        GlossRadicals = new(v.CharacterGlossRadicals);
        UnitIntroducers = new(v.UnitIntroducers);
        UnitObjectPrepositions = new(v.UnitObjectPrepositions.Concat(v.PrepositionCompounds));
        NamingVerbs = new(v.NamingVerbs);
        UnitNameNouns = new(v.UnitNameNouns);
        UnitPlaceLinks = new(v.UnitPlaceLinks);
        SelfClaimAdverbs = new(v.SelfClaimAdverbs);
        Reversals = new(v.ReversalMarkers);
        EarlierReports = new(v.EarlierReports);
        MemberFigures = new(v.MemberFigures);
        PauseCorrections = new(v.PauseCorrectionMarkers);
        VisitPlaceMarkers = new(v.VisitPlaceMarkers);
        VisitStayVerbs = new(v.VisitStayVerbs);
        SplitMarkers = new(v.SplitMarkers);
        TotalWords = new(v.TotalWords);
        Lexicon = new(v);
        HelpWords = [.. v.HelpWords.Select(TextNormalizer.NormalizeName)];
        UndoWords = [.. v.UndoWords.Select(TextNormalizer.NormalizeName)];
        ProgressPatterns = [.. v.ProgressMetrics.SelectMany(metric => metric.Value.Select(pattern => (
            Metric: Enum.Parse<ProgressMetric>(metric.Key, ignoreCase: true),
            Groups: pattern.Split('+').Select(group => new KeywordSet(group.Split('|'))).ToArray())))];
        StayAdverbs = new(v.StayAdverbs);
        UnitPartNouns = new(v.UnitPartNouns);
        Demonstratives = new(v.Demonstratives);
        TradeWords = new(v.GenericWords);
        LongDone = new(v.LongDoneMarkers);
        NoneAfterOne = new(v.NoneAfterOne);
        NoneWords = new(v.NoneWords);
        ShowFollowups = new(v.ShowFollowups);
        StayPlaceVerbs = new(v.StayPlaceVerbs);
        VisitActivities = new(v.VisitActivityVerbs);
        RoundHeadings = new(v.RoundHeadingWords);
        Newcomers = new(v.NewcomerMarkers);
        Confirmations = new(v.ConfirmationMarkers);
        StaffNouns = new(v.StaffNouns);
        SettledWords = new(v.SettledWords);
        SelfAgent = new(v.SelfAgentPhrases);
        SecretaryServeVerbs = new(v.SecretaryServeVerbs);
        SendingVerbs = new(v.SendingVerbs);
        LeaderFollowVerbs = new(v.LeaderFollowVerbs);
        StatusDescriptions = new(v.StatusDescriptions);
        FewWords = [.. v.FewWords.Select(TextNormalizer.NormalizeName).Where(w => w.Contains('几')).Select(w => (w, w.IndexOf('几')))];
        FewContexts = new(v.FewContexts);
        FewQuestionModals = new(v.FewQuestionModals);
        SameAsBefore = new(v.SameAsBeforeWords);
        SettledAdverbs = new(v.SettledAdverbs);
        RevelationMarkers = new(v.RevelationMarkers);
        OnePersonMarkers = new(v.OnePersonMarkers);
        SelfDeclarations = new(v.SelfDeclarationVerbs);
        PartLeads = new(v.PartsFound.GetValueOrDefault("leads") ?? []);
        PartEarlierTimes = new(v.PartsFound.GetValueOrDefault("earlier_times") ?? []);
        PartTransferVerbs = new(v.PartsFound.GetValueOrDefault("transfer_verbs") ?? []);
        FigureStates = new(v.FigureAccount.GetValueOrDefault("state_words") ?? []);
        FigureSums = new(v.FigureAccount.GetValueOrDefault("sum_words") ?? []);
        NoneStates = new(v.FigureAccount.GetValueOrDefault("none_states") ?? []);
        PartAdders = new(v.FigureAccount.GetValueOrDefault("part_adders") ?? []);
        AlsoWords = new(v.FigureAccount.GetValueOrDefault("also_words") ?? []);
        AllWords = new(v.FigureAccount.GetValueOrDefault("all_words") ?? []);
        ChainTitles = new(v.ChainTitles);
        HandingVerbs = new(v.HolderPhrases.TryGetValue("handing_verbs", out var handing) ? handing : []);
        ChangeLinks = new(v.HolderPhrases.TryGetValue("change_links", out var changes) ? changes : []);
        HolderLinks = new(v.HolderPhrases.TryGetValue("links", out var links) ? links : []);
        HostLinks = new(Forming(v, "host_links"));
        RelationPronouns = new(Forming(v, "relation_pronouns"));
        RelationNouns = new(Forming(v, "relation_nouns"));
        PerUnitMarkers = new(Forming(v, "per_unit_markers"));
        FigureOnlyFollowers = new(Forming(v, "figure_only_followers"));
        UnitJoiners = [.. Forming(v, "unit_joiners")];
        UnitNewcomerLeads = new(Forming(v, "unit_newcomer_leads"));
        PostHolderGaps = new(Forming(v, "post_holder_gaps"));
        CutNouns = new CutNouns(v, Formation);
        VisitDayGapWords = new(v.VisitDayGapWords);
        FormerStateMarkers = new(v.FormerStateMarkers);
        PredicateRoles = new(v.PredicateRoleNouns);
        Repairs = new(v);
        Agents = new(v);
        Aspect = new(v);
        Unmeant = new(v);
        Comparison = new(v);
        Alternatives = new(v);
    }

    /// <summary>Who did a verb: the sender, someone else, or a person the verb is done with or for.</summary>
    public AgentWords Agents { get; }

    /// <summary>When a body was set up, or that it is not yet: background times, paperwork, approval awaited, efforts ahead.</summary>
    public AspectWords Aspect { get; }

    /// <summary>Records the user did not mean: a plan not kept, a talk's topic, those present, no progress, a question's lead (round 18).</summary>
    public UnmeantWords Unmeant { get; }

    /// <summary>A member figure said by comparison: the increase after 比's reference, the leads of a total said after it.</summary>
    public ComparisonWords Comparison { get; }

    /// <summary>An alternative question: the words opening the second alternative, the ways of covering a unit it may name.</summary>
    public AlternativeWords Alternatives { get; }

    private (string Word, int Few)[] FewWords { get; }
    private KeywordSet FewContexts { get; }
    private KeywordSet FewQuestionModals { get; }

    /// <summary>一样/没变/同上次: a figure said as the same as last reported.</summary>
    public KeywordSet SameAsBefore { get; }

    /// <summary>也/都/已经 between 指导员 and 定了.</summary>
    public KeywordSet SettledAdverbs { get; }

    /// <summary>其实/原来: what is said after it is news (a member revealed, not a fact known before).</summary>
    public KeywordSet RevelationMarkers { get; }

    /// <summary>有个/一名/有位: one person said by a measure word.</summary>
    public KeywordSet OnePersonMarkers { get; }

    /// <summary>self_declaration_verbs: 说自己/承认自己 right before 是党员.</summary>
    public KeywordSet SelfDeclarations { get; }

    /// <summary>figure_account.state_words: 还是/就/总数/现在 before a figure make it a total.</summary>
    public KeywordSet FigureStates { get; }

    /// <summary>figure_account.sum_words: 一共/加起来 close a count said in parts.</summary>
    public KeywordSet FigureSums { get; }

    /// <summary>figure_account.also_words: 还有/另外/也是 — one more of what was said before.</summary>
    public KeywordSet AlsoWords { get; }

    /// <summary>figure_account.all_words: 都/全 after a count — said of all it counts.</summary>
    public KeywordSet AllWords { get; }

    /// <summary>figure_account.part_adders: 加上/算上 before a figure add a part; their 上 makes no figure approximate.</summary>
    public KeywordSet PartAdders { get; }

    /// <summary>figure_account.none_states: 还是/仍然 right before 没有党员: a total of none.</summary>
    public KeywordSet NoneStates { get; }

    /// <summary>parts_found.leads: 其中/这里面, a part of a total said after it.</summary>
    public KeywordSet PartLeads { get; }

    /// <summary>parts_found.earlier_times: 之前/以前/上次 right before a part's find verb: an earlier find.</summary>
    public KeywordSet PartEarlierTimes { get; }

    /// <summary>parts_found.transfer_verbs: 调来/调过来, members who came by transfer.</summary>
    public KeywordSet PartTransferVerbs { get; }

    /// <summary>副书记/委员/主席: titles in a party or mass body that end a chain of titles before a name.</summary>
    public KeywordSet ChainTitles { get; }

    /// <summary>上午/晚上/我/过 between a past day and 去的 (visit_day_gap_words).</summary>
    public KeywordSet VisitDayGapWords { get; }
    public KeywordSet FormerStateMarkers { get; }

    /// <summary>predicate_role_nouns: 书记是X, whose X a correction replaces.</summary>
    public KeywordSet PredicateRoles { get; }

    /// <summary>The slot classes a self-repair can name (round 10).</summary>
    public Tokens.RepairClasses Repairs { get; }

    public Vocabulary Vocabulary { get; }
    public KeywordSet StayAdverbs { get; }

    public KeywordSet UnitPartNouns { get; }
    public KeywordSet Demonstratives { get; }

    /// <summary>物流/物业/科技: the generic trade words of names, which describe a unit and name none.</summary>
    public KeywordSet TradeWords { get; }
    public KeywordSet LongDone { get; }
    public KeywordSet NoneAfterOne { get; }

    /// <summary>没有, 没, 无, 木有…: the words that say none (<c>none_words</c>).</summary>
    public KeywordSet NoneWords { get; }

    public KeywordSet ShowFollowups { get; }

    public KeywordSet StayPlaceVerbs { get; }
    public KeywordSet VisitActivities { get; }
    public KeywordSet RoundHeadings { get; }
    public KeywordSet Newcomers { get; }
    public KeywordSet Confirmations { get; }
    public KeywordSet StaffNouns { get; }
    public KeywordSet SettledWords { get; }
    public KeywordSet SelfAgent { get; }
    public KeywordSet SecretaryServeVerbs { get; }
    public KeywordSet SendingVerbs { get; }
    public KeywordSet LeaderFollowVerbs { get; }
    public KeywordSet StatusDescriptions { get; }
    public KeywordSet SpokenFillers { get; }

    /// <summary>三点水, 草字头: radicals a speaker tells a name's character by (<see cref="CharacterGlosses"/>).</summary>
    public KeywordSet GlossRadicals { get; }

    /// <summary>有个/有家: words that bring a unit into a report ("有个鑫达五金厂"); a unit's name may follow.</summary>
    public KeywordSet UnitIntroducers { get; }

    /// <summary>The prepositions a unit may follow and the compounds that hold one (read together, leftmost-longest: 帮扶 is no 帮).</summary>
    public KeywordSet UnitObjectPrepositions { get; }

    /// <summary>叫/名叫/叫做 (naming_verbs): after a unit's classifier, the unit's name follows ("一家叫鹏程公益基金会的").</summary>
    public KeywordSet NamingVerbs { get; }

    /// <summary>名字/全名/全称 (unit_name_nouns): said before a naming word, they introduce a unit's name.</summary>
    public KeywordSet UnitNameNouns { get; }

    /// <summary>楼里的/园区里的 (unit_place_links): a name before them and units after says where the units stand.</summary>
    public KeywordSet UnitPlaceLinks { get; }

    /// <summary>先/就/这次 (self_claim_adverbs): between 我 and a pairing verb the sender claims.</summary>
    public KeywordSet SelfClaimAdverbs { get; }

    /// <summary>说反了/弄反了: correction markers that say two figures were swapped.</summary>
    public KeywordSet Reversals { get; }

    /// <summary>上次报的…，实际是…: a figure corrected about an earlier report (<see cref="Understanding.EarlierReports"/>).</summary>
    public EarlierReports EarlierReports { get; }

    /// <summary>现在/只剩/原来/另外有/不算: a figure's time and sum (<see cref="MemberFigureWords"/>).</summary>
    public MemberFigureWords MemberFigures { get; }
    public KeywordSet PauseCorrections { get; }
    public KeywordSet VisitPlaceMarkers { get; }
    public KeywordSet VisitStayVerbs { get; }
    public KeywordSet SplitMarkers { get; }
    public KeywordSet TotalWords { get; }

    /// <summary>The word classes of the token layer (<see cref="Tokens.Tokenizer"/>).</summary>
    public Tokens.TokenLexicon Lexicon { get; }
    public KeywordSet Visit { get; }
    public KeywordSet Motion { get; }
    public KeywordSet Discovery { get; }
    public KeywordSet Hire { get; }
    public KeywordSet DiscoveryAfter { get; }
    public KeywordSet Categories { get; }
    public KeywordSet Formation { get; }
    public KeywordSet PartyAndMassWords { get; }
    public KeywordSet Single { get; }
    public KeywordSet Joint { get; }
    public KeywordSet Functional { get; }
    public KeywordSet JointModes { get; }
    public KeywordSet LeaderMarkers { get; }
    public KeywordSet Mass { get; }
    public KeywordSet MassVerbs { get; }
    public KeywordSet InstructorWords { get; }
    public KeywordSet InstructorVerbs { get; }
    public KeywordSet Statuses { get; }
    public KeywordSet Pairing { get; }
    public KeywordSet Negation { get; }
    public KeywordSet Plan { get; }
    public KeywordSet Question { get; }
    public KeywordSet ApproximationPrefixes { get; }
    public KeywordSet ApproximationSuffixes { get; }
    public KeywordSet Sequence { get; }
    public KeywordSet EmployeeWords { get; }
    public KeywordSet Fillers { get; }
    public KeywordSet Changes { get; }

    /// <summary>total_state_words: 现在/目前 between a count noun and its figure.</summary>
    public KeywordSet TotalStates { get; }

    /// <summary>list_joiners: 、/和/与 between the members of a list.</summary>
    public KeywordSet ListJoiners { get; }
    public KeywordSet AllMarkers { get; }

    /// <summary>都/均/两家都: a fact said after a list holds for every one listed.</summary>
    public KeywordSet AllTogether { get; }

    /// <summary>挂靠/依托 + an organisation's party body: the host of an affiliated formation, not a unit.</summary>
    public KeywordSet HostMarkers { get; }

    /// <summary>三家：/以下: the names follow the verb's clause.</summary>
    public KeywordSet ListIntro { get; }

    /// <summary>The reader of notes written as forms (branch r9-uforms).</summary>
    public FormNotes Forms { get; }

    /// <summary>Words that end a report's title (<c>report_heading_words</c>).</summary>
    public KeywordSet ReportHeadings { get; }
    public KeywordSet Help { get; }
    public KeywordSet Undo { get; }
    public KeywordSet Export { get; }
    public KeywordSet Lookup { get; }
    public KeywordSet LookupObjects { get; }
    public KeywordSet LookupQuestions { get; }
    public KeywordSet Advice { get; }
    public List<KeywordSet[]> AdvicePatterns { get; }

    /// <summary>True when the text asks how an organisation should form ("该怎么建", "能不能…联合建").</summary>
    /// <summary>怎么办: asks for formation advice only when the message gives the organisation's figures.</summary>
    public KeywordSet AdviceWithFigures { get; }

    /// <summary>怎么办/如何处理: a how-to question is for the documents even when it names an organisation.</summary>
    public KeywordSet How { get; }

    /// <summary>企业/行业/类: after a would-be name at a clause start, a class of organisations rather than one.</summary>
    public KeywordSet ClassNouns { get; }

    /// <summary>经理/律师/院长: job titles said before a person's name.</summary>
    public KeywordSet Titles { get; }

    /// <summary>分别: days and organisations listed in the same order pair up.</summary>
    public KeywordSet Respectively { get; }

    /// <summary>计划/任务/取消 right after a visit verb: the visit is talked about, not made.</summary>
    public KeywordSet VisitNounFollowers { get; }

    private KeywordSet[][] ExportPatterns { get; }

    public bool AsksExport(string text) => Export.ContainsAny(text) || ExportPatterns.Any(p => MatchesInOrder(text, p));

    public bool AsksAdvice(string text)
    {
        // 党建 (party-building work) is a noun: "能不能兼任党建指导员" asks nothing about building an organisation.
        text = text.Replace("党建", "党务", StringComparison.Ordinal);
        text = text.Replace("功能", "功用", StringComparison.Ordinal); // 功能型党支部: 能 here is no "can"
        // "建啥组织合适", "适合用啥方式建": a spoken question word read as the written one (啥 = 什么, 咋 = 怎么) as well.
        return AdviceWords(text) || (Asking.WrittenQuestionWords(text) is { } written && AdviceWords(written));
    }

    private bool AdviceWords(string text) => Advice.ContainsAny(text) || AdvicePatterns.Any(p => MatchesInOrder(text, p));
    public KeywordSet PolicyDefinition { get; }

    /// <summary>Word classes of what a message does: help asked in other words, advice asked, a set of units asked for.</summary>
    public SpeechActWords SpeechActs { get; }

    /// <summary>Word classes of asking: the mood of a question or request and the object it asks for (round 10).</summary>
    public AskingWords Asking { get; }
    public KeywordSet OwnScope { get; }
    public KeywordSet ClassDescription { get; }
    public KeywordSet Singular { get; }
    public KeywordSet OrgTypeWords { get; }

    /// <summary>请问/问一下/帮我查: a clause that asks.</summary>
    public KeywordSet RequestMarkers { get; }

    /// <summary>顺便/另外/对了: the message turns to another matter.</summary>
    public KeywordSet TopicShift { get; }

    /// <summary>如果/假如/要是: what the clause says, and the clause that follows it, is supposed, not done.</summary>
    public KeywordSet Conditional { get; }

    /// <summary>不对/说错了: a correction of what was said just before.</summary>
    public KeywordSet Corrections { get; }

    /// <summary>应该是/是: leads into a correction's replacement.</summary>
    public KeywordSet CorrectionLeads { get; }

    /// <summary>升级为/调整为: a formation verb that changes an organisation's form (the words after it say the new one).</summary>
    public KeywordSet ChangeVerbs { get; }

    /// <summary>能不能/可以: a modal before a request marker, longest first.</summary>
    public IReadOnlyList<string> RequestModals { get; }

    /// <summary>口袋/流动/预备 said without 党员 ("2个预备的").</summary>
    public KeywordSet CategoryShortWords { get; }

    /// <summary>没亮明身份/在外流动: descriptions of members that name their category.</summary>
    public KeywordSet MemberDescriptions { get; }

    /// <summary>Member categories said by their definitions' parts (关系 + 揣在兜里; 关系 + 在湖北老家): <see cref="MemberDefinitions"/>.</summary>
    public MemberDefinitions Definitions { get; }

    /// <summary>
    /// The first member description in [from, end): a phrase of <c>member_descriptions</c> or a definition's parts, with its
    /// category. At one start the phrase wins (the phrases were each read from a case; the definitions read what they lack).
    /// </summary>
    public (int Position, string Category)? MemberDescriptionIn(string text, int from, int end)
    {
        var phrase = MemberDescriptions.FindFirst(text, from, end);
        var defined = Definitions.FindFirst(text, from, end);
        return (phrase, defined) switch
        {
            ({ } p, { } d) when d.Position < p.Position => (d.Position, d.Category),
            ({ } p, _) => (p.Position, Vocabulary.MemberDescriptions[p.Word]),
            (null, { } d) => (d.Position, d.Category),
            _ => null,
        };
    }

    /// <summary>他们/这家/该单位: the organisation just reported on.</summary>
    public KeywordSet Pronouns { get; }

    /// <summary>Small-talk phrases and the fillers allowed beside them.</summary>
    public KeywordSet SmallTalk { get; }
    public PersonNames Names { get; }

    /// <summary>The nouns of a unit's kind a reference may use (会计所那边), with the forms a ledger name holds them in.</summary>
    public (string Noun, string[] Forms)[] KindNouns { get; }

    /// <summary>交给/交由: a task handed to the person named after it (holder_phrases.handing_verbs).</summary>
    public KeywordSet HandingVerbs { get; }

    /// <summary>换成/改为: a post given to the person named after it (holder_phrases.change_links).</summary>
    public KeywordSet ChangeLinks { get; }

    /// <summary>The links that name a holder (<c>holder_phrases.links</c>: 叫, 名叫, 就是, 是).</summary>
    public KeywordSet HolderLinks { get; }

    /// <summary>的, 下面的, 那个: between a host (a unit or a place) and the party body a unit attaches to (forming_phrases.host_links).</summary>
    public KeywordSet HostLinks { get; }

    /// <summary>它的, 其: before a relation noun that names the next unit by its tie to the one before (forming_phrases.relation_pronouns).</summary>
    public KeywordSet RelationPronouns { get; }

    /// <summary>会员单位, 供应商: a unit named by its tie to the unit before it (forming_phrases.relation_nouns).</summary>
    public KeywordSet RelationNouns { get; }

    /// <summary>各有, 分别有: a figure said of each unit of a joint body, not of the body (forming_phrases.per_unit_markers).</summary>
    public KeywordSet PerUnitMarkers { get; }

    /// <summary>参加, 编入: what may follow a bare people figure that is the body's members (forming_phrases.figure_only_followers).</summary>
    public KeywordSet FigureOnlyFollowers { get; }

    /// <summary>和, 跟, 加上: what joins the units of a joint body in a list (forming_phrases.unit_joiners).</summary>
    public IReadOnlyList<string> UnitJoiners { get; }

    /// <summary>新搬来的, 新开的: a unit's newness said between a list joiner and its name (forming_phrases.unit_newcomer_leads).</summary>
    public KeywordSet UnitNewcomerLeads { get; }

    /// <summary>过去/过来: a motion word between an instructor post and its holder (forming_phrases.post_holder_gaps).</summary>
    public KeywordSet PostHolderGaps { get; }

    /// <summary>Party bodies and posts cut short by the writer (党支, 指导), read as their full words.</summary>
    public CutNouns CutNouns { get; }

    private static IEnumerable<string> Forming(Vocabulary v, string key) => v.FormingPhrases.TryGetValue(key, out var words) ? words : [];

    /// <summary>Keys of form lines whose value is a person (帮扶人：本人).</summary>
    public KeywordSet PersonRoleKeys { get; }

    /// <summary>Verbs whose subject holds the post named after them (当, 担任, 兼任, 被选为).</summary>
    public KeywordSet HolderServeVerbs { get; }
    public HashSet<string> HelpWords { get; }

    /// <summary>A whole message that is only one of these words ("取消") takes back the last record.</summary>
    public HashSet<string> UndoWords { get; }
    public List<(ProgressMetric Metric, KeywordSet[] Groups)> ProgressPatterns { get; }

    /// <summary>
    /// The kind of small talk (<c>greeting</c>, <c>thanks</c>, <c>presence</c>, <c>ack</c>, <c>laugh</c>) when
    /// <paramref name="text"/> is nothing else ("你好", "谢谢 辛苦啦", "在吗？"); null when it says anything more.
    /// </summary>
    public string? SmallTalkOf(string text, int start = 0, int end = int.MaxValue)
    {
        end = Math.Min(end, text.Length);
        string? kind = null;
        for (var i = Math.Max(start, 0); i < end; i++)
        {
            if (!TextNormalizer.IsHan(text[i]) && !char.IsAsciiLetterOrDigit(text[i]))
            {
                continue; // punctuation, blanks, emoji
            }

            if (SmallTalk.MatchAt(text, i, end) is not { } word)
            {
                return null;
            }

            if (kind is null && Vocabulary.SmallTalk.TryGetValue(word, out var found))
            {
                kind = found;
            }

            i += word.Length - 1;
        }

        return kind;
    }

    /// <summary>True when one word of each group occurs, in order.</summary>
    public bool MatchesInOrder(string text, KeywordSet[] groups)
    {
        var at = 0;
        foreach (var group in groups)
        {
            var hit = group.FindFirst(text, at);
            while (hit is { } approximate && approximate.Word.Length > 0 && approximate.Word[0] == '几' && IsFew(text, approximate.Position))
            {
                hit = group.FindFirst(text, approximate.Position + 1); // "十几个人" counts people, it asks nothing
            }

            if (hit is not { } found)
            {
                return false;
            }

            at = found.Position + found.Word.Length;
        }

        return true;
    }

    /// <summary>
    /// 几 at <paramref name="position"/> says "a few" in a statement, not "how many?": after a numeral or 好 (十几个, 好几家);
    /// inside a word of <see cref="Vocabulary.FewWords"/> (这几天, 过几天, 跟几个快递员); after a word of likelihood, intention
    /// or a time ahead in its stretch of speech with no asking modal between (可能再招几个人, 年底招几个党员; not 下个月能建几个);
    /// or after a verb's 了 when the message goes on to report (跑了几家企业 先去了金桥投资, 新来了几个司机 党员还是五个: the
    /// question "我这周走访了几家企业" ends the message or is followed by a request).
    /// </summary>
    public bool IsFew(string text, int position)
    {
        if (position <= 0 || position >= text.Length || text[position] != '几')
        {
            return false;
        }

        if (ChineseNumber.IsNumeralChar(text[position - 1]) || text[position - 1] == '好')
        {
            return true;
        }

        foreach (var (word, few) in FewWords)
        {
            var start = position - few;
            if (start >= 0 && start + word.Length <= text.Length && text.AsSpan(start, word.Length).SequenceEqual(word))
            {
                return true;
            }
        }

        var stretch = position;
        while (stretch > 0 && !Tokens.Tokenizer.IsPause(text[stretch - 1]))
        {
            stretch--;
        }

        if (FewContexts.FindAll(text, stretch, position).LastOrDefault() is { Word: not null } context
            && !FewQuestionModals.ContainsAny(text, context.Position + context.Word.Length, position))
        {
            return true;
        }

        return (text[position - 1] == '了' && GoesOnToReport(text, position)) || IsSeveralBeforeTotal(text, position);
    }

    /// <summary>After the stretch holding <paramref name="position"/>, the message reports more (a count noun or a visit) and asks nothing.</summary>
    private bool GoesOnToReport(string text, int position)
    {
        var end = position;
        while (end < text.Length && !Tokens.Tokenizer.IsPause(text[end]))
        {
            end++;
        }

        return end < text.Length && !Question.ContainsAny(text, end) && !RequestMarkers.ContainsAny(text, end) && !Lookup.ContainsAny(text, end)
            && (Categories.ContainsAny(text, end) || EmployeeWords.ContainsAny(text, end) || Visit.ContainsAny(text, end) || Motion.ContainsAny(text, end));
    }
}
