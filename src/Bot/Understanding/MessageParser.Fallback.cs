using InstructorBot.Bot.Understanding.Tokens;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage (after the reading, asked for by the second opinion): relaxed frames. Where the intent classifier is sure a kind is
// present and the rules read no action of it (a construction no rule was written for: 亮了身份说自己是党员, 认领了…, 把A B C仨都
// 跑了一遍), the kind's frame is filled from the parts of the message already found (organisations, days, figures beside
// person nouns or 党员, category words, names), with no verb frame. The second opinion marks what this gives `confirm`.
internal sealed partial class MessageParser
{
    /// <summary>
    /// The actions of <paramref name="kind"/> the message's parts give, without the verb frame the rules need; empty when an
    /// essential slot is not found (the organisation of a record, the count of a discovery, a figure of an update, the level
    /// of a formation, the measure of a work coverage, the secretary of a pairing) or the anchor of the frame lies in a plan,
    /// a negation or a mood that did not happen. <paramref name="read"/>: the actions the reading already holds.
    /// </summary>
    internal IReadOnlyList<UnderstoodAction> RelaxedFrames(ActionKind kind, IReadOnlyList<UnderstoodAction> read)
    {
        if (!TextNormalizer.HasContent(text) || rules.SmallTalkOf(text) is not null)
        {
            return [];
        }

        PrepareRelaxedReading();
        return kind switch
        {
            ActionKind.Visit => RelaxedVisits(read),
            ActionKind.MemberDiscovery => Single(RelaxedDiscovery(read)),
            ActionKind.OrgUpdate => Single(RelaxedUpdate(read)),
            ActionKind.Formation => Single(RelaxedFormation()),
            ActionKind.WorkCoverage => Single(RelaxedCoverage()),
            ActionKind.Pairing => Single(RelaxedPairing()),
            ActionKind.ProgressQuery => Single(new UnderstoodAction(ActionKind.ProgressQuery) { Scope = FindScope(), Metric = RelaxedMetric() }),
            _ => [],
        };
    }

    private static IReadOnlyList<UnderstoodAction> Single(UnderstoodAction? action) => action is null ? [] : [action];

    private bool relaxedPrepared;

    /// <summary>The parts a reading that stopped early (a request, a lookup) has not found yet: clauses, leader spans, figures.</summary>
    private void PrepareRelaxedReading()
    {
        if (relaxedPrepared)
        {
            return;
        }

        relaxedPrepared = true;
        if (clauses.Count == 0)
        {
            SplitClauses();
        }

        if (leaderSpans.Count == 0)
        {
            FindLeaderSpans();
        }

        if (memberPhrases.Count == 0 && employeePhrases.Count == 0)
        {
            FindNumberPhrases();
        }
    }

    /// <summary>Named units of the message, in order, one mention each (leaders' names and generic nouns aside).</summary>
    private List<OrganizationMention> RelaxedNamed() =>
        [.. UsableMentions().Where(m => !m.IsGeneric && m.Length > 0).DistinctBy(Identity)];

    /// <summary>
    /// The unit a frame anchored at <paramref name="anchor"/> is about: the last named unit before it, else the first after
    /// it, else an unnamed or ambiguous mention (the action then asks which), else none.
    /// </summary>
    private OrganizationMention? RelaxedTarget(int anchor)
    {
        var named = RelaxedNamed();
        return named.LastOrDefault(m => m.Start <= anchor) ?? named.FirstOrDefault()
            ?? UsableMentions().FirstOrDefault(m => m.IsGeneric || m.IsAmbiguous);
    }

    /// <summary>
    /// A record anchored here would not be a fact: planned, negated, supposed, heard, ahead of today; for a visit or a
    /// discovery also another person's (a name as the subject before it: "孙磊昨天去了瑞康医疗"); for a body (formation, 工会)
    /// also negated after it in its clause ("团支部还没建起来").
    /// </summary>
    private bool RelaxedUnsaid(ActionKind kind, int anchor)
    {
        if (clauses.FirstOrDefault(c => c.Start <= anchor && anchor <= c.End) is not { } clause)
        {
            return true;
        }

        return clause.IsQuestion || IsBlocked(clause, anchor) || rules.Plan.ContainsAny(text, clause.Start, clause.End) || rules.Conditional.ContainsAny(text)
            || (kind is ActionKind.Visit or ActionKind.MemberDiscovery && IsNamedOthersAct(anchor))
            || (kind is ActionKind.Visit && FirstTripIn(clause) is { } trip && IsAgendaTrip(clause, trip)) // MessageParser.Agenda.cs
            || (kind is ActionKind.Visit && OnlyDeparturesMove()) // MessageParser.Unmeant.cs: "党员律师跳槽去了福田"
            || (kind is ActionKind.Formation or ActionKind.WorkCoverage && rules.Negation.ContainsAny(text, anchor, clause.End))
            || (kind is ActionKind.Formation && rules.Formation.FindFirst(text, anchor, clause.End) is { } verb && IsPairingPurpose(clause, verb.Position, verb.Word))
            || (kind is ActionKind.Formation && NoSettingUpNowSaid()); // MessageParser.Aspect.cs
    }

    private UnderstoodAction? RelaxedRecord(ActionKind kind, OrganizationMention? target, int anchor) =>
        target is null || RelaxedUnsaid(kind, anchor) ? null : Record(kind, target, anchor);

    /// <summary>One visit per named unit: the units the reading's records are about, else every unit named.</summary>
    private List<UnderstoodAction> RelaxedVisits(IReadOnlyList<UnderstoodAction> read)
    {
        var named = RelaxedNamed();
        var recorded = named.Where(m => read.Any(a => a.IsRecord && a.Organization is { } o && o == m.ReportedName)).ToList();
        var targets = recorded.Count > 0 ? recorded : named;
        if (targets.Count == 0 && RelaxedTarget(0) is { } unnamed)
        {
            targets = [unnamed];
        }

        // Several units: the day said last before the last of them dates them all ("这周二把A B C仨都跑了一遍").
        var anchor = targets.Count > 0 ? targets[^1].Start : 0;
        return [.. targets.Select(t => RelaxedRecord(ActionKind.Visit, t, t.Start) is { } visit ? visit with { Date = DateFor(anchor) } : null)
            .OfType<UnderstoodAction>()];
    }

    /// <summary>
    /// The members found: figures said with 党员 or a category (not a total already read, not approximate), summed by
    /// category; else a figure before a person noun with 党员 later in its clause ("有俩社工…说自己是党员").
    /// </summary>
    private UnderstoodAction? RelaxedDiscovery(IReadOnlyList<UnderstoodAction> read)
    {
        var totals = read.Where(a => a.Kind is ActionKind.OrgUpdate or ActionKind.Formation).SelectMany(a => new[] { a.PartyMembers, a.Members, a.Employees })
            .OfType<int>().ToHashSet();
        var phrases = memberPhrases.Where(p => !p.Approximate && p.Value > 0 && !totals.Contains(p.Value) && !IsInQuestion(p.Start)).ToList();
        var categorized = phrases.Where(p => p.Category is not null).ToList();
        var used = categorized.Count > 0 ? categorized : phrases.Take(1).ToList();
        if (used.Count > 0)
        {
            var categories = categorized.Aggregate(new MemberCategories(), (c, p) => c.Plus(p.Category!, p.Value));
            return RelaxedRecord(ActionKind.MemberDiscovery, RelaxedTarget(used[0].Start), used[0].Start) is { } found
                ? found with { Count = used.Sum(p => p.Value), Categories = categorized.Count > 0 ? categories : null }
                : null;
        }

        var tokens = MessageTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Number || tokens[i].Value <= 0 || totals.Contains(tokens[i].Value))
            {
                continue;
            }

            for (var j = i + 1; j < tokens.Count && !tokens[j].IsHardPause(text) && tokens[j].Kind != TokenKind.Number; j++)
            {
                if (tokens[j].Kind == TokenKind.Members)
                {
                    return RelaxedRecord(ActionKind.MemberDiscovery, RelaxedTarget(tokens[i].Start), tokens[i].Start) is { } found
                        ? found with { Count = tokens[i].Value, Categories = tokens[j].Key is { } key ? new MemberCategories().Plus(key, tokens[i].Value) : null }
                        : null;
                }
            }
        }

        return null;
    }

    /// <summary>The unit's figures now: a head count and a member count not already read as found members.</summary>
    private UnderstoodAction? RelaxedUpdate(IReadOnlyList<UnderstoodAction> read)
    {
        // Figures the reading gave other actions (found members, a new body's members) are not the unit's totals.
        var found = read.SelectMany(a => new[] { a.Count, a.Members }).OfType<int>().ToHashSet();
        // Round 18 (MessageParser.Unmeant.cs): nor a figure a stage of the reading gave its frame (Consumed: a hire, a group
        // found, a formation's members) or a count of those present.
        var employees = employeePhrases.FirstOrDefault(p => !p.Approximate && !p.Consumed && p.Value > 0 && !IsInQuestion(p.Start) && !CountsThosePresent(p) && !CountsThoseHired(p));
        var members = memberPhrases.FirstOrDefault(p => !p.Approximate && !p.Consumed && p.Category is null && !found.Contains(p.Value) && !IsInQuestion(p.Start) && !CountsThosePresent(p) && !CountedAmongThoseHired(p));
        if (employees is null && members is null)
        {
            return null;
        }

        var anchor = Math.Min(employees?.Start ?? int.MaxValue, members?.Start ?? int.MaxValue);
        return RelaxedRecord(ActionKind.OrgUpdate, RelaxedTarget(anchor), anchor) is { } update
            ? update with { Employees = employees?.Value, PartyMembers = members?.Value }
            : null;
    }

    /// <summary>A party body of a known level said last in the message (支部…升成总支: the last), its unit, method and secretary.</summary>
    private UnderstoodAction? RelaxedFormation()
    {
        var levels = rules.PartyAndMassWords.FindAll(text)
            .Where(w => rules.Vocabulary.PartyOrganizationWords.TryGetValue(w.Word, out var level) && level.Length > 0).ToList();
        if (levels.Count == 0)
        {
            return null;
        }

        var (at, word) = levels[^1];
        var named = RelaxedNamed();
        var joint = rules.Joint.ContainsAny(text) && named.Count > 1;
        return RelaxedRecord(ActionKind.Formation, RelaxedTarget(at), at) is { } formation
            ? formation with
            {
                Method = joint ? FormationMethod.Joint : FormationMethod.Single,
                Level = rules.Vocabulary.PartyOrganizationWords[word] switch
                {
                    "general_branch" => PartyOrganizationLevel.GeneralBranch,
                    "committee" => PartyOrganizationLevel.Committee,
                    _ => PartyOrganizationLevel.Branch,
                },
                Secretary = Secretary() ?? RelaxedNameBeside("书记"),
                Units = joint ? [.. named.Select(u => u.ReportedName ?? u.Written)] : null,
                UnitIds = joint ? [.. named.Select(u => u.Organization?.Id)] : null,
            }
            : null;
    }

    /// <summary>A mass organisation (工会, 团支部, 妇联) or an instructor word: the measure; the instructor is the sender where 我 is said.</summary>
    private UnderstoodAction? RelaxedCoverage()
    {
        if (rules.Mass.FindFirst(text) is { } body)
        {
            return RelaxedRecord(ActionKind.WorkCoverage, RelaxedTarget(body.Position), body.Position) is { } coverage
                ? coverage with { Measure = ParseMeasure(rules.Vocabulary.MassOrganizations[body.Word]) }
                : null;
        }

        if (rules.InstructorWords.FindFirst(text) is not { } instructor)
        {
            return null;
        }

        var person = InstructorPerson() ?? (SaysSelf() ? sender.Name : null);
        return RelaxedRecord(ActionKind.WorkCoverage, RelaxedTarget(instructor.Position), instructor.Position) is { } assigned
            ? assigned with { Measure = WorkCoverageMeasure.Instructor, Person = person }
            : null;
    }

    /// <summary>The unit taken on and who takes it: the sender where 我 is said, else a name beside 书记.</summary>
    private UnderstoodAction? RelaxedPairing()
    {
        var secretary = SaysSelf() ? sender.Name : Secretary() ?? RelaxedNameBeside("书记");
        var named = RelaxedNamed();
        if (secretary is null || named.Count == 0)
        {
            return null;
        }

        return RelaxedRecord(ActionKind.Pairing, named[0], named[0].Start) is { } pairing ? pairing with { Secretary = secretary } : null;
    }

    /// <summary>我 said as the subject (not 我们, not inside a unit's name).</summary>
    private bool SaysSelf()
    {
        for (var i = text.IndexOf('我'); i >= 0; i = text.IndexOf('我', i + 1))
        {
            if (!text.AsSpan(i).StartsWith("我们") && !InsideOrAtMention(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A person's name right before or right after <paramref name="title"/> ("李娜书记", "书记黄鼎新").</summary>
    private string? RelaxedNameBeside(string title)
    {
        for (var at = text.IndexOf(title, StringComparison.Ordinal); at >= 0; at = text.IndexOf(title, at + title.Length, StringComparison.Ordinal))
        {
            if (rules.Names.ReadBefore(text, at, Math.Max(0, at - 3)) is { } before && !InsideOrAtMention(at - before.Length))
            {
                return before;
            }

            if (rules.Names.ReadAt(text, at + title.Length) is { } after && !InsideOrAtMention(at + title.Length))
            {
                return after;
            }
        }

        return null;
    }

    /// <summary>
    /// What a progress question the rules did not read asks for: the metric of the vocabulary's progress patterns (word
    /// groups, progress_metrics) most of whose groups the message holds, though not in the order the rules need; else coverage.
    /// </summary>
    private ProgressMetric RelaxedMetric() =>
        rules.ProgressPatterns.Select(p => (p.Metric, Share: (double)p.Groups.Count(g => g.ContainsAny(text)) / p.Groups.Length))
            .Where(p => p.Share > 0 && p.Metric is ProgressMetric.Coverage or ProgressMetric.Unformed or ProgressMetric.Formations or ProgressMetric.Visits)
            .OrderByDescending(p => p.Share).Select(p => (ProgressMetric?)p.Metric).FirstOrDefault() ?? ProgressMetric.Coverage;
}
