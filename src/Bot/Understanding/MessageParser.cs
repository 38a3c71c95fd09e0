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
    /// How many readings of parts of the message enclose this one. Corrections, compounds and a report before a lookup
    /// read a part of the text again; a part may be rewritten longer than it was, so the nesting is bounded, not assumed
    /// to shrink ("今天走访了皮包公司，建议怎么处理？" once recursed until the stack overflowed).
    /// </summary>
    private readonly int depth;

    /// <summary>Parts are read again at most this deep; deeper, a part is read as it stands.</summary>
    private const int MaxDepth = 3;

    public MessageParser(UnderstandingRules rules, OrganizationIndex index, string text, User sender, DateTimeOffset now, bool preferOwnJurisdiction)
        : this(rules, index, text, sender, now, preferOwnJurisdiction, depth: 0)
    {
    }

    private MessageParser(UnderstandingRules rules, OrganizationIndex index, string text, User sender, DateTimeOffset now, bool preferOwnJurisdiction, int depth)
    {
        this.depth = depth;
        this.preferOwnJurisdiction = preferOwnJurisdiction;
        this.rules = rules;
        this.index = index;
        this.sender = sender;
        this.text = text;
        this.now = now;
        today = DateExpressions.Today(now);
        mentions = [.. index.FindMentions(text).Select(PreferOwnJurisdiction)];
        dates = DateExpressions.Find(text, today);
        FindUnknownShortNames();
        ResolveByEarlierMentions();
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

    /// <summary>After a visit verb, a name the ledger lacks written without its legal form ("走访了新锐物流").</summary>
    private void FindUnknownShortNames()
    {
        var added = false;
        var starts = rules.Visit.FindAll(text).Concat(rules.Motion.FindAll(text)).Select(v => v.Position + v.Word.Length).ToList();
        var verbStarts = starts.Count;
        if (!rules.Question.ContainsAny(text))
        {
            // "新锐物流今天成立了党支部": a name that starts the message or a clause of a report (not a question about a class).
            starts.Add(0);
            for (var i = 1; i < text.Length; i++)
            {
                if (IsSeparator(text[i - 1]) && !IsSeparator(text[i]))
                {
                    starts.Add(i);
                }
            }
        }

        for (var k = 0; k < starts.Count; k++)
        {
            var start = starts[k];
            if (start < text.Length && text[start] == '了')
            {
                start++;
            }

            if (mentions.Any(m => m.Start <= start && start < m.End) || dates.Any(d => d.Start == start))
            {
                continue;
            }

            var limit = mentions.Where(m => m.Start > start).Select(m => m.Start).DefaultIfEmpty(text.Length).Min();
            if (index.ReadUnknownNameAt(text, start, limit) is { } unknown
                && (k < verbStarts || rules.ClassNouns.MatchAt(text, unknown.Start + unknown.Length) is null))
            {
                mentions.Add(unknown);
                added = true;
            }
        }

        // "云启科技和新锐物流": a list goes on after a joiner.
        for (var k = 0; k < mentions.Count && k < 32; k++)
        {
            var end = mentions[k].End;
            foreach (var joiner in (string[])["和", "、", "与", "及", "以及"])
            {
                var start = end + joiner.Length;
                if (!text.AsSpan(end).StartsWith(joiner) || mentions.Any(m => m.Start <= start && start < m.End) || mentions[k].IsGeneric)
                {
                    continue;
                }

                var limit = mentions.Where(m => m.Start > start).Select(m => m.Start).DefaultIfEmpty(text.Length).Min();
                if (index.ReadUnknownNameAt(text, start, limit) is { } unknown)
                {
                    mentions.Add(unknown);
                    added = true;
                }
            }
        }

        if (added)
        {
            mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }

    private MessageParser Nested(string part) => new(rules, index, part, sender, now, preferOwnJurisdiction, depth + 1);

    public UnderstandingResult Parse()
    {
        if (!TextNormalizer.HasContent(text) || rules.SmallTalkOf(text) is not null)
        {
            return UnderstandingResult.Nothing; // "你好", "谢谢 辛苦了", "在吗？" ask for nothing
        }

        if (depth < MaxDepth && Corrected() is { } corrected)
        {
            return Nested(corrected).Parse();
        }

        SplitClauses();
        var help = IsHelp();
        var undo = rules.Undo.ContainsAny(text) || rules.UndoWords.Contains(BareText());
        var export = rules.AsksExport(text);
        var metric = ProgressMetricAsked();
        if (depth < MaxDepth && Compound(help || undo || export || metric is not null) is { } compound)
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

        if (export && !rules.PolicyDefinition.ContainsAny(text))
        {
            return new UnderstandingResult([.. ScopesListed(FindScope()).Select(scope => new UnderstoodAction(ActionKind.Export) { Scope = scope })], []);
        }

        if (metric is not null)
        {
            // "民治街道和大浪街道的覆盖率分别是多少": one query per scope listed.
            return new UnderstandingResult([.. ScopesListed(FindScope()).Select(scope => new UnderstoodAction(ActionKind.ProgressQuery) { Scope = scope, Metric = metric })], []);
        }

        FindLeaderSpans();
        if (LookupAsked() is { } lookup)
        {
            return Finish([.. ReportBefore(lookup), lookup]);
        }

        FindNumberPhrases();
        foreach (var clause in clauses.Where(c => !c.IsQuestion))
        {
            FindVisits(clause);
            FindDiscoveries(clause);
            FindShownMembers(clause);
            FindWorkCoverage(clause);
            FindPairings(clause);
        }

        FindFormation();
        var advice = FindAdvice();
        if (advice is null)
        {
            FindFacts();
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
        if (actions.Count == 0 && (IsQuestion(0, text.Length) || (AsksAdviceInText && !IsStatedSupposition()) || rules.PolicyDefinition.ContainsAny(text) || asksForInformation))
        {
            // A question about one named organisation is for its ledger card ("云启科技现在党员有几个"); others go to the documents.
            var named = UsableMentions().Where(m => !m.IsGeneric).DistinctBy(Identity).ToList();
            actions.Add(named.Count == 1 && !rules.PolicyDefinition.ContainsAny(text) && !rules.How.ContainsAny(text)
                ? WithOrganization(new UnderstoodAction(ActionKind.OrgLookup), named[0])
                : new UnderstoodAction(ActionKind.PolicyQuestion));
        }

        return Finish(actions);
    }

    private static UnderstandingResult Only(UnderstoodAction action) => new([action], []);

    /// <summary>
    /// "昨天去了青禾文化，不对，是前天" → "前天去了青禾文化": the message as meant, the day, figure or name after a correction
    /// marker put in place of the last one of its kind said before it. Null when there is no correction of that shape
    /// ("刚才那条不对，撤销" takes a record back instead).
    /// </summary>
    private string? Corrected()
    {
        if (rules.Corrections.FindFirst(text) is not { } marker)
        {
            return null;
        }

        var at = marker.Position + marker.Word.Length;
        while (at < text.Length && (IsSeparator(text[at]) || text[at] is '哦' or '啊' or '呃' or ':' or '：'))
        {
            at++;
        }

        if (rules.CorrectionLeads.MatchAt(text, at) is { } lead)
        {
            at += lead.Length;
        }

        var cut = marker.Position;
        while (cut > 0 && (IsSeparator(text[cut - 1]) || text[cut - 1] is '哦' or '啊' or '呃'))
        {
            cut--;
        }

        (int Start, int End)? said = null;
        var replacementEnd = at;
        if (dates.FirstOrDefault(d => d.Start == at) is { } date)
        {
            replacementEnd = date.Start + date.Length;
            said = dates.LastOrDefault(d => d.Start + d.Length <= cut) is { } before ? (before.Start, before.Start + before.Length) : null;
        }
        else if (mentions.FirstOrDefault(m => m.Start == at && !m.IsGeneric) is { } name)
        {
            replacementEnd = name.End;
            said = mentions.LastOrDefault(m => m.End <= cut && !m.IsGeneric) is { } before ? (before.Start, before.End) : null;
        }
        else if (ChineseNumber.TryRead(text, at, out _, out var length) && !(length == 1 && text[at] == '一' && at + 1 < text.Length && !IsMeasure(text[at + 1])))
        {
            replacementEnd = at + length;
            said = LastFigureBefore(cut);
        }
        else if (RepeatedNounFigure(at, cut) is { } figure)
        {
            // "党员2名，更正一下，党员是3名": the noun said again, then the figure that replaces the one after it.
            (at, replacementEnd, said) = figure;
        }

        if (said is not { } replaced)
        {
            return null;
        }

        var rest = replacementEnd;
        while (rest < text.Length && !IsSeparator(text[rest]))
        {
            rest++; // "是前天去的": the rest of the replacing words says nothing new
        }

        return string.Concat(text.AsSpan(0, replaced.Start), text.AsSpan(at, replacementEnd - at), text.AsSpan(replaced.End, cut - replaced.End), text.AsSpan(rest));

        static bool IsMeasure(char c) => c is '名' or '人' or '个' or '位' or '家';
    }

    /// <summary>
    /// "党员是3名" after a correction marker at <paramref name="at"/>: the figure (start, end) and the figure said after the same
    /// noun before <paramref name="cut"/>.
    /// </summary>
    private (int At, int End, (int Start, int End)? Said)? RepeatedNounFigure(int at, int cut)
    {
        for (var q = at + 2; q < Math.Min(text.Length, at + 8) && !IsSeparator(text[q]); q++)
        {
            if (!ChineseNumber.IsNumeralChar(text[q]) || !ChineseNumber.TryRead(text, q, out _, out var length))
            {
                continue;
            }

            var noun = text[at..q];
            while (rules.CorrectionLeads.EndsAt(noun, noun.Length) && noun.Length > 0)
            {
                var lead = rules.CorrectionLeads.FindAll(noun).LastOrDefault(l => l.Position + l.Word.Length == noun.Length);
                noun = noun[..lead.Position];
            }

            // The noun must end before the marker: a marker that opens the message ("不对，撤销…") has nothing before it.
            var said = noun.Length >= 2 && cut >= noun.Length ? text.LastIndexOf(noun, cut - 1, StringComparison.Ordinal) : -1;
            if (said < 0 || LastFigureBefore(Math.Min(cut, said + noun.Length + 6)) is not { } figure || figure.Start < said + noun.Length)
            {
                return null;
            }

            return (q, q + length, figure);
        }

        return null;
    }

    /// <summary>The last figure (digits or a Chinese numeral, not part of a date) that ends by <paramref name="end"/>.</summary>
    private (int Start, int End)? LastFigureBefore(int end)
    {
        for (var i = end - 1; i >= 0; i--)
        {
            if (!ChineseNumber.IsNumeralChar(text[i]) || dates.Any(d => d.Start <= i && i < d.Start + d.Length) || InsideMention(i))
            {
                continue;
            }

            var start = i;
            while (start > 0 && ChineseNumber.IsNumeralChar(text[start - 1]))
            {
                start--;
            }

            if (ChineseNumber.TryRead(text, start, out _, out var length) && start + length == i + 1)
            {
                return (start, i + 1);
            }

            i = start;
        }

        return null;
    }

    // ---------------------------------------------------------------- reports and requests in one message

    private enum Part
    {
        Neutral,
        Report,
        Request,
    }

    /// <summary>A stretch of the message: a clause, or part of one cut before 顺便/请问…; <c>Shift</c> when the message turns there.</summary>
    private sealed record Unit(int Start, int End, bool Shift, bool EndsWithQuestionMark);

    /// <summary>
    /// "今天走访了顺达快递，顺便问一下联合组建怎么弄": a message that reports and asks gives both, in the order said. It is cut
    /// where it turns from reports to requests (or from one request to another after 顺便/另外/。), each part is read on its
    /// own, and the records come from the reports, everything else from the requests. Null when the message is one thing.
    /// </summary>
    private UnderstandingResult? Compound(bool asksWholeMessageIntent)
    {
        if (clauses.Count < 2 && !rules.TopicShift.ContainsAny(text) && !rules.RequestMarkers.ContainsAny(text)
            && !(clauses.Count == 1 && clauses[0].IsQuestion && InnerTurn(clauses[0].Start, clauses[0].End) is not null))
        {
            return null; // one clause with no turn: one thing
        }

        if (!asksWholeMessageIntent && !clauses.Any(c => c.IsQuestion) && !rules.RequestMarkers.ContainsAny(text) && !rules.Lookup.ContainsAny(text)
            && !AsksAdviceInText && !rules.PolicyDefinition.ContainsAny(text))
        {
            return null; // a plain report (the common message): nothing to cut
        }

        var turns = rules.TopicShift.ContainsAny(text) || text.AsSpan(0, text.Length - 1).IndexOfAny("。.?!！;；\n") >= 0;
        if (!turns && !HasRecordVerb(0, text.Length))
        {
            return null; // requests only, with no turn between them: one request
        }

        var units = Units();
        if (units.Count < 2)
        {
            return null;
        }

        var parts = units.Select(Classify).ToList();
        if (!parts.Contains(Part.Request) || (!parts.Contains(Part.Report) && !units.Where((u, i) => i > 0 && u.Shift && parts[i] == Part.Request).Any()))
        {
            return null;
        }

        // A unit that is neither goes with the part before it; before a request for advice that follows without a turn
        // ("…党员已经有52名了，可以成立党总支吗") its figures are the question's; at the start it goes with what follows.
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] != Part.Neutral)
            {
                continue;
            }

            var next = parts.FindIndex(i, p => p != Part.Neutral);
            var previous = parts.FindLastIndex(i, p => p != Part.Neutral);
            var premise = next >= 0 && parts[next] == Part.Request && !units[next].Shift && !units.Skip(i + 1).Take(next - i).Any(u => u.Shift)
                && rules.AsksAdvice(text[units[next].Start..units[next].End]) && !DescribesClass(text[units[next].Start..units[next].End]);
            // "…另外微光软件的台账 | 帮我调出来看看": a unit that opens with a turn goes with what follows it.
            var opensTurn = rules.TopicShift.MatchAt(text, units[i].Start, units[i].End) is not null && next >= 0;
            parts[i] = premise || opensTurn || previous < 0 ? (next >= 0 ? parts[next] : Part.Neutral) : parts[previous];
        }

        // One request turning to another ("覆盖率多少？顺便把台账导出来") starts a part of its own.
        var segments = new List<(int Start, int End, Part Part, bool Asks)>();
        for (var i = 0; i < units.Count; i++)
        {
            var asks = Classify(units[i]) == Part.Request;
            if (segments.Count > 0 && segments[^1].Part == parts[i] && !(parts[i] == Part.Request && units[i].Shift && asks && segments[^1].Asks))
            {
                segments[^1] = segments[^1] with { End = units[i].End, Asks = segments[^1].Asks || asks };
            }
            else
            {
                segments.Add((units[i].Start, units[i].End, parts[i], asks));
            }
        }

        if (segments.Count < 2)
        {
            return null;
        }

        var actions = new List<UnderstoodAction>();
        OrganizationMention? reported = null;
        foreach (var (start, end, part, _) in segments)
        {
            var words = text[start..end];
            foreach (var resolved in mentions.Where(m => resolvedByContext.Contains(m.Start) && m.Start >= start && m.End <= end).Reverse())
            {
                // Read on its own, the part keeps the organisation the whole message meant.
                words = string.Concat(words.AsSpan(0, resolved.Start - start), resolved.Organization!.Name, words.AsSpan(resolved.End - start));
            }
            if (part == Part.Request && reported is not null && !UsableMentions().Any(m => m.Start >= start && m.Start < end))
            {
                // "…另外想问下他们这种情况适合怎么组建", "…职工140人 党员1名 这种情况该怎么建": a request for advice that names
                // no organisation, after a report on one, is about that one (他们/这家 stand for it).
                var name = reported.Organization?.Name ?? reported.Written;
                if (rules.Pronouns.FindFirst(words) is { } pronoun)
                {
                    words = string.Concat(words.AsSpan(0, pronoun.Position), name, words.AsSpan(pronoun.Position + pronoun.Word.Length));
                }
                else if (rules.AsksAdvice(words) && !DescribesClass(words))
                {
                    words = name + "，" + words;
                }
            }

            var read = Nested(words).Parse();
            foreach (var action in read.Actions)
            {
                if (action.IsRecord != (part == Part.Report))
                {
                    continue;
                }

                if (action.Kind == ActionKind.PolicyQuestion && actions.FindIndex(a => a.Kind == ActionKind.PolicyQuestion) is var asked and >= 0)
                {
                    actions[asked] = actions[asked] with { Question = actions[asked].Question + "\n" + QuestionWords(words) };
                    continue;
                }

                actions.Add(action.Kind is ActionKind.PolicyQuestion or ActionKind.FormationAdvice ? action with { Question = QuestionWords(words) } : action);
            }

            if (part == Part.Report)
            {
                reported = UsableMentions().LastOrDefault(m => m.Start >= start && m.Start < end && !m.IsGeneric && !m.IsAmbiguous) ?? reported;
            }
        }

        return actions.Count == 0 ? null : Finish(actions);
    }

    /// <summary>"两名党员的企业怎么组建": the words describe a class of organisations ("这种情况" is this one's situation).</summary>
    private bool DescribesClass(string words) =>
        rules.ClassDescription.FindAll(words).Any(c => !(c.Word == "这种" && words.AsSpan(c.Position + c.Word.Length).StartsWith("情况")));

    /// <summary>"，顺便问一下什么是五个清" → "什么是五个清": the question without the words that lead into it.</summary>
    private string QuestionWords(string words)
    {
        var start = 0;
        while (start < words.Length)
        {
            if (IsSeparator(words[start]) || words[start] is ':' or '：')
            {
                start++;
            }
            else if ((rules.TopicShift.MatchAt(words, start) ?? rules.RequestMarkers.MatchAt(words, start)) is { } lead && start + lead.Length < words.Length)
            {
                start += lead.Length;
            }
            else
            {
                break;
            }
        }

        return words[start..].Trim();
    }

    /// <summary>The clauses, also cut before a turn (顺便、另外、对了) or a request marker (请问、问一下) inside one.</summary>
    private List<Unit> Units()
    {
        var units = new List<Unit>();
        foreach (var clause in clauses)
        {
            var start = clause.Start;
            for (var i = clause.Start + 1; i < clause.End; i++)
            {
                if (InsideMention(i))
                {
                    continue;
                }

                var marker = rules.TopicShift.MatchAt(text, i, clause.End) ?? rules.RequestMarkers.MatchAt(text, i, clause.End);
                if (marker is not null && i > start && !(rules.TopicShift.MatchAt(text, start, i) is { } turn && turn.Length == i - start))
                {
                    var cut = i - ModalBefore(start, i); // "…能不能帮我查下": the modal asks with the request
                    if (cut > start)
                    {
                        units.Add(NewUnit(start, cut, false));
                        start = cut;
                    }
                }

                i += (marker?.Length ?? 1) - 1;
            }

            if (clause.IsQuestion && InnerTurn(start, clause.End) is { } inner)
            {
                units.Add(NewUnit(start, inner, false));
                start = inner;
            }

            units.Add(NewUnit(start, clause.End, clause.End < text.Length && text[clause.End] == '?'));
        }

        return units;

        Unit NewUnit(int start, int end, bool questionMark)
        {
            var previous = start - 1;
            while (previous >= 0 && text[previous] == ' ')
            {
                previous--;
            }

            // A turn: 顺便/另外… at the start, after the end of a sentence, or after a unit that is only a turn ("对了").
            var shift = rules.TopicShift.MatchAt(text, start, end) is not null
                || (previous >= 0 && text[previous] is '。' or '.' or '?' or '!' or '！' or ';' or '；' or '\n')
                || (units.Count > 0 && units[^1] is var last && (rules.TopicShift.MatchAt(text, last.Start, last.End) is { } only && only.Length == last.End - last.Start
                    || rules.SmallTalkOf(text, last.Start, last.End) is not null));
            return new Unit(start, end, shift, questionMark);
        }
    }

    /// <summary>
    /// "走访了云启科技覆盖率多少", "今天去了顺达快递他们这种情况适合怎么组建": a question clause that first reports what was
    /// done (a record verb and the organisation after it) and then asks, with no turn word between. The position where the
    /// request starts (a pronoun, a request for advice, a lookup or a progress figure after the reported name), else null.
    /// </summary>
    private int? InnerTurn(int start, int end)
    {
        var named = UsableMentions().FirstOrDefault(m => m.Start >= start && m.End < end && !m.IsGeneric);
        if (named is null)
        {
            return null;
        }

        // The request starts after the reported name (and the figures said with it).
        var from = named.End;
        int? first = null;
        void Consider(int? at)
        {
            if (at is { } position && position >= from && (first is null || position < first))
            {
                first = position;
            }
        }

        Consider(rules.Pronouns.FindFirst(text, from, end)?.Position);
        Consider(rules.Advice.FindFirst(text, from, end)?.Position);
        Consider(rules.Lookup.FindFirst(text, from, end)?.Position);
        Consider(rules.RequestMarkers.FindFirst(text, from, end)?.Position);
        foreach (var (_, groups) in rules.ProgressPatterns)
        {
            if (groups[0].FindFirst(text, from, end) is { } metric && UnderstandingRules.MatchesInOrder(text[metric.Position..end], groups))
            {
                Consider(metric.Position);
            }
        }

        if (first is not { } turn || InsideMention(turn))
        {
            return null;
        }

        // "…能不能帮我查下它的台账": the modal that asks belongs to the request.
        turn -= ModalBefore(from, turn);

        if (!HasRecordVerb(start, turn) || !IsQuestion(turn, end))
        {
            return null;
        }

        // The report must be a finished one: its verb says 了/过 or a day is named before the request.
        var report = text.AsSpan(start, turn - start);
        return report.Contains('了') || report.Contains('过') || dates.Any(d => d.Start >= start && d.Start < turn) ? turn : null;
    }

    /// <summary>The length of 能不能/可以/麻烦 that ends at <paramref name="position"/> (after <paramref name="start"/>), else 0.</summary>
    private int ModalBefore(int start, int position)
    {
        foreach (var modal in rules.RequestModals)
        {
            if (position - modal.Length >= start && text.AsSpan(start, position - start).EndsWith(modal))
            {
                return modal.Length;
            }
        }

        return 0;
    }

    private bool? asksAdvice;

    /// <summary>The whole message asks how an organisation should form (read once).</summary>
    private bool AsksAdviceInText => asksAdvice ??= rules.AsksAdvice(text);

    /// <summary>True when <paramref name="words"/> hold a request that is no question: help, undo, export, a lookup, advice, progress.</summary>
    private bool AsksSomethingBesidesQuestions(string words)
    {
        var bare = new string([.. words.Where(c => TextNormalizer.IsHan(c) || char.IsAsciiLetterOrDigit(c))]);
        return rules.Help.ContainsAny(words) || rules.HelpWords.Contains(bare) || rules.Undo.ContainsAny(words) || rules.UndoWords.Contains(bare)
            || rules.AsksExport(words) || rules.Lookup.ContainsAny(words) || rules.AsksAdvice(words) || rules.PolicyDefinition.ContainsAny(words)
            || rules.ProgressPatterns.Any(p => UnderstandingRules.MatchesInOrder(words, p.Groups));
    }

    private Part Classify(Unit unit)
    {
        var (start, end) = (unit.Start, unit.End);
        if (rules.SmallTalkOf(text, start, end) is not null || rules.TopicShift.MatchAt(text, start, end) is { } only && only.Length == end - start)
        {
            return Part.Neutral;
        }

        // "顺便问一下帮扶期限是多久": a unit that opens with 问一下/请问 (after 顺便/另外) asks, whatever verb it holds.
        var opening = rules.TopicShift.MatchAt(text, start, end) is { } turn ? start + turn.Length : start;
        if (unit.EndsWithQuestionMark || IsQuestion(start, end) || rules.RequestMarkers.MatchAt(text, opening, end) is not null)
        {
            return Part.Request;
        }

        if (HasRecordVerb(start, end))
        {
            return Part.Report;
        }

        var words = text[start..end];
        return rules.RequestMarkers.ContainsAny(words) || AsksSomethingBesidesQuestions(words) ? Part.Request : Part.Neutral;
    }

    /// <summary>True when [start, end) holds a verb that could make a record (走访、发现…党员、成立…党支部、成立工会、指导员…).</summary>
    private bool HasRecordVerb(int start, int end)
    {
        var unit = new Clause(start, end, false);
        bool Made((int Position, string Word) verb) => !IsBlocked(unit, verb.Position);
        return rules.Visit.FindAll(text, start, end).Any(v => Made(v) && rules.VisitNounFollowers.MatchAt(text, v.Position + v.Word.Length) is null)
            || rules.Motion.FindAll(text, start, end).Any(v => Made(v) && mentions.Any(m => m.Start == v.Position + v.Word.Length || m.Start == v.Position + v.Word.Length + 1))
            || (rules.Discovery.FindAll(text, start, end).Concat(rules.Hire.FindAll(text, start, end)).Any(Made) && text.AsSpan(start, end - start).Contains("党员", StringComparison.Ordinal))
            || (rules.Formation.FindAll(text, start, end).Any(Made) && rules.PartyAndMassWords.ContainsAny(text, start, end))
            || rules.InstructorWords.ContainsAny(text, start, end)
            || rules.Pairing.FindAll(text, start, end).Any(v => Made(v) && !IsAttributive(v))
            || rules.Statuses.ContainsAny(text, start, end);
    }

    private static UnderstandingResult Finish(List<UnderstoodAction> actions) =>
        new(actions, actions.Any(a => a.NeedsOrganization && a.Organization is null) ? ["organization"] : []);

    // ---------------------------------------------------------------- whole-message intents

    private bool IsHelp()
    {
        if (rules.Help.ContainsAny(text) || rules.Help.ContainsAny(WithoutMeasureFillers(text)))
        {
            return true;
        }

        return rules.HelpWords.Contains(BareText());
    }

    /// <summary>"你能帮我做些什么", "能干点啥": 些/点 between the verb and what is asked changes nothing.</summary>
    private static string WithoutMeasureFillers(string words) =>
        words.Replace("做些", "做", StringComparison.Ordinal).Replace("干些", "干", StringComparison.Ordinal)
            .Replace("做点", "做", StringComparison.Ordinal).Replace("干点", "干", StringComparison.Ordinal)
            .Replace("有些", "有", StringComparison.Ordinal).Replace("有一些", "有", StringComparison.Ordinal);

    private string BareText() => new([.. text.Where(c => TextNormalizer.IsHan(c) || char.IsAsciiLetterOrDigit(c) || c == '?')]);

    private ProgressMetric? ProgressMetricAsked()
    {
        if (rules.PolicyDefinition.ContainsAny(text))
        {
            return null;
        }

        foreach (var (metric, groups) in rules.ProgressPatterns)
        {
            if (UnderstandingRules.MatchesInOrder(text, groups))
            {
                return metric;
            }
        }

        return null;
    }

    private string? FindScope()
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (rules.OwnScope.MatchAt(text, i) is { } own)
            {
                i += own.Length - 1;
                continue;
            }

            foreach (var name in index.ScopeNames)
            {
                if (text.AsSpan(i).StartsWith(name, StringComparison.Ordinal))
                {
                    return name;
                }
            }
        }

        // A street or district written without its suffix ("坂田覆盖率多少") is kept as written.
        foreach (var name in index.ScopeNames)
        {
            foreach (var suffix in rules.Vocabulary.ScopeSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2
                    && text.Contains(name[..^suffix.Length], StringComparison.Ordinal) && !mentions.Any(m => m.Written.Contains(name[..^suffix.Length], StringComparison.Ordinal)))
                {
                    return name[..^suffix.Length];
                }
            }
        }

        foreach (Match m in ScopePattern().Matches(text))
        {
            if (!rules.OwnScope.ContainsAny(text, Math.Max(0, m.Index - 1), m.Index + m.Length) && !"把给在到的和与我你他这那全本该各每".Contains(m.Value[0]))
            {
                return m.Value;
            }
        }

        return null;
    }

    /// <summary><paramref name="first"/> and the scopes listed right after it with 和/、/与.</summary>
    private List<string?> ScopesListed(string? first)
    {
        var scopes = new List<string?> { first };
        if (first is null || text.IndexOf(first, StringComparison.Ordinal) is var at && at < 0)
        {
            return scopes;
        }

        for (var end = at + first.Length; scopes.Count < 8;)
        {
            var next = end;
            foreach (var joiner in (string[])["和", "、", "与", "及", "以及", "，", ","])
            {
                if (text.AsSpan(end).StartsWith(joiner))
                {
                    next = end + joiner.Length;
                    break;
                }
            }

            if (next == end)
            {
                return scopes;
            }

            var another = index.ScopeNames.FirstOrDefault(n => text.AsSpan(next).StartsWith(n));
            if (another is null && ScopePattern().Match(text, next) is { Success: true } pattern && pattern.Index == next)
            {
                another = pattern.Value;
            }

            if (another is null || scopes.Contains(another))
            {
                return scopes;
            }

            scopes.Add(another);
            end = next + another.Length;
        }

        return scopes;
    }

    /// <summary>"今天走访了华鼎物流，另外帮我查下云启网络科技的台账": the records reported in the clauses before a request.</summary>
    private List<UnderstoodAction> ReportBefore(UnderstoodAction request)
    {
        var verb = rules.Lookup.FindFirst(text);
        if (verb is null || request.Organization is null)
        {
            return [];
        }

        var cut = verb.Value.Position;
        while (cut > 0 && !IsSeparator(text[cut - 1]))
        {
            cut--;
        }

        if (depth >= MaxDepth || cut < 2 || !(rules.Visit.ContainsAny(text, 0, cut) || rules.Discovery.ContainsAny(text, 0, cut) || rules.Formation.ContainsAny(text, 0, cut)))
        {
            return [];
        }

        var report = Nested(text[..(cut - 1)]).Parse();
        return [.. report.Actions.Where(a => a.Kind is ActionKind.Visit or ActionKind.MemberDiscovery or ActionKind.Formation
            or ActionKind.WorkCoverage or ActionKind.OrgUpdate or ActionKind.Pairing)];
    }

    private UnderstoodAction? LookupAsked()
    {
        var verb = rules.Lookup.FindFirst(text);
        if (verb is { } found && rules.Visit.FindAll(text, Math.Max(0, found.Position - 4), found.Position + found.Word.Length + 4)
                .Any(v => v.Position <= found.Position && v.Position + v.Word.Length > found.Position))
        {
            verb = null; // 实地查看 is a visit, not a lookup
        }
        else if (verb is { } said && UsableMentions().LastOrDefault(m => m.End <= said.Position) is { } place
            && text.AsSpan(place.End, said.Position - place.End).Trim("了 ").IsEmpty
            && rules.Motion.EndsAt(text, place.Start, Math.Max(0, place.Start - 3)))
        {
            verb = null; // "到智联物流了解一下党员情况": gone there to see, a visit
        }

        var named = (verb is { } v ? UsableMentions().FirstOrDefault(m => !m.IsGeneric && m.Start > v.Position) : null)
            ?? UsableMentions().FirstOrDefault(m => !m.IsGeneric);
        if (named is null)
        {
            // "帮我查一下这家的台账": one organisation's card, not said which.
            return verb is { } asked && rules.Pronouns.FindFirst(text, asked.Position) is { } pronoun
                && rules.LookupObjects.ContainsAny(text, pronoun.Position + pronoun.Word.Length)
                ? new UnderstoodAction(ActionKind.OrgLookup)
                : null;
        }

        var hasObject = rules.LookupObjects.ContainsAny(text, named.End);
        if (AsksAdviceInText && !hasObject)
        {
            return null; // "问一下仁爱医院要不要单独建党组织" asks for advice, not the card
        }

        if ((verb is not null && (hasObject || verb.Value.Position < named.Start || EndsWithLookup(named, verb.Value)))
            || (hasObject && rules.LookupQuestions.ContainsAny(text, named.End)))
        {
            return WithOrganization(new UnderstoodAction(ActionKind.OrgLookup), named);
        }

        return null;
    }

    /// <summary>"汇通汽车查一下", "云启科技帮我看看吧": the name, then only the lookup verb closing the message.</summary>
    private bool EndsWithLookup(OrganizationMention named, (int Position, string Word) verb)
    {
        if (verb.Position < named.End)
        {
            return false;
        }

        static bool Filler(char c) => IsSeparator(c) || c is '的' or '帮' or '我' or '请' or '麻' or '烦' or '吧' or '呗' or '啊' or '呀' or '哈' or '嘛' or '～';
        return text.AsSpan(named.End, verb.Position - named.End).TrimStart(' ').ToString().All(Filler)
            && text.AsSpan(verb.Position + verb.Word.Length).ToString().All(Filler);
    }

    // ---------------------------------------------------------------- structure

    private void SplitClauses()
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var atEnd = i == text.Length;
            if (!atEnd && (!IsSeparator(text[i]) || JoinsShortWord(start, i)))
            {
                if (i > start && (rules.Sequence.MatchAt(text, i) is not null || StartsAnotherVisit(start, i)) && !InsideMention(i))
                {
                    AddClause(start, i, false);
                    start = i;
                }

                continue;
            }

            AddClause(start, i, !atEnd && text[i] is '?');
            start = i + 1;
        }
    }

    /// <summary>"昨天去了云启科技今天去了青禾文化": a date after a visit to a named organisation starts the next visit.</summary>
    private bool StartsAnotherVisit(int start, int position) =>
        dates.Any(d => d.Start == position)
        && (rules.Visit.ContainsAny(text, start, position) || rules.Motion.ContainsAny(text, start, position))
        && mentions.Any(m => m.Start >= start && m.End <= position)
        && (rules.Visit.ContainsAny(text, position, Math.Min(text.Length, position + 8)) || rules.Motion.ContainsAny(text, position, Math.Min(text.Length, position + 8)));

    private void AddClause(int start, int end, bool endsWithQuestionMark)
    {
        if (end > start)
        {
            clauses.Add(new Clause(start, end, endsWithQuestionMark || IsQuestion(start, end)));
        }
    }

    /// <summary>Voice input spaces out words ("蓝海电商 今天 发现 党员 2名"): a blank next to a word of two characters or fewer splits nothing.</summary>
    private bool JoinsShortWord(int start, int blank)
    {
        if (text[blank] != ' ')
        {
            return false;
        }

        var next = blank + 1;
        while (next < text.Length && !IsSeparator(text[next]))
        {
            next++;
        }

        var previous = blank;
        while (previous > start && text[previous - 1] != ' ')
        {
            previous--;
        }

        // "成立了 团支部", "发现 流动党员 两名": a party or mass organisation, or members, do not start a clause.
        return blank - previous is > 0 and <= 2 || next - blank - 1 is > 0 and <= 2
            || rules.PartyAndMassWords.MatchAt(text, blank + 1) is not null || rules.Categories.MatchAt(text, blank + 1) is not null;
    }

    private static bool IsSeparator(char c) => c is ',' or '，' or '。' or ';' or '；' or '!' or '！' or '?' or ' ' or '~' or '～' or '…' or '\n';

    private bool IsQuestion(int start, int end) => IsEitherOrQuestion(start, end) ||
        rules.Question.FindAll(text, start, end).Any(q =>
            !(q.Word[0] == '几' && q.Position > 0 && (ChineseNumber.IsNumeralChar(text[q.Position - 1]) || text[q.Position - 1] == '好')) // 十几个, 好几个月
            && !(q.Word is "呢" or "吗" && q.Position + 1 < end && TextNormalizer.IsHan(text[q.Position + 1]))); // "今天呢去了…" is a filler

    /// <summary>"算不算", "行不行", "去没去": a verb, 不/没, the same verb asks a yes-or-no question.</summary>
    private bool IsEitherOrQuestion(int start, int end)
    {
        for (var i = Math.Max(start, 1); i + 1 < end; i++)
        {
            if (text[i] is '不' or '没' && TextNormalizer.IsHan(text[i - 1]) && text[i + 1] == text[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    private bool InsideMention(int position) => mentions.Any(m => m.Start < position && position < m.End);

    private void FindLeaderSpans()
    {
        // "由星辰半导体党总支带建": the organisation that leads a joint formation is not one of its units.
        for (var i = text.IndexOf('由'); i >= 0; i = text.IndexOf('由', i + 1))
        {
            var limit = Math.Min(text.Length, i + 24);
            if (rules.LeaderMarkers.FindFirst(text, i + 1, limit) is { } marker && !text.AsSpan(i + 1, marker.Position - i - 1).ContainsAny("，,。；; "))
            {
                leaderSpans.Add((i, marker.Position + marker.Word.Length));
            }
        }

        // "挂靠星辰半导体党委成立联合党支部": the host the units attach to is not one of them.
        foreach (var (position, word) in rules.HostMarkers.FindAll(text))
        {
            var host = mentions.FirstOrDefault(m => m.Start >= position + word.Length && m.Start <= position + word.Length + 1);
            if (host is not null && rules.PartyAndMassWords.MatchAt(text, host.End) is { } party)
            {
                leaderSpans.Add((position, host.End + party.Length));
            }
        }
    }

    private bool InLeaderSpan(int position) => leaderSpans.Any(s => s.Start <= position && position < s.End);

    private IEnumerable<OrganizationMention> UsableMentions() => mentions.Where(m => !InLeaderSpan(m.Start));

    private OrganizationMention PreferOwnJurisdiction(OrganizationMention mention)
    {
        // An ambiguous name that fits exactly one organisation inside the sender's jurisdiction means that one.
        if (!preferOwnJurisdiction || !mention.IsAmbiguous || sender.Jurisdiction == Jurisdiction.Everywhere)
        {
            return mention;
        }

        var own = index.Organizations.Where(o => mention.Candidates.Any(c => c.Id == o.Id) && sender.Jurisdiction.Contains(o)).ToList();
        return own.Count == 1 ? mention with { Organization = own[0], Candidates = [] } : mention;
    }

    // ---------------------------------------------------------------- numbers

    private void FindNumberPhrases()
    {
        var bare = new List<NumberPhrase>();
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && ChineseNumber.IsNumeralChar(text[i - 1]))
            {
                continue;
            }

            if (!ChineseNumber.TryRead(text, i, out var value, out var length))
            {
                continue;
            }

            var approximate = IsApproximatePrefix(i) || IsRange(i, i + length);
            var j = i + length;
            if (rules.ApproximationSuffixes.MatchAt(text, j) is { } suffix)
            {
                approximate = true;
                j += suffix.Length;
            }

            if (j < text.Length && text[j] is '名' or '个' or '位' or '人')
            {
                j++;
            }

            if (rules.ApproximationSuffixes.MatchAt(text, j) is { } after)
            {
                approximate = true;
                j += after.Length;
            }

            var k = j < text.Length && text[j] is '是' or '为' ? j + 1 : j;
            var countsPeople = j > i + length && text[j - 1] == '人' && k == j;
            if (k == j && j > i + length && k + 1 < text.Length && text[k] == ' ' && rules.Categories.MatchAt(text, k + 1) is { } spaced
                && !ChineseNumber.TryRead(text, k + 1 + spaced.Length, out _, out _))
            {
                k++; // "1名 口袋党员"
            }

            if (!countsPeople && rules.Categories.MatchAt(text, k) is { } category && !IsPossessedGroup(i, k + category.Length))
            {
                var none = text.AsSpan(k + category.Length) is var rest && (rest.StartsWith("都没") || rest.StartsWith("也没"));
                memberPhrases.Add(new NumberPhrase(i, k + category.Length, none ? 0 : value, approximate && !none, CategoryOf(category)));
            }
            else if (rules.EmployeeWords.MatchAt(text, j) is { } staff && IsMembersAfter(j + staff.Length) is { } membersEnd)
            {
                memberPhrases.Add(new NumberPhrase(i, membersEnd, value, approximate, null)); // "3名律师是党员"
            }
            else if (rules.EmployeeWords.MatchAt(text, j) is { } employees && (i == 0 || !text.AsSpan(0, i).EndsWith("党员")))
            {
                employeePhrases.Add(new NumberPhrase(i, j + employees.Length, value, approximate, null));
            }
            else if (countsPeople && mentions.Any(m => m.End == i && !m.IsGeneric) && IsMembersAfter(j) is null
                && !rules.Categories.ContainsAny(text, j, Math.Min(text.Length, j + 1)))
            {
                employeePhrases.Add(new NumberPhrase(i, j, value, approximate, null)); // "优品超市140人1名党员"
            }
            else if (!countsPeople && j > i + length && ModifiedMembersAt(k) is { } membersEnd2)
            {
                memberPhrases.Add(new NumberPhrase(i, membersEnd2, value, approximate, null)); // "1名失联党员", "2名老党员"
            }
            else if (!countsPeople && j > i + length && DescribedMembersAt(k) is { } described)
            {
                memberPhrases.Add(new NumberPhrase(i, described.End, value, approximate, described.Category)); // "1名没亮明身份的党员"
            }
            else if (!countsPeople && j > i + length && rules.CategoryShortWords.MatchAt(text, k) is { } shortWord
                && k + shortWord.Length is var shortEnd && (shortEnd == text.Length || IsSeparator(text[shortEnd]) || text[shortEnd] == '的'))
            {
                // "发现了3个党员，2个预备的": a category said without 党员.
                memberPhrases.Add(new NumberPhrase(i, shortEnd, value, approximate, rules.Vocabulary.CategoryShortWords[shortWord]));
            }
            else if (!countsPeople && j > i + length && (j == text.Length || IsSeparator(text[j])))
            {
                bare.Add(new NumberPhrase(i, j, value, approximate, null));
            }

            i = j - 1;
        }

        // "党员6名", "党员增加到65人", "口袋党员1名"; "职工180人", "从业人员32人".
        for (var at = text.IndexOf("党员", StringComparison.Ordinal); at >= 0; at = text.IndexOf("党员", at + 2, StringComparison.Ordinal))
        {
            if (memberPhrases.Any(p => p.Start <= at && at < p.End))
            {
                continue;
            }

            if (text.AsSpan(at).StartsWith("党员职工"))
            {
                if (ReadNumberAfter(at + 4) is { } hired)
                {
                    memberPhrases.Add(hired with { Start = at, Category = "hired" });
                }

                continue;
            }

            var start = at;
            string? category = null;
            foreach (var (word, key) in rules.Vocabulary.MemberCategories)
            {
                if (word.EndsWith("党员", StringComparison.Ordinal) && at + 2 - word.Length >= 0 && text.AsSpan(at + 2 - word.Length).StartsWith(word))
                {
                    category = key;
                    start = at + 2 - word.Length;
                }
            }

            if (ReadNumberAfter(at + 2) is { } phrase)
            {
                memberPhrases.Add(phrase with { Start = start, Category = category });
            }
            else if (IsNoMembers(at))
            {
                memberPhrases.Add(new NumberPhrase(at, at + 2, 0, false, null));
            }
        }

        foreach (var count in bare)
        {
            // "顺达有2名党员，佳和有1名": a bare count in another organisation's clause, after members, counts the same.
            var clause = ClauseAt(count.Start);
            if (memberPhrases.Where(p => p.End <= clause.Start).MaxBy(p => p.End) is { } said && MentionsIn(clause).Any(m => m.End <= count.Start && !m.IsGeneric))
            {
                memberPhrases.Add(count with { Category = said.Category });
            }
        }

        if (memberPhrases.Count > 0 && !rules.Discovery.ContainsAny(text) && !rules.Hire.ContainsAny(text))
        {
            // "恒信有党员4名，德润没有": a name then 没有 alone, after totals, has none.
            foreach (var mention in mentions)
            {
                foreach (var none in (string[])["也没有", "都没有", "没有", "也无", "无"])
                {
                    var end = mention.End + none.Length;
                    if (text.AsSpan(mention.End).StartsWith(none) && (end == text.Length || IsSeparator(text[end]) || text[end] is '。' or '.'))
                    {
                        memberPhrases.Add(new NumberPhrase(mention.End, end, 0, false, null));
                        break;
                    }
                }
            }
        }

        foreach (var (position, word) in rules.EmployeeWords.FindAll(text))
        {
            if (position >= 2 && text.AsSpan(position - 2).StartsWith("党员"))
            {
                continue;
            }

            if (employeePhrases.All(p => p.End <= position || p.Start > position) && ReadNumberAfter(position + word.Length) is { } phrase)
            {
                employeePhrases.Add(phrase with { Start = position });
            }
        }

        memberPhrases.Sort((a, b) => a.Start.CompareTo(b.Start));
        employeePhrases.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>"失联党员", "退休党员": up to three characters that describe the members, then 党员.</summary>
    private int? ModifiedMembersAt(int position)
    {
        for (var length = 1; length <= 3 && position + length + 2 <= text.Length; length++)
        {
            var c = text[position + length - 1];
            if (!TextNormalizer.IsHan(c) || ChineseNumber.IsNumeralChar(c) || c is '人' or '个' or '名' or '位' or '的' or '和' or '是')
            {
                return null;
            }

            if (text.AsSpan(position + length).StartsWith("党员") && rules.Categories.MatchAt(text, position) is null)
            {
                return position + length + 2;
            }
        }

        return null;
    }

    /// <summary>"没亮明身份的党员", "刚入职的党员": up to seven characters and 的 before 党员; the category a description names.</summary>
    private (int End, string? Category)? DescribedMembersAt(int position)
    {
        for (var length = 1; length <= 7 && position + length + 3 <= text.Length; length++)
        {
            var c = text[position + length - 1];
            if (!TextNormalizer.IsHan(c) || c is '名' or '个' or '位' or '和' or '，' || ChineseNumber.IsNumeralChar(c) && c != '一')
            {
                return null;
            }

            if (text[position + length] == '的' && text.AsSpan(position + length + 1).StartsWith("党员") && !InsideMention(position + length))
            {
                var category = rules.MemberDescriptions.FindFirst(text, position, position + length) is { } description
                    ? rules.Vocabulary.MemberDescriptions[description.Word]
                    : null;
                return (position + length + 3, category);
            }
        }

        return null;
    }

    /// <summary>"组织蓝海电商的3名党员开了个会": members someone did something with, not a total.</summary>
    private bool IsPossessedGroup(int start, int end) =>
        start > 0 && text[start - 1] == '的' && end < text.Length && TextNormalizer.IsHan(text[end])
        && !"都均全是为中里其有已在还也和与及、".Contains(text[end]);

    private int? IsMembersAfter(int position)
    {
        foreach (var link in (string[])["都是党员", "均为党员", "是党员", "为党员"])
        {
            if (text.AsSpan(position).StartsWith(link))
            {
                return position + link.Length;
            }
        }

        return null;
    }

    private bool IsNoMembers(int at)
    {
        // 没有党员 / 无党员 / 没有正式党员; 一名党员都没有 / 一个党员也没有.
        var before = text.AsSpan(0, at);
        if (before.EndsWith("正式"))
        {
            before = before[..^2];
        }

        if (before.EndsWith("没有") || before.EndsWith("无") || before.EndsWith("没") || before.EndsWith("零"))
        {
            return true;
        }

        var after = text.AsSpan(at + 2);
        foreach (var none in (string[])["都没有", "也没有", "都没", "也没", "一个都没有", "一个也没有", "一名都没有", "一名也没有", "没有"])
        {
            // "党员都没有", "党员一个也没有": the sentence ends there.
            if (after.StartsWith(none) && (after.Length == none.Length || !TextNormalizer.IsHan(after[none.Length]) || after[none.Length] is '了' or '的'))
            {
                return true;
            }
        }

        return (before.EndsWith("一名") || before.EndsWith("一个") || before.EndsWith("一位"))
            && (after.StartsWith("都没") || after.StartsWith("也没") || after.StartsWith("都没有") || after.StartsWith("也没有"));
    }

    private NumberPhrase? ReadNumberAfter(int position)
    {
        var j = position;
        var approximate = false;
        for (var guard = 0; guard < 4 && j < text.Length; guard++)
        {
            if (rules.ApproximationPrefixes.MatchAt(text, j) is { } approx && !ChineseNumber.TryRead(text, j, out _, out _))
            {
                approximate = true;
                j += approx.Length;
            }
            else if (rules.Fillers.MatchAt(text, j) is { } filler)
            {
                j += filler.Length;
            }
            else if (text[j] == ' ')
            {
                j++;
            }
            else if (text[j] is '由' or '从' && ChineseNumber.TryRead(text, j + 1, out _, out _))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        if (!ChineseNumber.TryRead(text, j, out var value, out var length) || (length == 1 && text[j] == '一' && j + 1 < text.Length && text[j + 1] is '下' or '些' or '直' or '起' or '样'))
        {
            return null;
        }

        var end = j + length;
        approximate |= IsRange(j, end);
        if (end < text.Length && text[end] is '名' or '人' or '个' or '位')
        {
            end++;
        }

        // "由1名增加到3名": the total now is the later figure.
        if (rules.Changes.MatchAt(text, end) is { } change && ChineseNumber.TryRead(text, end + change.Length, out var later, out var laterLength))
        {
            value = later;
            end += change.Length + laterLength;
        }

        if (rules.ApproximationSuffixes.MatchAt(text, end) is { } suffix)
        {
            approximate = true;
            end += suffix.Length;
        }

        if (end < text.Length && text[end] is '名' or '人' or '个' or '位')
        {
            end++;
        }

        if (rules.ApproximationSuffixes.MatchAt(text, end) is { } after)
        {
            approximate = true;
            end += after.Length;
        }

        if (end < text.Length && (text[end] == '%' || text.AsSpan(end).StartsWith("以上") || text.AsSpan(end).StartsWith("以下")))
        {
            return null;
        }

        return new NumberPhrase(position, end, value, approximate, null);
    }

    /// <summary>"30-40人", "30到40人": either end of a range is no figure.</summary>
    private bool IsRange(int start, int end)
    {
        static bool IsDash(char c) => c is '-' or '~' or '～' or '—' or '－' or '至' or '到';
        var after = end + 1 < text.Length && IsDash(text[end]) && ChineseNumber.TryRead(text, end + 1, out _, out _);
        var before = start >= 2 && IsDash(text[start - 1]) && ChineseNumber.IsNumeralChar(text[start - 2]);
        return after || before;
    }

    private bool IsApproximatePrefix(int position)
    {
        for (var length = 1; length <= 3 && length <= position; length++)
        {
            if (rules.ApproximationPrefixes.MatchAt(text, position - length, position) is { } word && word.Length == length)
            {
                return true;
            }
        }

        return false;
    }

    private string? CategoryOf(string word) => rules.Vocabulary.MemberCategories.GetValueOrDefault(word);

    // ---------------------------------------------------------------- modality

    /// <summary>A verb is no fact when negated just before it, or when a plan word comes before it in its clause.</summary>
    private bool IsBlocked(Clause clause, int position)
    {
        var from = Math.Max(clause.Start, position - 4);
        foreach (var (at, word) in rules.Negation.FindAll(text, from, position))
        {
            if (at + word.Length >= position - 3)
            {
                return true;
            }
        }

        return rules.Plan.ContainsAny(text, clause.Start, position) || DateFor(position) > today || IsHypothetical(position);
    }

    /// <summary>
    /// "如果顺达快递再发现一名党员，就能单独建支部了", "假如宏图贸易注销": what a clause with a condition word says, and what
    /// the clause right after it in the same sentence says (the consequence), is supposed, not done.
    /// </summary>
    private bool IsHypothetical(int position)
    {
        var index = clauses.FindIndex(c => c.Start <= position && position <= c.End);
        if (index < 0)
        {
            return false;
        }

        if (HasCondition(clauses[index]))
        {
            return true;
        }

        if (index == 0)
        {
            return false;
        }

        var previous = clauses[index - 1];
        var between = text.AsSpan(previous.End, Math.Max(0, clauses[index].Start - previous.End));
        return between.IndexOfAny("。！!？?\n；;") < 0 && HasCondition(previous);
    }

    private bool HasCondition(Clause clause) =>
        rules.Conditional.FindAll(text, clause.Start, clause.End)
            .Any(c => c.Word != "要是" || c.Position == 0 || !"主只需重总正就还也都而".Contains(text[c.Position - 1]));

    private DateOnly DateFor(int position)
    {
        DateMention? chosen = null;
        foreach (var date in dates)
        {
            if (date.Start < position)
            {
                chosen = date;
            }
        }

        return (chosen ?? dates.FirstOrDefault())?.Date ?? today;
    }

    /// <summary>The day said before <paramref name="position"/>, with the days listed with it ("昨天和今天都去了").</summary>
    private List<DateOnly> DatesFor(int position)
    {
        var last = dates.FindLastIndex(d => d.Start < position);
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

    private List<OrganizationMention> MentionsIn(Clause clause) =>
        [.. UsableMentions().Where(m => m.Start >= clause.Start && m.Start < clause.End)];

    /// <summary>The organisations an action at <paramref name="position"/> concerns.</summary>
    private List<OrganizationMention?> TargetsFor(Clause clause, int position, bool wholeClause)
    {
        var inClause = MentionsIn(clause);
        if (inClause.Count > 0)
        {
            if (wholeClause)
            {
                // "今天跑了三家：智联物流 汇通汽车 恒信建筑": a list announced in the clause goes on across blanks.
                List<OrganizationMention?> all = [.. inClause.DistinctBy(Identity)];
                if (inClause[^1].End == clause.End && rules.ListIntro.ContainsAny(text, clause.Start, inClause[0].Start) && ListAfter(clause) is { Count: > 0 } more)
                {
                    all.AddRange(more.Where(m => all.All(a => Identity(a!) != Identity(m!))));
                }

                return all;
            }

            var before = inClause.Where(m => m.Start < position).ToList();
            if (before.Count == 0)
            {
                return [inClause[0]];
            }

            // The list that ends right before the verb: "金桥投资和宏图贸易都是空壳", not every name said earlier.
            var list = new List<OrganizationMention?> { before[^1] };
            for (var i = before.Count - 2; i >= 0 && IsListJoiner(before[i].End, before[i + 1].Start); i--)
            {
                list.Insert(0, before[i]);
            }

            return [.. list.DistinctBy(m => Identity(m!))];
        }

        if (wholeClause && rules.AllTogether.ContainsAny(text, clause.Start, position) && NamedInClausesBefore(clause) is { Count: > 1 } earlier)
        {
            // "今天上午顺达快递，下午德润物业，都走访了": the verb after 都 covers each name said in the clauses before.
            return earlier;
        }

        var preceding = UsableMentions().LastOrDefault(m => m.Start < position);
        if (wholeClause && ListAfter(clause) is { Count: > 0 } following
            && (preceding is null || rules.ListIntro.ContainsAny(text, clause.Start, clause.End)))
        {
            // "今天走访了三家 云启科技 微光软件和瑞康医疗": the names follow the verb's clause.
            return following;
        }

        return [preceding ?? UsableMentions().FirstOrDefault()];
    }

    /// <summary>The organisations named in the clauses right before <paramref name="clause"/> that say nothing but a name (and a time).</summary>
    private List<OrganizationMention?> NamedInClausesBefore(Clause clause)
    {
        var named = new List<OrganizationMention?>();
        for (var i = clauses.IndexOf(clause) - 1; i >= 0; i--)
        {
            var before = clauses[i];
            var inside = MentionsIn(before);
            if (inside.Count == 0 || HasRecordVerb(before.Start, before.End) || before.IsQuestion)
            {
                break;
            }

            named.InsertRange(0, inside);
        }

        return [.. named.DistinctBy(m => Identity(m!))];
    }

    /// <summary>The list of names that starts the text right after <paramref name="clause"/>, when only separators come between.</summary>
    private List<OrganizationMention?>? ListAfter(Clause clause)
    {
        var usable = UsableMentions().ToList();
        var first = usable.FindIndex(m => m.Start >= clause.End);
        if (first < 0)
        {
            return null;
        }

        // "今天走访了3家，分别是云启科技、…": only separators, or words that introduce a list, come between.
        var gap = text[clause.End..usable[first].Start];
        if (rules.ListIntro.FindFirst(gap) is { } intro)
        {
            gap = gap.Remove(intro.Position, intro.Word.Length);
        }

        if (gap.AsSpan().Trim().Trim("：:，, ").Length > 0)
        {
            return null;
        }

        var list = new List<OrganizationMention?> { usable[first] };
        for (var i = first + 1; i < usable.Count && IsListJoiner(usable[i - 1].End, usable[i].Start, acrossBlanks: true); i++)
        {
            list.Add(usable[i]);
        }

        return [.. list.DistinctBy(m => Identity(m!))];
    }

    /// <summary>The list of names that ends last before <paramref name="position"/>.</summary>
    private List<OrganizationMention?> ListBefore(int position)
    {
        var before = UsableMentions().Where(m => m.End <= position).ToList();
        if (before.Count == 0)
        {
            return [];
        }

        var list = new List<OrganizationMention?> { before[^1] };
        for (var i = before.Count - 2; i >= 0 && IsListJoiner(before[i].End, before[i + 1].Start, acrossBlanks: true); i--)
        {
            list.Insert(0, before[i]);
        }

        return [.. list.DistinctBy(m => Identity(m!))];
    }

    private static string Identity(OrganizationMention mention) =>
        mention.Organization?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? mention.ReportedName ?? $"@{mention.Start}";

    private bool IsListJoiner(int from, int to, bool acrossBlanks = false)
    {
        if (to < from)
        {
            return false;
        }

        var gap = text.AsSpan(from, to - from).Trim();
        return (acrossBlanks && gap.IsEmpty && to > from) || gap is "和" or "、" or "与" or "及" or "跟" or "同" or "以及" or "," or "，" or "还有";
    }

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

    private void FindVisits(Clause clause)
    {
        int? trigger = null;
        foreach (var (position, verb) in rules.Visit.FindAll(text, clause.Start, clause.End))
        {
            // "走访计划取消了", "走访任务": the verb is a noun's modifier here, not a visit made.
            if (!IsBlocked(clause, position) && rules.VisitNounFollowers.MatchAt(text, position + verb.Length) is null)
            {
                trigger = position;
                break;
            }
        }

        if (trigger is null)
        {
            // 去/到 + an organisation: "昨天去顺达快递了解情况", "到优品超市看了下".
            foreach (var (position, word) in rules.Motion.FindAll(text, clause.Start, clause.End))
            {
                var next = position + word.Length;
                if (mentions.Any(m => m.Start == next || (m.Start == next + 1 && text[next] is '了' or '的')) && !IsBlocked(clause, position))
                {
                    trigger = position;
                    break;
                }
            }
        }

        if (trigger is { } at)
        {
            var targets = TargetsFor(clause, at, wholeClause: true);
            var days = DatesFor(at);
            if (days.Count > 1 && days.Count == targets.Count && rules.Respectively.ContainsAny(text, clause.Start, clause.End))
            {
                // "上周五和今天分别去了云启科技和微光软件": the n-th day goes with the n-th organisation.
                for (var n = 0; n < days.Count; n++)
                {
                    Add(at, WithOrganization(new UnderstoodAction(ActionKind.Visit) { Date = days[n] }, targets[n]));
                }

                return;
            }

            foreach (var target in targets)
            {
                foreach (var date in days)
                {
                    Add(at, WithOrganization(new UnderstoodAction(ActionKind.Visit) { Date = date }, target));
                }
            }
        }
    }

    private void FindDiscoveries(Clause clause)
    {
        // "经排查 华鼎精密有隐形党员3名": a clause that is only the verb goes on in the next one.
        if (rules.Discovery.FindFirst(text, clause.Start, clause.End) is { } lone && text.AsSpan(lone.Position + lone.Word.Length, clause.End - lone.Position - lone.Word.Length).Trim().IsEmpty
            && clauses.FirstOrDefault(c => c.Start >= clause.End) is { IsQuestion: false } following)
        {
            if (rules.Discovery.ContainsAny(text, following.Start, following.End) || rules.Hire.ContainsAny(text, following.Start, following.End))
            {
                return; // "通过排查，亮出了2名隐形党员": the next clause says what was found, with its own verb
            }

            clause = clause with { End = following.End };
        }

        foreach (var (position, word) in rules.Discovery.FindAll(text, clause.Start, clause.End).Concat(rules.Hire.FindAll(text, clause.Start, clause.End)))
        {
            var hired = rules.Hire.MatchAt(text, position) is not null;
            var verbEnd = position + word.Length;
            var partyWord = text.IndexOf("党员", verbEnd, clause.End - verbEnd, StringComparison.Ordinal);
            if (partyWord < 0)
            {
                continue;
            }

            if (IsBlocked(clause, position))
            {
                // "没有发现2名党员", "下个月招聘一名党员": the numbers after it are no totals either.
                foreach (var phrase in memberPhrases.Where(p => p.Start >= verbEnd && p.Start < clause.End))
                {
                    phrase.Consumed = true;
                }

                continue;
            }

            // Members counted after the verb; after "其中", a breakdown by category (in this clause or the next).
            var breakdownAt = text.IndexOf("其中", verbEnd, StringComparison.Ordinal);
            var countEnd = breakdownAt >= 0 && breakdownAt < clause.End ? breakdownAt : clause.End;
            var breakdownEnd = clause.End;
            foreach (var next in clauses.Where(c => c.Start >= clause.End))
            {
                // "其中1名是口袋党员，2名是预备党员": following clauses that only break the count down by category.
                var startsBreakdown = text.AsSpan(next.Start).StartsWith("其中");
                var onlyCategories = memberPhrases.Any(p => p.Start >= next.Start && p.Start < next.End && p.Category is not null)
                    && !MentionsIn(next).Any() && !rules.Discovery.ContainsAny(text, next.Start, next.End);
                if (!startsBreakdown && !onlyCategories)
                {
                    break;
                }

                breakdownEnd = next.End;
                if (!startsBreakdown && memberPhrases.Where(p => p.Start >= verbEnd && p.Start < countEnd).All(p => p.Category is not null))
                {
                    countEnd = next.End; // "发现1名流动党员 1名口袋党员": the list goes on
                }
            }

            int? count = null;
            var exact = true;
            var categories = new MemberCategories();
            // Another organisation named after the verb starts another report ("…发现2名党员佳和餐饮没有党员").
            // "发现星辰半导体有3名流动党员": a name right after the verb is where they were found, not the next report.
            if (UsableMentions().FirstOrDefault(m => m.Start >= verbEnd && m.Start < breakdownEnd && text[verbEnd..m.Start].Trim() is not ("" or "了")) is { } another)
            {
                breakdownEnd = another.Start;
                countEnd = Math.Min(countEnd, another.Start);
            }

            foreach (var phrase in memberPhrases.Where(p => p.Start >= verbEnd && p.Start < breakdownEnd && !p.Consumed))
            {
                phrase.Consumed = true;
                var category = phrase.Category ?? (hired ? "hired" : null);
                if (phrase.Start < countEnd)
                {
                    count = (count ?? 0) + phrase.Value;
                    exact &= !phrase.Approximate;
                }

                if (category is not null && !phrase.Approximate)
                {
                    categories = categories.Plus(category, phrase.Value);
                }
            }

            if (count is { } found && categories.IsEmpty())
            {
                // "发现两名党员 都是流动党员" / "新发现1名党员 是预备党员": a category without a number covers them.
                var scanEnd = Math.Max(breakdownEnd, clauses.FirstOrDefault(c => c.Start >= clause.End)?.End ?? clause.End);
                foreach (var (at, categoryWord) in rules.Categories.FindAll(text, verbEnd, scanEnd))
                {
                    if (CategoryOf(categoryWord) is { } category && category != "hired" && !memberPhrases.Any(p => p.Start <= at && at < p.End)
                        && (rules.AllMarkers.EndsAt(text, at, Math.Max(0, at - 4)) || (found == 1 && (text.AsSpan(0, at).EndsWith("是") || text.AsSpan(0, at).EndsWith("系") || text.AsSpan(0, at).EndsWith("为")))))
                    {
                        categories = categories.Plus(category, found);
                        break;
                    }
                }

                // "发现党员3名，都是流动的": a category said without 党员, after 都是.
                if (categories.IsEmpty() && rules.CategoryShortWords.FindAll(text, verbEnd, scanEnd)
                        .FirstOrDefault(c => rules.AllMarkers.EndsAt(text, c.Position, Math.Max(0, c.Position - 4))) is { Word: not null } said
                    && (said.Position + said.Word.Length == text.Length || text[said.Position + said.Word.Length] is '的' || IsSeparator(text[said.Position + said.Word.Length])))
                {
                    categories = categories.Plus(rules.Vocabulary.CategoryShortWords[said.Word], found);
                }

                // "发现1名党员 是刚招聘进来的": said to be hired.
                if (categories.IsEmpty() && rules.Hire.FindAll(text, verbEnd, scanEnd).Any(h => text.AsSpan(Math.Max(verbEnd, h.Position - 3), h.Position - Math.Max(verbEnd, h.Position - 3)).Contains('是')))
                {
                    categories = categories.Plus("hired", found);
                }
            }

            foreach (var target in TargetsFor(clause, position, wholeClause: false))
            {
                Add(position, Record(ActionKind.MemberDiscovery, target, position) with
                {
                    Count = exact ? count : null,
                    Categories = categories.IsEmpty() ? null : categories,
                });
            }

            return;
        }
    }

    private bool instructorFound;

    /// <summary>"动员1名隐形党员亮明了身份": members named before the verb that shows them.</summary>
    private void FindShownMembers(Clause clause)
    {
        foreach (var (position, _) in rules.DiscoveryAfter.FindAll(text, clause.Start, clause.End))
        {
            var shown = memberPhrases.Where(p => p.Start >= clause.Start && p.End <= position && !p.Consumed && !p.Approximate).ToList();
            if (shown.Count == 0 || IsBlocked(clause with { Start = shown[0].Start }, position))
            {
                continue;
            }

            var categories = new MemberCategories();
            foreach (var phrase in shown)
            {
                phrase.Consumed = true;
                if (phrase.Category is { } category)
                {
                    categories = categories.Plus(category, phrase.Value);
                }
            }

            foreach (var target in TargetsFor(clause, shown[0].Start, wholeClause: false))
            {
                Add(shown[0].Start, Record(ActionKind.MemberDiscovery, target, position) with
                {
                    Count = shown.Sum(p => p.Value),
                    Categories = categories.IsEmpty() ? null : categories,
                });
            }

            return;
        }
    }

    private void FindWorkCoverage(Clause clause)
    {
        foreach (var (position, word) in rules.PartyAndMassWords.FindAll(text, clause.Start, clause.End))
        {
            if (!rules.Vocabulary.MassOrganizations.TryGetValue(word, out var measure))
            {
                continue;
            }

            var verb = rules.MassVerbs.FindAll(text, Math.Max(clause.Start, position - 8), position).LastOrDefault();
            var verbAt = verb.Word is not null ? verb.Position
                : rules.MassVerbs.FindFirst(text, position + word.Length, Math.Min(clause.End, position + word.Length + 8))?.Position;
            if (verbAt is { } at && !IsBlocked(clause, at))
            {
                foreach (var target in TargetsFor(clause, position, wholeClause: false))
                {
                    Add(at, Record(ActionKind.WorkCoverage, target, at) with { Measure = ParseMeasure(measure) });
                }
            }
        }

        foreach (var (position, _) in rules.InstructorWords.FindAll(text, clause.Start, clause.End))
        {
            var verb = rules.InstructorVerbs.FindFirst(text, clause.Start, position);
            var person = InstructorPerson();
            if ((verb is null && person is null) || IsBlocked(clause, verb?.Position ?? position))
            {
                continue;
            }

            var at = verb?.Position ?? position;
            if (instructorFound)
            {
                return;
            }

            instructorFound = true;
            foreach (var target in TargetsFor(clause, position, wholeClause: false))
            {
                Add(at, Record(ActionKind.WorkCoverage, target, at) with { Measure = WorkCoverageMeasure.Instructor, Person = person });
            }

            return;
        }
    }

    private string? InstructorPerson()
    {
        // 由赵敏同志担任 / 指导员是赵敏 / 选派赵敏同志担任指导员.
        for (var i = text.IndexOf('由'); i >= 0; i = text.IndexOf('由', i + 1))
        {
            if (text.AsSpan(i + 1).StartsWith("我"))
            {
                return sender.Name;
            }

            if (rules.Names.ReadAt(text, i + 1) is { } name && FollowedByServe(i + 1 + name.Length))
            {
                return name;
            }
        }

        foreach (var (position, word) in rules.InstructorWords.FindAll(text))
        {
            var j = position + word.Length;
            if (j + 1 < text.Length && text[j] is '，' or ',' or ' ' && text[j + 1] == '是')
            {
                j++; // "派了党建指导员，是我本人"
            }

            if (j < text.Length && text[j] is '是' or '为' or ':')
            {
                j++;
            }

            if (j > position + word.Length && text.AsSpan(j).StartsWith("我") && !text.AsSpan(j).StartsWith("我们"))
            {
                return sender.Name; // 指导员是我
            }

            if (j < text.Length && text[j] == ' ')
            {
                j++; // voice input: "党建指导员 吴刚"
            }

            if (rules.Names.ReadAt(text, j) is { } name && name.Length >= 2)
            {
                return name;
            }
        }

        for (var at = text.IndexOf("担任", StringComparison.Ordinal); at >= 0; at = text.IndexOf("担任", at + 2, StringComparison.Ordinal))
        {
            var before = text.AsSpan(0, at);
            if (before.EndsWith("同志"))
            {
                before = before[..^2];
            }

            if (before.EndsWith("我") || before.EndsWith("我来"))
            {
                return sender.Name;
            }

            if (rules.Names.ReadBefore(text, before.Length) is { } name)
            {
                return name;
            }
        }

        foreach (var (position, word) in rules.InstructorVerbs.FindAll(text))
        {
            if (rules.Names.ReadAt(text, position + word.Length) is { } name && FollowedByServe(position + word.Length + name.Length))
            {
                return name;
            }
        }

        return null;
    }

    private bool FollowedByServe(int position)
    {
        var rest = text.AsSpan(position);
        if (rest.StartsWith("同志"))
        {
            rest = rest[2..];
        }

        return rest.StartsWith("担任") || rest.StartsWith("任") || rest.StartsWith("为") || rest.StartsWith("作为") || rest.StartsWith("当");
    }

    private static WorkCoverageMeasure ParseMeasure(string key) => key switch
    {
        "trade_union" => WorkCoverageMeasure.TradeUnion,
        "youth_league" => WorkCoverageMeasure.YouthLeague,
        "women_federation" => WorkCoverageMeasure.WomenFederation,
        _ => WorkCoverageMeasure.Instructor,
    };

    private void FindPairings(Clause clause)
    {
        if (rules.Pairing.FindAll(text, clause.Start, clause.End).FirstOrDefault(v => !IsAttributive(v)) is not { Word: not null } verb
            || IsBlocked(clause, verb.Position))
        {
            return;
        }

        var secretary = text.AsSpan(clause.Start, verb.Position - clause.Start).Contains('我') ? sender.Name : PersonBefore(clause, verb.Position) ?? Secretary();
        List<OrganizationMention?> after = [.. MentionsIn(clause).Where(m => m.Start >= verb.Position + verb.Word.Length)];
        var targets = after.Count > 0 ? after : TargetsFor(clause, verb.Position, wholeClause: false);
        foreach (var target in targets)
        {
            Add(verb.Position, Record(ActionKind.Pairing, target, verb.Position) with { Secretary = secretary });
        }
    }

    /// <summary>"我一对一帮扶的佳和餐饮": a verb before 的 describes what follows; it reports nothing.</summary>
    private bool IsAttributive((int Position, string Word) verb) => text.AsSpan(verb.Position + verb.Word.Length).StartsWith("的");

    /// <summary>"李娜负责一对一帮扶": the name that does the verb, before it in its clause.</summary>
    private string? PersonBefore(Clause clause, int position)
    {
        var end = position;
        while (end > clause.Start && text[end - 1] == ' ')
        {
            end--; // voice input: "李娜 今天 一对一帮扶"
        }

        if (dates.FirstOrDefault(d => d.Start + d.Length == end && d.Start > clause.Start) is { } day)
        {
            end = day.Start;
            while (end > clause.Start && text[end - 1] == ' ')
            {
                end--;
            }
        }

        foreach (var link in (string[])["负责", "同志", "书记", "来", "将", "主动", "亲自"])
        {
            if (text.AsSpan(clause.Start, end - clause.Start).EndsWith(link))
            {
                end -= link.Length;
            }
        }

        return end - clause.Start >= 2 && !mentions.Any(m => m.Start < end && end <= m.End) ? rules.Names.ReadBefore(text, end, clause.Start) : null;
    }

    private string? Secretary()
    {
        // 由智国栋担任书记 / 由陈晨同志任党支部书记.
        for (var i = text.IndexOf('由'); i >= 0; i = text.IndexOf('由', i + 1))
        {
            if (rules.Names.ReadAt(text, i + 1) is { } name && FollowedByServe(i + 1 + name.Length)
                && text.IndexOf("书记", i, StringComparison.Ordinal) is var secretaryAt && secretaryAt > 0 && secretaryAt - i < name.Length + 12)
            {
                return name;
            }

            // 书记由物业经理徐峰担任: a title between 由 and the name.
            var serve = text.IndexOf("担任", i, Math.Min(12, text.Length - i), StringComparison.Ordinal);
            var said = text.LastIndexOf("书记", i, StringComparison.Ordinal);
            if (serve > i + 2 && said >= 0 && i - said <= 2
                && (text.AsSpan(i, serve - i).EndsWith("同志") ? serve - 2 : serve) is var nameEnd
                && rules.Names.ReadBefore(text, nameEnd, i + 1) is { } titled)
            {
                // "主任律师郑正": the title's last character is no surname.
                return titled.Length == 3 && rules.Titles.EndsAt(text, nameEnd - 2, i + 1) ? titled[1..] : titled;
            }
        }

        for (var at = text.IndexOf("书记", StringComparison.Ordinal); at >= 0; at = text.IndexOf("书记", at + 2, StringComparison.Ordinal))
        {
            var j = at + 2;
            if (j < text.Length && text[j] is '是' or '为' or ':' or '由')
            {
                j++;
            }

            if (text.AsSpan(j).StartsWith("我") && !text.AsSpan(j).StartsWith("我们"))
            {
                return sender.Name;
            }

            if (rules.Names.ReadAt(text, j) is { Length: >= 2 } name)
            {
                return name;
            }

            var nameEnd = at;
            foreach (var link in (string[])["担任", "当选", "任", "为", "是"])
            {
                if (text.AsSpan(0, nameEnd).EndsWith(link))
                {
                    nameEnd -= link.Length;
                    break;
                }
            }

            if (rules.Names.ReadBefore(text, nameEnd) is { } before)
            {
                return before;
            }

            // A surname the list lacks ("书记墨书"): two or three characters that end the clause.
            var end = j;
            while (end < text.Length && end - j < 3 && TextNormalizer.IsHan(text[end]) && rules.Names.StopwordAt(text, end) is null)
            {
                end++;
            }

            if (end - j >= 2 && (end == text.Length || !TextNormalizer.IsHan(text[end]) || rules.Names.StopwordAt(text, end) is not null))
            {
                return text[j..end];
            }
        }

        return null;
    }

    private void FindFormation()
    {
        foreach (var clause in clauses.Where(c => !c.IsQuestion))
        {
            for (var position = clause.Start; position < clause.End; position++)
            {
                if (rules.Formation.MatchAt(text, position, clause.End) is not { } verb)
                {
                    continue;
                }

                // "恒信建筑党支部升级为党总支": 建 inside a name is no verb.
                if (InLeaderSpan(position) || mentions.Any(m => m.Start <= position && position < m.End)
                    || PartyWordNear(clause, position, verb.Length) is not { } party || IsBlocked(clause, position)
                    || rules.Pairing.FindAll(text, 0, position).Any(v => !IsAttributive(v)))
                {
                    continue;
                }

                AddFormation(clause, position, party);
                return;
            }
        }
    }

    /// <summary>The party organisation word a formation verb governs: "成立了联合党支部", "党支部今天成立".</summary>
    private string? PartyWordNear(Clause clause, int verbAt, int verbLength)
    {
        var after = rules.PartyAndMassWords.FindAll(text, verbAt + verbLength, Math.Min(clause.End, verbAt + verbLength + 10))
            .FirstOrDefault(w => rules.Vocabulary.PartyOrganizationWords.ContainsKey(w.Word) || rules.Vocabulary.MassOrganizations.ContainsKey(w.Word));
        if (after.Word is not null)
        {
            return rules.Vocabulary.PartyOrganizationWords.ContainsKey(after.Word) ? after.Word : null;
        }

        var before = rules.PartyAndMassWords.FindAll(text, Math.Max(clause.Start, verbAt - 8), verbAt).LastOrDefault();
        return before.Word is not null && rules.Vocabulary.PartyOrganizationWords.ContainsKey(before.Word) ? before.Word : null;
    }

    private void AddFormation(Clause clause, int position, string partyWord)
    {
        var units = MentionsIn(clause);
        if (units.Count > 0 && units[0].Start - clause.Start <= 1 && ListBefore(units[0].End) is { Count: > 1 } spoken
            && spoken[^1] is { } lastSpoken && Identity(lastSpoken) == Identity(units[0]))
        {
            // "顺达快递 智联物流 华鼎物流三家…联建": a list spoken across blanks before the clause.
            units = [.. spoken.Where(m => m is not null).Select(m => m!).Concat(units.Skip(1)).DistinctBy(Identity)];
        }

        // "物流协会今天同业共建成立联合党支部 和智联物流一起": units added in the clauses right after, opened by 和/与/跟.
        foreach (var next in clauses.Where(c => c.Start >= clause.End && units.Count > 0))
        {
            var opening = text.AsSpan(next.Start, next.End - next.Start);
            if (!(opening.StartsWith("和") || opening.StartsWith("与") || opening.StartsWith("跟") || opening.StartsWith("同")) || MentionsIn(next) is not { Count: > 0 } more
                || more[0].Start - next.Start > 1)
            {
                break;
            }

            units = [.. units.Concat(more).DistinctBy(Identity)];
        }

        if (units.Count == 0 && rules.Joint.ContainsAny(text, clause.Start, clause.End))
        {
            // "顺达快递2名党员 佳和餐饮2名党员 今天联合成立党支部": the units were named before.
            units = [.. UsableMentions().Where(m => m.Start < clause.Start && !m.IsGeneric).DistinctBy(Identity)];
        }

        if (units.Count == 0 && TargetsFor(clause, position, wholeClause: true)[0] is { } topic)
        {
            units.Add(topic);
        }

        // "联合党支部今天调整为单独组建的党支部": after a change verb, the words before it are the old form.
        var from = rules.ChangeVerbs.MatchAt(text, position) is not null ? position : 0;
        var mode = rules.JointModes.FindFirst(text, from) is { } m ? rules.Vocabulary.JointModes[m.Word] : null;
        var method = rules.Functional.ContainsAny(text, from) ? FormationMethod.Functional
            : rules.Joint.FindAll(text, from).Any(j => !InLeaderSpan(j.Position)) || units.Count > 1 || mode is not null ? FormationMethod.Joint
            : FormationMethod.Single;
        var level = rules.Vocabulary.PartyOrganizationWords[partyWord] switch
        {
            "branch" => PartyOrganizationLevel.Branch,
            "general_branch" => PartyOrganizationLevel.GeneralBranch,
            "committee" => PartyOrganizationLevel.Committee,
            _ => (PartyOrganizationLevel?)null,
        };

        var members = memberPhrases.FirstOrDefault(p => !p.Consumed && !p.Approximate && !IsInQuestion(p.Start));
        if (members is not null)
        {
            members.Consumed = true;
        }

        var first = units.FirstOrDefault();
        var action = Record(ActionKind.Formation, first, position) with
        {
            Method = method,
            JointMode = method == FormationMethod.Joint && mode is not null ? Enum.Parse<JointMode>(mode, ignoreCase: true) : null,
            Level = level,
            Members = members?.Value,
            Secretary = Secretary(),
            Units = method == FormationMethod.Joint && units.Count > 0 ? [.. units.Select(u => u.ReportedName ?? u.Written)] : null,
            UnitIds = method == FormationMethod.Joint && units.Count > 0 ? [.. units.Select(u => u.Organization?.Id)] : null,
        };
        Add(position, action);
    }

    /// <summary>"如果顺达快递再发现一名党员，就能单独建支部了": a supposition stated (no question, closed by 了) asks nothing.</summary>
    private bool IsStatedSupposition() =>
        !clauses.Any(c => c.IsQuestion) && clauses.Any(HasCondition) && text.TrimEnd().TrimEnd("。！!～~…").EndsWith('了');

    private bool IsInQuestion(int position) => clauses.FirstOrDefault(c => c.Start <= position && position < c.End)?.IsQuestion ?? false;

    private UnderstoodAction? FindAdvice()
    {
        if (!AsksAdviceInText && !(rules.AdviceWithFigures.ContainsAny(text) && (memberPhrases.Count > 0 || employeePhrases.Count > 0)))
        {
            return null;
        }

        if (IsStatedSupposition())
        {
            return null;
        }

        var named = UsableMentions().FirstOrDefault(m => !m.IsGeneric);
        if (named is null && (rules.ClassDescription.ContainsAny(text) || !rules.Singular.ContainsAny(text) && !UsableMentions().Any()))
        {
            return null;
        }

        var members = memberPhrases.FirstOrDefault(p => !p.Consumed && !p.Approximate);
        var employees = employeePhrases.FirstOrDefault(p => !p.Approximate);
        OrganizationType? type = null;
        foreach (var (position, word) in rules.OrgTypeWords.FindAll(text))
        {
            if (!mentions.Any(m => !m.IsGeneric && m.Start <= position && position < m.End))
            {
                type = rules.Vocabulary.OrgTypeWords[word] == "social_org" ? OrganizationType.SocialOrganization : OrganizationType.Enterprise;
                break;
            }
        }

        return WithOrganization(new UnderstoodAction(ActionKind.FormationAdvice)
        {
            PartyMembers = members?.Value,
            Employees = employees?.Value,
            OrgType = type,
        }, named ?? UsableMentions().FirstOrDefault());
    }

    /// <summary>Totals and status: one org_update per organisation, where its first fact is said.</summary>
    private void FindFacts()
    {
        var updates = new Dictionary<string, (int Position, UnderstoodAction Action)>(StringComparer.Ordinal);
        void Fact(int position, Func<UnderstoodAction, UnderstoodAction> apply, bool all = false)
        {
            var clause = ClauseAt(position);
            if (clause.IsQuestion)
            {
                return;
            }

            foreach (var target in FactTargets(clause, position, all))
            {
                var key = target is null ? "" : Identity(target);
                if (!updates.TryGetValue(key, out var update))
                {
                    update = (position, Record(ActionKind.OrgUpdate, target, position));
                }

                updates[key] = (update.Position, apply(update.Action));
            }
        }

        foreach (var (position, word) in rules.Respectively.FindAll(text))
        {
            // "云启科技和青禾文化的员工分别是180人和45人": the n-th figure is the n-th organisation's.
            var noun = text.AsSpan(0, position).TrimEnd('的');
            var members = noun.EndsWith("党员");
            if (!members && !rules.EmployeeWords.EndsAt(text, noun.Length, Math.Max(0, noun.Length - 6)) || ClauseAt(position).IsQuestion)
            {
                continue;
            }

            var figures = new List<int>();
            var at = position + word.Length;
            at += text.AsSpan(at).StartsWith("是") || text.AsSpan(at).StartsWith("为") || text.AsSpan(at).StartsWith("有") ? 1 : 0;
            while (ReadNumberAfter(at) is { Approximate: false } figure && figure.End - at <= 8)
            {
                figures.Add(figure.Value);
                at = figure.End;
                if (at < text.Length && text[at] is '和' or '、' or ',' or '，' or '与')
                {
                    at++;
                }
            }

            var listed = ListBefore(position);
            if (figures.Count < 2 || figures.Count != listed.Count)
            {
                continue;
            }

            for (var n = 0; n < figures.Count; n++)
            {
                var value = figures[n];
                var key = Identity(listed[n]!);
                var update = updates.TryGetValue(key, out var known) ? known : (Position: position, Action: Record(ActionKind.OrgUpdate, listed[n], position));
                updates[key] = (update.Position, members ? update.Action with { PartyMembers = value } : update.Action with { Employees = value });
            }
        }

        foreach (var phrase in employeePhrases.Where(p => !p.Approximate && !IsPlanned(p.Start)))
        {
            Fact(phrase.Start, a => a with { Employees = a.Employees ?? phrase.Value });
        }

        foreach (var phrase in memberPhrases.Where(p => !p.Consumed && !p.Approximate && p.Category is null && !IsPlanned(p.Start)))
        {
            Fact(phrase.Start, a => a with { PartyMembers = a.PartyMembers ?? phrase.Value });
        }

        foreach (var (position, word) in rules.Statuses.FindAll(text))
        {
            var clause = ClauseAt(position);
            if (!IsNegatedOnly(clause, position) && !IsHypothetical(position))
            {
                var status = Enum.Parse<OperatingStatus>(rules.Vocabulary.Statuses[word], ignoreCase: true);
                Fact(position, a => a with { Status = a.Status ?? status }, all: true);
            }
        }

        foreach (var (position, action) in updates.Values)
        {
            Add(position, action);
        }
    }

    /// <summary>A fact concerns the organisation named last before it; all of those listed when it says 都/均/各 or <paramref name="all"/>.</summary>
    private List<OrganizationMention?> FactTargets(Clause clause, int position, bool all)
    {
        if (MentionsIn(clause).Count == 0 && rules.AllTogether.ContainsAny(text, clause.Start, position + 1))
        {
            // "走访了手造咖啡和青禾文化，两家都没有党员": the fact holds for every one listed.
            if (ListBefore(clause.Start) is { Count: > 1 } listed)
            {
                return listed;
            }
        }

        var targets = TargetsFor(clause, position, wholeClause: false);
        if (targets.Count <= 1)
        {
            return targets;
        }

        var last = targets[^1];
        var between = last is null ? "" : text[last.End..position];
        return all || between.Contains('都') || between.Contains('均') || between.Contains('各') ? targets : [last];
    }

    private bool IsPlanned(int position) => rules.Plan.ContainsAny(text, ClauseAt(position).Start, position) || IsHypothetical(position);

    private bool IsNegatedOnly(Clause clause, int position) =>
        rules.Negation.FindAll(text, Math.Max(clause.Start, position - 3), position).Count > 0;

    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}])[\p{IsCJKUnifiedIdeographs}]{2}(?:街道|社区)|(?<![\p{IsCJKUnifiedIdeographs}])[\p{IsCJKUnifiedIdeographs}]{2}区")]
    private static partial Regex ScopePattern();

    private sealed record Clause(int Start, int End, bool IsQuestion);

    private sealed record Draft(int Position, int Sequence, UnderstoodAction Action);

    /// <summary>"2名党员", "党员6名", "职工180人": a number, what it counts, and whether it is only approximate.</summary>
    private sealed record NumberPhrase(int Start, int End, int Value, bool Approximate, string? Category)
    {
        public bool Consumed { get; set; }
    }
}
