using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage (round 13, r13-umulti): several requests in one message, and an undo said with the record that replaces it.
// Both run after the whole message is read (Parse), on messages that read as requests only or as an undo only.
internal sealed partial class MessageParser
{
    // ---------------------------------------------------------------- coordinated requests

    /// <summary>
    /// "坂田街道覆盖率多少？顺便把应建未建名单拉出来", "全区台账导出来，坂田的再单独导一个", "按行业看一下应建未建的情况 再导一份
    /// excel": requests coordinated in one message. The message is cut into conjuncts where the words before a boundary (a
    /// pause, or a joiner 和/跟/还有/另外/再/顺便/以及) ask for something on their own and the words after it do too (or repeat the
    /// request before them for another scope or person: ellipsis); each conjunct is read once, as a part, and gives its own
    /// action. What a conjunct leaves unsaid is shared by the coordination, not by punctuation: a conjunct that names no
    /// scope has the scope of the one before it (布吉街道的覆盖率和应建未建名单); one that names its own keeps it. Null when the
    /// message is one request (the whole reading stands), or when the conjuncts do not cover what the whole reading found.
    /// </summary>
    private UnderstandingResult? RequestConjuncts(UnderstandingResult whole)
    {
        // A chart or a change within the window compares one figure with itself ("覆盖率跟上个月比提高了多少"): one request.
        if (whole.Actions.Count == 0 || !whole.Actions.All(a => IsConjunctRequest(a.Kind) && a.Chart is null && !a.Change)
            || UnitsCardAsked()) // MessageParser.CardQuestions.cs: the card's fields listed are no requests of their own
        {
            return null;
        }

        var groups = new List<(int Start, int End, List<UnderstoodAction> Actions)>();
        var start = 0;
        foreach (var boundary in ConjunctBoundaries())
        {
            if (boundary <= start || !Overt(boundary) || RequestsIn(start, boundary) is not { } asked || OpensWithRestatement(boundary)
                || (RequestsIn(boundary, text.Length) is null && Ellipsis(boundary, text.Length) is null))
            {
                continue;
            }

            groups.Add((start, boundary, asked));
            start = boundary;
        }

        if (groups.Count == 0)
        {
            return null;
        }

        if (RequestsIn(start, text.Length) is { } last)
        {
            groups.Add((start, text.Length, last));
        }
        else if (Ellipsis(start, text.Length) is { } modifier)
        {
            groups.Add((start, text.Length, [.. groups[^1].Actions.Select(a => Repeated(a, modifier))]));
        }
        else
        {
            return null;
        }

        var actions = new List<UnderstoodAction>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var action in groups[g].Actions)
            {
                var shared = g > 0 && action.Scope is null && action.Kind is ActionKind.ProgressQuery or ActionKind.Export && !ScopeSaid(groups[g].Start, groups[g].End)
                    ? action with { Scope = groups[g - 1].Actions.FirstOrDefault(a => a.Kind is ActionKind.ProgressQuery or ActionKind.Export)?.Scope }
                    : action;
                if (!actions.Any(a => SameRequest(a, shared)))
                {
                    actions.Add(shared);
                }
            }
        }

        // The conjuncts must keep every request the whole reading found, and add one.
        if (actions.Count <= whole.Actions.Count || !whole.Actions.All(w => actions.Any(a => a.Kind == w.Kind && a.Metric == w.Metric)))
        {
            return null;
        }

        return Finish(actions);
    }

    // Round 16: help is a request among others ("这个助手除了记录还能干啥？另外11月份全区建了几个联合支部？").
    private static bool IsConjunctRequest(ActionKind kind) => kind is ActionKind.ProgressQuery or ActionKind.Export or ActionKind.OrgLookup or ActionKind.Help;

    private static bool SameRequest(UnderstoodAction a, UnderstoodAction b) =>
        a.Kind == b.Kind && a.Metric == b.Metric && a.Scope == b.Scope && a.Organization == b.Organization && a.Person == b.Person
        && a.From == b.From && a.To == b.To && a.By == b.By;

    /// <summary>Where a conjunct may start: after a run of pauses, and at a joiner (not inside a unit's name).</summary>
    private List<int> ConjunctBoundaries()
    {
        var found = new SortedSet<int>();
        for (var i = 1; i < text.Length; i++)
        {
            if (IsSeparator(text[i - 1]) || text[i - 1] is '、' or ':' or '：')
            {
                if (!IsSeparator(text[i]) && text[i] is not ('、' or ':' or '：'))
                {
                    found.Add(i);
                }
            }
            else if (!InsideMention(i) && Asking.ConjunctJoiners.MatchAt(text, i) is { } joiner && !ComparisonAfter(i + joiner.Length))
            {
                found.Add(i);
            }
        }

        return [.. found];
    }

    /// <summary>跟/和 + what is compared + 比 before the next pause: a comparison, not a coordination.</summary>
    private bool ComparisonAfter(int at)
    {
        var end = at;
        while (end < text.Length && end - at < 8 && !IsSeparator(text[end]))
        {
            end++;
        }

        return Asking.ConjunctComparisons.ContainsAny(text, at, end);
    }

    /// <summary>The requests [start, end) asks for read on its own, or null when it asks for none or reports something.</summary>
    private List<UnderstoodAction>? RequestsIn(int start, int end)
    {
        if (end - start < 2 || !text.AsSpan(start, end - start).ContainsAnyExcept(" ，,。；;！!？?、：:"))
        {
            return null;
        }

        var read = ReaderOf(start, end, topic: null).Parse().Actions;
        return read.Count > 0 && read.All(a => IsConjunctRequest(a.Kind)) ? [.. read] : null;
    }

    /// <summary>
    /// The coordination is said, not only paused: a joiner at the boundary (和/然后/另外), a sentence ended before it (？/。/！/；),
    /// a list mark (、), or an adverb that adds or spreads a request (也/再/还/单独/分别/各) in what follows. Two questions said
    /// with only a pause between ("坂田街道覆盖率到多少了 建了组织的占多少") are one request said again.
    /// </summary>
    private bool Overt(int boundary)
    {
        var before = boundary;
        while (before > 0 && text[before - 1] == ' ')
        {
            before--;
        }

        return Asking.ConjunctJoiners.MatchAt(text, boundary) is not null || (before > 0 && text[before - 1] is '？' or '?' or '。' or '！' or '!' or '；' or ';' or '、')
            || Asking.ConjunctAdditives.ContainsAny(text, boundary) || AskedAgainWithNe(boundary, text.Length);
    }

    /// <summary>"…就是建了组织的占多少": words that open with a restatement say the request before them again.</summary>
    private bool OpensWithRestatement(int at)
    {
        while (at < text.Length && (IsSeparator(text[at]) || Asking.ConjunctJoiners.MatchAt(text, at) is { Length: 1 }))
        {
            at++;
        }

        return Asking.ConjunctRestatements.MatchAt(text, at) is not null;
    }

    /// <summary>A scope said in [start, end): a street, community or district, or the sender's own (全区, 我们社区).</summary>
    private bool ScopeSaid(int start, int end) =>
        rules.OwnScope.ContainsAny(text, start, end) || ReaderOf(start, end, topic: null).FindScope() is not null;

    /// <summary>What a conjunct that repeats the request before it changes: a scope (or the sender's own), or the sender as person.</summary>
    private sealed record Modifier(bool IsScope, string? Scope, string? Person);

    /// <summary>
    /// "坂田的再单独导一个", "民治街道的也单独导一份", "我自己跑的单独列一下": words that ask nothing on their own, with a marker of
    /// repetition (单独/也/再/分别), a verb of showing (列/导/拉/发) and a scope or the sender: the request before them again, for that.
    /// </summary>
    private Modifier? Ellipsis(int start, int end)
    {
        if (RequestsIn(start, end) is not null
            || (!(Asking.ConjunctEllipsisMarkers.ContainsAny(text, start, end) && Asking.ConjunctShowVerbs.ContainsAny(text, start, end)) && !AskedAgainWithNe(start, end)))
        {
            return null;
        }

        if (ReaderOf(start, end, topic: null).FindScope() is { } scope)
        {
            return new Modifier(true, scope, null);
        }

        if (rules.OwnScope.ContainsAny(text, start, end))
        {
            return new Modifier(true, null, null);
        }

        // The sender as the agent of the activity counted ("我自己跑的"), not of the asking ("我要单独看").
        return sender.Name.Length > 0 && Asking.ConjunctSelfWords.FindAll(text, start, end)
            .Any(w => Asking.SelfActivityVerbs.FindFirst(text, w.Position + w.Word.Length, Math.Min(end, w.Position + w.Word.Length + 3)) is not null)
            ? new Modifier(false, null, sender.Name) : null;
    }

    /// <summary>
    /// "横岗街道呢？", "坂田的呢": a fragment closed by the particle 呢 asks the question before it again for what it names
    /// (ellipsis of the predicate); its scope is read by <see cref="Ellipsis"/>. At most nine characters before 呢.
    /// </summary>
    private bool AskedAgainWithNe(int start, int end)
    {
        var last = end - 1;
        while (last > start && IsSeparator(text[last]))
        {
            last--;
        }

        return last > start && text[last] == '呢' && last - start <= 9;
    }

    private static UnderstoodAction Repeated(UnderstoodAction action, Modifier modifier) =>
        modifier.IsScope ? action with { Scope = modifier.Scope }
        : action.Kind == ActionKind.ProgressQuery ? action with { Person = modifier.Person } : action;

    // ---------------------------------------------------------------- an undo and the record said anew

    /// <summary>
    /// "撤销刚才那条 瑞康的人数报错了 不是215 是251", "刚才那条发错了，撤回，汇通汽车的人数不是550是55", "上一条作废 瑞康医疗的党员
    /// 应该是9个": an undo, then the record as it should be. The words after the clause of the last word that takes a record
    /// back are read once, as a part; the records they give follow the undo. Null when they give none.
    /// </summary>
    private UnderstandingResult? UndoAndRecord(UnderstandingResult whole)
    {
        if (whole.Actions.Count != 1 || whole.Actions[0].Kind != ActionKind.Undo)
        {
            return null;
        }

        // The last word that only takes back (撤回/撤销/作废), else the last undo word: what follows it is the record anew.
        var undone = rules.Undo.FindAll(text);
        var retractions = undone.Where(u => Asking.RetractionErrorWords.MatchAt(text, u.Position) is null).ToList();
        var taken = (retractions.Count > 0 ? retractions : undone).Select(u => u.Position + u.Word.Length).DefaultIfEmpty(-1).Max();
        if (RetractedRecord() is { } record && rules.Agents.Retractions.FindFirst(text, record.End, Math.Min(text.Length, record.End + 16)) is { } verb)
        {
            taken = Math.Max(taken, verb.Position + verb.Word.Length); // "不对 上条删了 安捷是6个党员": the record anew after 删了
        }
        if (taken < 0)
        {
            return null;
        }

        var cut = taken;
        while (cut < text.Length && !IsSeparator(text[cut]))
        {
            cut++;
        }

        while (cut < text.Length && IsSeparator(text[cut]))
        {
            cut++;
        }

        if (text.Length - cut < 4)
        {
            return null;
        }

        var records = ReaderOf(cut, text.Length, topic: null).Parse().Actions.Where(a => a.IsRecord).ToList();
        return records.Count == 0 ? null : Finish([whole.Actions[0], .. records]);
    }

    /// <summary>
    /// A word of error that is part of a figure's correction, not an undo: 报错了/记错了 in a message that says a figure as it
    /// should be (是/应该是 + a figure, or a count noun and its figure) and points at no earlier record (那条, 上一条, 记录):
    /// "恒信建筑党员数应该是五个 不是四个 之前报错了", "仁爱医院职工不是160是172，前天报错了".
    /// </summary>
    private bool IsCorrectionErrorWord(int position, string word) =>
        Asking.RetractionErrorWords.MatchAt(text, position) is { } error && error.Length >= word.Length && !rules.Agents.RecordNouns.ContainsAny(text)
        && (FigureAsserted() || Understanding.Tokens.NounFigures.Pair(text, MessageTokens).Any());

    private bool? figureAsserted;

    /// <summary>A figure said as it should be: a correction lead (是, 应该是, 应为) right before a numeral.</summary>
    private bool FigureAsserted() => figureAsserted ??= Enumerable.Range(1, Math.Max(0, text.Length - 1)).Any(i =>
        rules.CorrectionLeads.EndsAt(text, i, Math.Max(0, i - 5)) && (char.IsAsciiDigit(text[i]) || ChineseNumber.IsNumeralChar(text[i]))
        && ChineseNumber.TryReadSpoken(text, i, out _, out _, out var approximate) && !approximate);

    /// <summary>
    /// Round 17: "刚才说错了，今天去的是微光软件，不是瑞康", "刚才报的不对 昨天走访的是华鼎物流 不是华鼎精密": a message whose opening
    /// clause only says the earlier message was wrong (an earlier-record opener, 刚才/上条…, a few words, and a correction
    /// marker ending the clause) and whose rest reads as an event record (a visit, members found, a formation, a measure)
    /// takes the earlier record back and records what follows as meant: the undo, then the records of the rest. A figure of
    /// the ledger corrected that way ("上条错了 云启科技员工是158不是185") overwrites itself and needs no undo: left as read.
    /// </summary>
    private UnderstandingResult? EarlierMessageRedone()
    {
        var cut = Understanding.Tokens.SelfCorrections.EarlierWrongClauseEnd(text, rules);
        if (cut == 0 || text.Length - cut < 4)
        {
            return null;
        }

        var records = ReaderOf(cut, text.Length, topic: null).Parse().Actions.Where(a => a.IsRecord).ToList();
        if (records.TrueForAll(a => a.Kind is ActionKind.MemberDiscovery or ActionKind.OrgUpdate) && RestatedFind(cut) is { } restated)
        {
            return Finish([new UnderstoodAction(ActionKind.Undo), restated]); // MessageParser.RestatedFinds.cs: "…那俩不是流动的 是预备党员"
        }

        return records.Exists(a => a.Kind != ActionKind.OrgUpdate) ? Finish([new UnderstoodAction(ActionKind.Undo), .. records]) : null;
    }

    /// <summary>The undo phrases of the message that take a record back, leaving out the error words of a figure's correction.</summary>
    private bool UndoSaid() => rules.Undo.FindAll(text).Any(u => !IsCorrectionErrorWord(u.Position, u.Word));
}
