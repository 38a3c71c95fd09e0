using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: a message that reports and asks is cut into parts where it turns; each part is read once, on its own, sharing the
// whole message's organisations and days (no part is cut again).
internal sealed partial class MessageParser
{
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

        SetFiguresBeforeAdviceApart(units, parts);

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
            // "那家公司我去过了 就是上礼拜五 老板说可以考虑建支部": a unit that says only a day dates the report before it.
            var premise = next >= 0 && parts[next] == Part.Request && !(previous >= 0 && OnlyADay(units[i])) && AsksAdviceAfter(units, i, next);
            // "…另外微光软件的台账 | 帮我调出来看看": a unit that opens with a turn goes with what follows it.
            var opensTurn = rules.TopicShift.MatchAt(text, units[i].Start, units[i].End) is not null && next >= 0;
            var afterUndo = previous >= 0 && next >= 0 && parts[next] == Part.Report && UndoesOnly(units[previous]); // MessageParser.UndoneThenSaid.cs
            parts[i] = premise || opensTurn || afterUndo || previous < 0 ? (next >= 0 ? parts[next] : Part.Neutral) : parts[previous];
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
            OrganizationMention? topic = null;
            if (part == Part.Request && reported is not null && !UsableMentions().Any(m => m.Start >= start && m.Start < end)
                && (rules.Pronouns.FindFirst(words) is not null || (rules.AsksAdvice(words) && !DescribesClass(words))))
            {
                // "…另外想问下他们这种情况适合怎么组建", "…职工140人 党员1名 这种情况该怎么建": a request for advice that names
                // no organisation, after a report on one, is about that one (他们/这家 stand for it): the slot is inherited.
                topic = reported;
                var name = reported.Organization?.Name ?? reported.Written;
                words = rules.Pronouns.FindFirst(words) is { } pronoun
                    ? string.Concat(words.AsSpan(0, pronoun.Position), name, words.AsSpan(pronoun.Position + pronoun.Word.Length))
                    : name + "，" + words; // the question for the documents names it (not read again)
            }

            var read = ReaderOf(start, end, topic).Parse();
            if (part == Part.Request && SameLookupAgain(start, end, read.Actions, actions))
            {
                continue; // MessageParser.Lookups.cs: "启航学校现在老师多少人来着？查一下"
            }

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

                if (!action.IsRecord && action.Kind is not (ActionKind.PolicyQuestion or ActionKind.FormationAdvice) && actions.Contains(action))
                {
                    continue; // "怎么用你？都有哪些功能？": the same request asked twice in other words is one request
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

    /// <summary>
    /// "两名党员的企业怎么组建": the words describe a class of organisations. "这种情况" is this one's situation, and so is
    /// 这种/这类 right after a pronoun that stands for it ("他们这种适合怎么建").
    /// </summary>
    private bool DescribesClass(string words) =>
        rules.ClassDescription.FindAll(words).Any(c => !(c.Word is "这种" or "这类"
            && (words.AsSpan(c.Position + c.Word.Length).StartsWith("情况") || rules.Pronouns.EndsAt(words, c.Position)
                || AsksRightAfter(words, c.Position + c.Word.Length))));

    /// <summary>
    /// "这种咋弄", "这种的该怎么建", "这种是不是必须单独建": 这种 with no noun after it, the question following at once (a 的
    /// between), stands for the case just told, not for a class ("这种企业").
    /// </summary>
    private bool AsksRightAfter(string words, int after)
    {
        var rest = words[after..].TrimStart('的', ' ');
        return rest.Length == 0 || (AskingOpeners.Contains(rest[0]) && (rules.AsksAdvice(rest) || AsksAdviceWithFigures(rest)));
    }

    /// <summary>The first characters of a question or a modal that can follow 这种 at once: 咋/怎么, 该, 能, 可以, 是不是, 要, 适合, 如何, 应该, 还, 得.</summary>
    private const string AskingOpeners = "咋怎该能可是要适如应还得";

    /// <summary>
    /// The units after <paramref name="figures"/> up to the request at <paramref name="request"/> ask for advice about the
    /// organisation (not a class), with no turn (顺便/另外/。) between: the figures are the question's facts
    /// ("…党员四十五名了 想成立党总支 可以吗": the request's words may start in a neutral unit before it).
    /// </summary>
    private bool AsksAdviceAfter(List<Unit> units, int figures, int request)
    {
        if (units[request].Shift || units.Skip(figures + 1).Take(request - figures).Any(u => u.Shift))
        {
            return false;
        }

        var asked = text[units[Math.Min(figures + 1, request)].Start..units[request].End];
        return (rules.AsksAdvice(asked) || AsksAdviceWithFigures(asked)) && !DescribesClass(asked);
    }

    /// <summary>
    /// "这种咋弄", "这种情况怎么办": a bare how-to-handle (advice_with_figures_phrases, spoken 咋 read as 怎么 as well) asks for
    /// advice when the unit's figures are told before it (round 19).
    /// </summary>
    private bool AsksAdviceWithFigures(string words) =>
        rules.AdviceWithFigures.ContainsAny(words) || (rules.Asking.WrittenQuestionWords(words) is { } written && rules.AdviceWithFigures.ContainsAny(written));

    /// <summary>
    /// "今天去了微光软件 党员六个 职工一百五 这种情况能单独建支部吗": a report whose unit goes on, after a pause, with figures
    /// only, followed by a request for advice with no turn: the figures are the advice's facts, not an update. The report's
    /// unit is cut where its stretch of figures starts (a stretch with no record verb of its own), and that stretch is a
    /// neutral unit, which then goes with the request.
    /// </summary>
    private void SetFiguresBeforeAdviceApart(List<Unit> units, List<Part> parts)
    {
        for (var i = parts.Count - 2; i >= 0; i--)
        {
            var next = parts.FindIndex(i + 1, p => p != Part.Neutral);
            if (parts[i] != Part.Report || next < 0 || parts[next] != Part.Request || !AsksAdviceAfter(units, i, next))
            {
                continue;
            }

            var unit = units[i];
            var first = Understanding.Tokens.NounFigures.Pair(text, MessageTokens).Where(p => p.Start > unit.Start && p.Start < unit.End).Select(p => p.Start).DefaultIfEmpty(-1).Min();
            if (first < 0)
            {
                continue;
            }

            var stretch = first;
            while (stretch > unit.Start && !IsSeparator(text[stretch - 1]))
            {
                stretch--;
            }

            if (stretch <= unit.Start || !HasRecordVerb(unit.Start, stretch) || HasRecordVerb(stretch, unit.End))
            {
                continue;
            }

            units[i] = unit with { End = stretch - 1 };
            units.Insert(i + 1, new Unit(stretch, unit.End, false, unit.EndsWithQuestionMark));
            parts.Insert(i + 1, Part.Neutral);
        }
    }

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
            if (groups[0].FindFirst(text, from, end) is { } metric && rules.MatchesInOrder(text[metric.Position..end], groups))
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
    private bool AsksAdviceInText => asksAdvice ??= rules.AsksAdvice(WithNamesBlanked());

    /// <summary>
    /// The text with each named unit blanked out: a modal inside a name ("深圳市横岗新能源电池有限公司今天成立了党支部": 能) asks
    /// nothing. The text itself when no name is read (no copy).
    /// </summary>
    private string WithNamesBlanked()
    {
        char[]? blanked = null;
        foreach (var m in mentions)
        {
            if (!m.IsGeneric)
            {
                blanked ??= text.ToCharArray();
                Array.Fill(blanked, '＿', m.Start, Math.Min(m.Length, text.Length - m.Start));
            }
        }

        return blanked is null ? text : new string(blanked);
    }

    /// <summary>True when <paramref name="words"/> hold a request that is no question: help, undo, export, a lookup, advice, progress.</summary>
    private bool AsksSomethingBesidesQuestions(string words)
    {
        var bare = new string([.. words.Where(c => TextNormalizer.IsHan(c) || char.IsAsciiLetterOrDigit(c))]);
        return rules.Help.ContainsAny(words) || rules.HelpWords.Contains(bare) || rules.Undo.ContainsAny(words) || rules.UndoWords.Contains(bare)
            || rules.AsksExport(words) || rules.Lookup.ContainsAny(words) || rules.AsksAdvice(words) || rules.PolicyDefinition.ContainsAny(words)
            || rules.ProgressPatterns.Any(p => rules.MatchesInOrder(words, p.Groups));
    }

    private Part Classify(Unit unit)
    {
        var (start, end) = (unit.Start, unit.End);
        if (rules.SmallTalkOf(text, start, end) is not null || rules.TopicShift.MatchAt(text, start, end) is { } only && only.Length == end - start)
        {
            return Part.Neutral;
        }

        // "…哪些单位还没建？列个名单我看看": a unit that only asks to be shown adds no request; it goes with the one before it.
        if (IsShowFollowup(start, end))
        {
            return Part.Neutral;
        }

        // "顺便问一下帮扶期限是多久": a unit that opens with 问一下/请问 (after 顺便/另外) asks, whatever verb it holds.
        var opening = rules.TopicShift.MatchAt(text, start, end) is { } turn ? start + turn.Length : start;
        if (unit.EndsWithQuestionMark || IsQuestion(start, end) || rules.RequestMarkers.MatchAt(text, opening, end) is not null || LeadsIntoQuestion(start, end))
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

    private bool IsShowFollowup(int start, int end)
    {
        var shown = false;
        for (var at = start; at < end;)
        {
            if (!TextNormalizer.IsHan(text[at]))
            {
                at++;
            }
            else if (rules.ShowFollowups.MatchAt(text, at, end) is { } word)
            {
                at += word.Length;
                shown |= word.Length > 1;
            }
            else
            {
                return false;
            }
        }

        return shown;
    }

    /// <summary>True when [start, end) holds a verb that could make a record (走访、发现…党员、成立…党支部、成立工会、指导员…).</summary>
    private bool HasRecordVerb(int start, int end)
    {
        var unit = new Clause(start, end, false);
        bool Made((int Position, string Word) verb) => !IsBlocked(unit, verb.Position);
        return rules.Visit.FindAll(text, start, end).Any(v => Made(v) && rules.VisitNounFollowers.MatchAt(text, v.Position + v.Word.Length) is null)
            || rules.Motion.FindAll(text, start, end).Any(v => Made(v) && mentions.Any(m => m.Start == v.Position + v.Word.Length || m.Start == v.Position + v.Word.Length + 1
                || (m.Start == v.Position + v.Word.Length + 2 && text.AsSpan(v.Position + v.Word.Length).StartsWith("的是")))) // "去的是佳和餐饮"
            || (rules.Discovery.FindAll(text, start, end).Concat(rules.Hire.FindAll(text, start, end)).Any(Made) && text.AsSpan(start, end - start).Contains("党员", StringComparison.Ordinal))
            || (rules.Formation.FindAll(text, start, end).Any(Made) && rules.PartyAndMassWords.ContainsAny(text, start, end))
            || rules.InstructorWords.ContainsAny(text, start, end)
            || rules.Pairing.FindAll(text, start, end).Any(v => Made(v) && !IsAttributive(v))
            || rules.Statuses.ContainsAny(text, start, end);
    }
}
