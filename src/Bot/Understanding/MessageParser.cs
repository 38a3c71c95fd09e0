using System.Text.RegularExpressions;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Reads one message: clauses, organisations, dates, numbers, then the actions each clause states.
/// Records come only from statements (not from questions), and not where a negation or a plan governs the verb.
/// </summary>
internal sealed partial class MessageParser
{
    private readonly UnderstandingRules rules;
    private readonly OrganizationIndex index;
    private readonly User sender;
    private readonly string text;
    private readonly DateOnly today;
    private readonly List<OrganizationMention> mentions;
    private readonly List<DateMention> dates;
    private readonly List<Clause> clauses = [];
    private readonly List<(int Start, int End)> leaderSpans = [];
    private readonly List<NumberPhrase> memberPhrases = [];
    private readonly List<NumberPhrase> employeePhrases = [];
    private readonly List<Draft> drafts = [];
    private int sequence;

    private readonly bool preferOwnJurisdiction;
    private readonly DateTimeOffset now;

    /// <summary>
    /// True for a part of a message (<see cref="ReaderOf"/>): it shares the whole message's
    /// organisations and days and is read once; it is never cut again and never reads a part of its own, so reading a
    /// message is one pass over each stretch with no recursion ("今天走访了皮包公司，建议怎么处理？" once recursed until the
    /// stack overflowed, when parts were rewritten and parsed again).
    /// </summary>
    private readonly bool isPart;

    public MessageParser(UnderstandingRules rules, OrganizationIndex index, string text, User sender, DateTimeOffset now, bool preferOwnJurisdiction)
    {
        this.preferOwnJurisdiction = preferOwnJurisdiction;
        this.rules = rules;
        this.index = index;
        this.sender = sender;
        this.text = text;
        this.now = now;
        today = DateExpressions.Today(now);
        mentions = [.. index.MentionsOf(text).Select(PreferOwnJurisdiction)];
        mentions = [.. mentions.Where(m => !InsidePersonName(m))];
        dates = DateExpressions.Find(text, today);
        FindUnknownShortNames();
        NameShortByFullNames(); // MessageParser.UnitStarts.cs
        NameDescribedUnits(); // MessageParser.NamedAfter.cs
        ResolveByEarlierMentions();
        FindKindNounReferences(); // MessageParser.References.cs
    }

    /// <summary>
    /// "书记是老板罗德润", "总经理李瑞康", "叫钟美好": a unit's short name (two characters) right after a surname, the name read
    /// whole and closed, after a title, place or unit word or a naming word (是/叫/由/为), is a person's given name, not the unit.
    /// </summary>
    private bool InsidePersonName(OrganizationMention mention)
    {
        var surname = mention.Start - 1;
        return mention.Length == 2 && !mention.IsGeneric && surname >= 1 && !mentions.Any(m => m.Start <= surname && surname < m.End)
            && rules.Names.ReadAt(text, surname) is { } name && name.Length == 3 && surname + 3 == mention.End && rules.Names.ClosedAt(text, mention.End)
            && (rules.Names.PrecededAt(text, surname) || text[surname - 1] is '是' or '叫' or '由' or '为');
    }

    /// <summary>The reader of [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="whole"/>'s message.</summary>
    private MessageParser(MessageParser whole, int start, int end, List<OrganizationMention> mentions, List<DateMention> dates)
    {
        isPart = true;
        preferOwnJurisdiction = whole.preferOwnJurisdiction;
        rules = whole.rules;
        index = whole.index;
        sender = whole.sender;
        text = whole.text[start..end];
        now = whole.now;
        today = whole.today;
        this.mentions = mentions;
        this.dates = dates;
        resolvedByContext = [.. whole.resolvedByContext.Where(p => p >= start && p < end).Select(p => p - start)];
    }

    /// <summary>
    /// A part of this message, read on its own with the organisations and days found in the whole (their links, made with
    /// the whole message in view, kept). <paramref name="topic"/>, the organisation a request after a report is about, fills
    /// the part's organisation slot: it stands where a pronoun (他们/这家) stands, else before the part's words.
    /// </summary>
    private MessageParser ReaderOf(int start, int end, OrganizationMention? topic)
    {
        var own = mentions.Where(m => m.Start >= start && m.End <= end).Select(m => m with { Start = m.Start - start }).ToList();
        if (topic is not null)
        {
            var pronoun = rules.Pronouns.FindFirst(text, start, end);
            own.Insert(0, topic with
            {
                Start = pronoun is { } p ? p.Position - start : 0,
                Length = pronoun is { } q ? q.Word.Length : 0,
            });
            own.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        var days = dates.Where(d => d.Start >= start && d.Start + d.Length <= end).Select(d => d with { Start = d.Start - start }).ToList();
        return new MessageParser(this, start, end, own, days);
    }

    /// <summary>Starts of the short names that <see cref="ResolveByEarlierMentions"/> linked.</summary>
    private readonly HashSet<int> resolvedByContext = [];

    /// <summary>
    /// "走访了云启科技和微光软件，云启有6名党员": a name that fits several organisations, one of them named before it in the
    /// message, means that one.
    /// </summary>
    private void ResolveByEarlierMentions()
    {
        for (var k = 1; k < mentions.Count; k++)
        {
            var mention = mentions[k];
            if (mention.IsAmbiguous && mentions.Take(k).LastOrDefault(m => m.Organization is { } o && mention.Candidates.Any(c => c.Id == o.Id)) is { } earlier)
            {
                mentions[k] = mention with { Organization = earlier.Organization, Candidates = [] };
                resolvedByContext.Add(mention.Start);
            }
        }
    }

    private List<Tokens.Token>? tokens;

    /// <summary>The message as tokens (<see cref="Tokens.Tokenizer"/>), entity spans protected; built on first use.</summary>
    private List<Tokens.Token> MessageTokens => tokens ??= Understanding.Tokens.Tokenizer.Tokenize(
        text, rules.Lexicon, [.. mentions.Where(m => m.Length > 0).Select(m => (m.Start, m.End))], [.. dates.Select(d => (d.Start, d.Start + d.Length))]);

    public UnderstandingResult Parse()
    {
        var whole = ParseMessage();
        return isPart ? whole : RequestConjuncts(whole) ?? UndoAndRecord(whole) ?? whole; // MessageParser.Conjuncts.cs
    }

    private UnderstandingResult ParseMessage()
    {
        if (!TextNormalizer.HasContent(text) || rules.SmallTalkOf(text) is not null)
        {
            return UnderstandingResult.Nothing; // "你好", "谢谢 辛苦了", "在吗？" ask for nothing
        }

        if (CoordinationAsked() is { } coordination)
        {
            return coordination; // MessageParser.Coordination.cs: calendar, reminders
        }

        if ((PlanStated() ?? PlanOfUnitAsked()) is { } plan) return plan; // MessageParser.Plans.cs: 一企一策 of a named unit

        SplitClauses();
        if (!isPart && OwnTripPlanned() && !EarlierRecordWithheld()) // MessageParser.BotUse.cs: "刚才那个先别记了我再核实一下": an undo beside the plan
        {
            return UnderstandingResult.Nothing; // MessageParser.Plans.cs: "下礼拜我准备去趟顺达 看能不能把…定下来"
        }

        if (!isPart && UseOfTheBotAsked())
        {
            return Only(new UnderstoodAction(ActionKind.Help)); // MessageParser.BotUse.cs: "走访完了要怎么跟你报？直接打字说就行吗"
        }

        var help = IsHelp();
        var undo = UndoSaid() || rules.UndoWords.Contains(BareText()) || RetractedRecord() is not null || EarlierRecordWithheld(); // MessageParser.Agents.cs
        if (!isPart && !undo && EarlierMessageRedone() is { } redone)
        {
            return redone; // MessageParser.Conjuncts.cs: "刚才说错了，今天去的是微光软件，不是瑞康": undo, then the record as meant
        }

        if (!isPart && undo && RecordRestated() is { } again)
        {
            return again; // MessageParser.Redone.cs: "撤回上条。重记：今天华鼎物流，1个口袋党员", "…是上周五去的 撤了重记"
        }

        if (!isPart && undo && UndoneAndRestated() is { } restated)
        {
            return restated; // MessageParser.RestatedFinds.cs: "刚才那条记错了 金桥投资那个不是口袋党员 是流动党员"
        }

        // "12.10 走访记录：1. 上午瑞康医疗…": a report's title asks for no figures (MessageParser.Items.cs).
        var metric = IsReportHeaded() || ToldNotAsked() || UnitsCardAsked() ? null : ProgressMetricAsked() ?? ChartOrChangeMetric() ?? BreakdownTableMetric() ?? BreakdownFigureMetric(); // MessageParser.Asking.cs; ToldNotAsked: MessageParser.Mood.cs; UnitsCardAsked: MessageParser.CardQuestions.cs
        // "该建没建的 你给我拉个单子": asking for a list of the units a progress figure counts shows that list; only a ledger
        // word beyond the list words (台账, 表格, 导出) asks for the file.
        var export = rules.AsksExport(text) && !(metric is ProgressMetric.Unformed && !rules.AsksExport(WithoutListWords())) && !TableOfFigureAsked(metric);
        if (!isPart && !IsOneAct(undo, metric) && !HelpBesidesWork(help) && !DocumentRuleAsked() && !OnlyFiguresAsked(metric, export) && !AdviceOnlyAsked() && !AdviceAskedByAlternatives() && Compound(help || undo || export || metric is not null) is { } compound) // IsOneAct: MessageParser.SpeechActs.cs
        {
            return compound;
        }

        if (help)
        {
            return Only(new UnderstoodAction(ActionKind.Help));
        }

        if (undo)
        {
            return Only(new UnderstoodAction(ActionKind.Undo));
        }

        if (DocumentRuleAsked())
        {
            return Only(new UnderstoodAction(ActionKind.PolicyQuestion)); // MessageParser.Asking.cs: a document's rule asked
        }

        if (export && !rules.PolicyDefinition.ContainsAny(text) && !UnnamedOrganizationsCard() && !UnitsLedgerAsked())
        {
            return new UnderstandingResult([.. ScopesListed(FindScope()).Select(scope => new UnderstoodAction(ActionKind.Export) { Scope = scope })], []);
        }

        if (metric is not null)
        {
            // "民治街道和大浪街道的覆盖率分别是多少": one query per scope listed; "走访量和新建党组织数": per figure listed (MessageParser.MetricsListed.cs).
            var metrics = MetricsListed(metric.Value);
            return new UnderstandingResult([.. ScopesListed(FindScope()).SelectMany(scope => metrics.Select(m => WithChartOrChange(new UnderstoodAction(ActionKind.ProgressQuery) { Scope = scope, Metric = m })))], []);
        }

        FindLeaderSpans();
        if (LookupAsked() is { } lookup && !ToldNotAsked() && !AdviceAskedByAlternatives() && !AdviceAskedByGrammar()) // ToldNotAsked: MessageParser.Mood.cs; MessageParser.Alternatives.cs
        {
            return Finish([.. ReportBefore(lookup), lookup]);
        }

        FindNumberPhrases();
        ReadComparedFigures(); // MessageParser.Comparisons.cs: 党员比上次多了两个
        SetUnrealizedFiguresAside(); // MessageParser.Mood.cs
        ReadFiguresInTime(); // MessageParser.MemberFigures.cs: 原来三个 现在只剩两个; 在编96人 另外有14个
        FindGroupsDescribed(); // MessageParser.MemberFigures.cs: 有三个师傅一直没跟公司提过自己是党员
        FindHiredGroups(); // 招进来三个分析员，全都是党员
        FindMembersSaidToBe();
        ReadEmphaticNone();
        SetHelpersAside();
        SetHiresAside(); // MessageParser.Agents.cs
        FindPartsFoundOfTotals(); // MessageParser.PartsFound.cs: 党员一共5个了，其中3个是这周刚找到的
        foreach (var clause in clauses.Where(c => !c.IsQuestion))
        {
            FindVisits(clause);
            FindDiscoveries(clause);
            FindShownMembers(clause);
            FindHiredMembers(clause);
            FindRevealedMembers(clause);
            FindWorkCoverage(clause);
            FindPairings(clause);
            FindPairingsContinued(clause); // MessageParser.AlsoContinued.cs
        }

        FindMembersMetOnAVisit(); // MessageParser.Presence.cs
        ElaborateDiscoveries(); // MessageParser.Discourse.cs: facts of one action said over the clauses after it
        FindRoundsOfVisits();
        FindFormation();
        MembersFromThosePresent(); // MessageParser.Unmeant.cs: "一共7个人参加"
        JointMembersSummed(); // MessageParser.Unmeant.cs: "顺达快递（党员2名）与诚信（党员1名）…成立了联合党支部，共有党员3名"
        var advice = ToldNotAsked() ? null : FindAdvice();
        if (advice is null)
        {
            FindFacts();
            ExistingMembersCategorised(); // MessageParser.ExistingMembers.cs
            SettleFigures(); // MessageParser.FiguresSettled.cs: the records checked against the account of the figures (FigureTable.cs)
        }

        // One visit per organisation and day, however many verbs said it.
        var actions = drafts.OrderBy(d => d.Position).ThenBy(d => d.Sequence).Select(d => d.Action)
            .DistinctBy(a => a.Kind == ActionKind.Visit && a.Organization is not null ? $"visit|{a.Organization}|{a.Date}" : $"#{drafts.FindIndex(d => ReferenceEquals(d.Action, a))}")
            .ToList();
        if (advice is not null)
        {
            actions.Add(advice);
        }

        // "说说单独组建的条件", "查一下功能型党组织的规定": a request for information that names no organisation is for the documents.
        var asksForInformation = (rules.Lookup.ContainsAny(text) || rules.RequestMarkers.ContainsAny(text)) && !UsableMentions().Any() && !rules.Plan.ContainsAny(text);
        if (actions.Count == 0 && !PlannedPurpose() && !ToldNotAsked() && !QuestionsPutToOthers() && (IsQuestion(0, text.Length) || (AsksAdviceInText && !IsStatedSupposition()) || rules.PolicyDefinition.ContainsAny(text) || asksForInformation))
        {
            // A question about one named organisation is for its ledger card ("云启科技现在党员有几个"); others go to the documents.
            var named = UsableMentions().Where(m => !m.IsGeneric).DistinctBy(Identity).ToList();
            // A supposed future past a rule's bound asks the rule, not the card ("瑞康以后党员要是过50了，能升总支吗": MessageParser.SupposedBound.cs).
            actions.Add(named.Count == 1 && !rules.PolicyDefinition.ContainsAny(text) && !rules.How.ContainsAny(text) && !SupposesPastABound()
                ? WithOrganization(new UnderstoodAction(ActionKind.OrgLookup) { IsFallback = true }, named[0])
                : new UnderstoodAction(ActionKind.PolicyQuestion) { IsFallback = true });
        }

        return Finish(actions);
    }

    private static UnderstandingResult Only(UnderstoodAction action) => new([action], []);

    private static UnderstandingResult Finish(List<UnderstoodAction> actions) =>
        new(actions, actions.Any(a => a.AwaitsOrganization) ? ["organization"] : []);

    /// <summary>
    /// The day said last before <paramref name="position"/>; with none before it, the first day said after it ("走访了云启科技，
    /// 是前天"), unless that day is ahead and said in a later clause: a plan's day ("①走访明德实验学校 … ④下周三再去跟进")
    /// does not date the report before it.
    /// </summary>
    private DateOnly DateFor(int position)
    {
        DateMention? chosen = null;
        foreach (var date in dates)
        {
            if (date.Start < position && !MovedPlanDay(date, position))
            {
                chosen = date; // "本来…改到明天。下午去了恒信建筑": the day a plan not kept was moved to dates nothing after it
            }
        }

        if (chosen is null && dates.FirstOrDefault() is { } later
            && (later.Date <= today || clauses.FirstOrDefault(c => c.Start <= position && position <= c.End) is not { } clause || later.Start < clause.End))
        {
            chosen = later;
        }

        return chosen?.Date ?? today;
    }

    /// <summary>The day said before <paramref name="position"/>, with the days listed with it ("昨天和今天都去了").</summary>
    private List<DateOnly> DatesFor(int position)
    {
        var last = dates.FindLastIndex(d => d.Start < position && !MovedPlanDay(d, position));
        if (last < 0)
        {
            return [DateFor(position)];
        }

        var list = new List<DateOnly> { dates[last].Date };
        for (var i = last - 1; i >= 0 && IsListJoiner(dates[i].Start + dates[i].Length, dates[i + 1].Start); i--)
        {
            list.Insert(0, dates[i].Date);
        }

        return [.. list.Distinct()];
    }

    // ---------------------------------------------------------------- records

    private Clause ClauseAt(int position) => clauses.First(c => c.Start <= position && position <= c.End);

    private void Add(int position, UnderstoodAction action) => drafts.Add(new Draft(position, sequence++, action));

    private UnderstoodAction Record(ActionKind kind, OrganizationMention? mention, int position) =>
        WithOrganization(new UnderstoodAction(kind) { Date = DateFor(position) }, mention);

    private static UnderstoodAction WithOrganization(UnderstoodAction action, OrganizationMention? mention) =>
        mention is null ? action : action with
        {
            Organization = mention.ReportedName,
            OrganizationId = mention.Organization?.Id,
            Candidates = mention.Candidates,
        };

    private sealed record Clause(int Start, int End, bool IsQuestion);

    private string WithoutListWords()
    {
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (rules.ShowFollowups.MatchAt(text, i) is { Length: > 1 } word)
            {
                i += word.Length - 1;
                continue;
            }

            kept.Append(text[i]);
        }

        return kept.ToString();
    }

    private sealed record Draft(int Position, int Sequence, UnderstoodAction Action);

    /// <summary>"2名党员", "党员6名", "职工180人": a number, what it counts, and whether it is only approximate.</summary>
    private sealed record NumberPhrase(int Start, int End, int Value, bool Approximate, string? Category)
    {
        public bool Consumed { get; set; }

        /// <summary>Set aside as supposed ("要是党员到8个了"): no record, but the premise of an advice asked about that case.</summary>
        public bool Supposed { get; set; }
    }
}
