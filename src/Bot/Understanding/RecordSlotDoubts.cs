namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Round 12 (branch r12-safety): signals that a record's slots do not say what the message says, read over the message and
/// every action of it (<see cref="RecordDoubts"/> calls it; docs/understanding.md, round 12). Each is a class of reading, not
/// a sentence:
/// <list type="bullet">
/// <item><see cref="RecordDoubts.Signal.KindUnread"/>: a discovery lacks a kind of member the message names (流动, 关系在老家,
/// 预备的, 招聘进来的) and no discovery of the message holds.</item>
/// <item><see cref="RecordDoubts.Signal.UnsaidKindFigure"/>: a kind's figure of two or more that no numeral gives.</item>
/// <item><see cref="RecordDoubts.Signal.FigureUnread"/>: the message says a number of members (党员5个, 5名党员, 党员是俩了)
/// that no action holds, beside an update without a member total or a formation without its members.</item>
/// <item><see cref="RecordDoubts.Signal.FigureOfOtherNoun"/>: a staff figure whose every numeral counts members or things
/// (一个党员, 一家厂), or a member total whose every numeral counts staff.</item>
/// <item><see cref="RecordDoubts.Signal.FormerFigure"/>: a figure whose every numeral is said as the past (原来那俩).</item>
/// <item><see cref="RecordDoubts.Signal.PersonNotName"/>: a secretary or instructor that is no name's shape (由他, 我们).</item>
/// <item><see cref="RecordDoubts.Signal.PersonMissing"/>: an instructor assigned with no person, a pairing with no secretary,
/// where the message names one: a name after a title (委员陈晓东) or the sender (我, 本人). 由社区书记结对 names nobody.</item>
/// <item><see cref="RecordDoubts.Signal.RepairLeft"/>: a self-correction word left in the message the parser read (说反了,
/// 不是不是): the repair was not applied, the record may hold what the sender took back.</item>
/// <item><see cref="RecordDoubts.Signal.DirectionalGo"/>: a visit whose only word of going is 去 of a direction after another
/// verb (交上去, 挂到…上去), in the message or in every clause that says the visit's day: nobody went anywhere.</item>
/// <item><see cref="RecordDoubts.Signal.SameKindTwice"/>: a second record of the same kind, unit and measure in one message
/// (a union and a league committee are two facts; two visits on two days may be).</item>
/// </list>
/// Pure and thread-safe.
/// </summary>
internal sealed class RecordSlotDoubts
{
    private static readonly string PersonMeasures = "个名位人";
    private static readonly string ThingMeasures = "家条辆张间台栋层座所次";
    private static readonly string NotNameChars = "我你他她它们由的是把被给让";
    private static readonly string Directions = "上下进回";

    private readonly KeywordSet kindWords;
    private readonly Dictionary<string, string> kindOf = new(StringComparer.Ordinal);
    private readonly KeywordSet hireWords;
    private readonly KeywordSet negations;
    private readonly KeywordSet corrections;
    private readonly KeywordSet goingWords;
    private readonly KeywordSet timeWords;
    private readonly KeywordSet staffWords;
    private readonly KeywordSet formerMarkers;
    private readonly HashSet<char> surnames;
    private readonly KeywordSet compoundSurnames;
    private readonly KeywordSet selfWords;
    private readonly KeywordSet titles;
    private readonly PersonNames names;

    public RecordSlotDoubts(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        foreach (var (word, kind) in vocabulary.MemberCategories.Concat(vocabulary.CategoryShortWords).Concat(vocabulary.MemberDescriptions))
        {
            kindOf.TryAdd(word, kind);
        }

        kindWords = new(kindOf.Keys);
        hireWords = new(vocabulary.HireVerbs);
        negations = new(vocabulary.NegationMarkers);
        corrections = new(vocabulary.CorrectionMarkers);
        goingWords = new(vocabulary.VisitVerbs.Concat(vocabulary.MotionVerbs).Concat(vocabulary.VisitStayVerbs).Concat(vocabulary.VisitActivityVerbs));
        timeWords = new(vocabulary.SequenceWords.Concat(vocabulary.StayAdverbs));
        staffWords = new(vocabulary.StaffNouns.Concat(vocabulary.EmployeeWords));
        formerMarkers = new(vocabulary.FormerStateMarkers);
        surnames = [.. vocabulary.Surnames];
        compoundSurnames = new(vocabulary.CompoundSurnames);
        selfWords = new(vocabulary.SelfAgentWords);
        titles = new(vocabulary.Titles.Concat(vocabulary.ChainTitles).Concat(vocabulary.PredicateRoleNouns));
        names = new PersonNames(vocabulary);
    }

    /// <summary>What these signals read of the message itself, once per message.</summary>
    internal sealed record Facts(string Text, List<(int Start, int Value, int Length, bool Approximate)> Numerals, HashSet<string> Kinds,
        List<int> MemberFigures, bool RepairLeft, bool OnlyDirectionalGoing, HashSet<DateOnly> DirectionalDays, bool NamesPerson);

    public Facts Read(string text, IReadOnlyList<DateMention> dates, List<(int Start, int Value, int Length, bool Approximate)> numerals)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(numerals);
        // The days whose every mention stands in a clause whose only going is a direction (今天把材料交上去了).
        var directionalDays = dates.GroupBy(d => d.Date)
            .Where(g => g.All(d => Clause(text, d.Start) is var (from, to) && OnlyDirectionalGoing(text[from..to])))
            .Select(g => g.Key).ToHashSet();
        return new Facts(text, numerals, KindsNamed(text), MemberFigures(text, numerals), corrections.ContainsAny(text), OnlyDirectionalGoing(text),
            directionalDays, NamesPerson(text));
    }

    /// <summary>The signals of this class that hold for <paramref name="action"/> among <paramref name="actions"/>.</summary>
    public void Add(List<RecordDoubts.Signal> found, UnderstoodAction action, IReadOnlyList<UnderstoodAction> actions, Facts message)
    {
        if (action.Kind == ActionKind.MemberDiscovery)
        {
            var held = actions.Where(a => a.Kind == ActionKind.MemberDiscovery && a.Categories is not null)
                .SelectMany(a => a.Categories!.NonZero().Select(c => c.Key)).ToHashSet(StringComparer.Ordinal);
            if (message.Kinds.Any(k => !held.Contains(k)))
            {
                found.Add(RecordDoubts.Signal.KindUnread);
            }

            if (action.Categories?.NonZero().Any(c => c.Count > 1 && !message.Numerals.Any(n => n.Value == c.Count)) == true)
            {
                found.Add(RecordDoubts.Signal.UnsaidKindFigure);
            }
        }

        if ((action.Kind == ActionKind.OrgUpdate && action.PartyMembers is null) || (action.Kind == ActionKind.Formation && action.Members is null))
        {
            var held = actions.SelectMany(Figures).ToHashSet();
            if (message.MemberFigures.Any(f => !held.Contains(f)))
            {
                found.Add(RecordDoubts.Signal.FigureUnread);
            }
        }

        if (action.Kind == ActionKind.OrgUpdate && (OfOtherNoun(message, action.Employees, staff: true) || OfOtherNoun(message, action.PartyMembers, staff: false)))
        {
            found.Add(RecordDoubts.Signal.FigureOfOtherNoun);
        }

        if (new[] { action.PartyMembers, action.Employees, action.Members, action.Count }.OfType<int>().Any(f => SaidAsPast(message, f)))
        {
            found.Add(RecordDoubts.Signal.FormerFigure);
        }

        if (new[] { action.Secretary, action.Person }.OfType<string>().Any(p => !IsNameShape(p)))
        {
            found.Add(RecordDoubts.Signal.PersonNotName);
        }

        if ((action.Kind == ActionKind.WorkCoverage && action.Measure == Store.Domain.WorkCoverageMeasure.Instructor && action.Person is null)
            || (action.Kind == ActionKind.Pairing && action.Secretary is null))
        {
            if (message.NamesPerson)
            {
                found.Add(RecordDoubts.Signal.PersonMissing);
            }
        }

        if (message.RepairLeft)
        {
            found.Add(RecordDoubts.Signal.RepairLeft);
        }

        if (action.Kind == ActionKind.Visit && (message.OnlyDirectionalGoing || (action.Date is { } day && message.DirectionalDays.Contains(day))))
        {
            found.Add(RecordDoubts.Signal.DirectionalGo);
        }

        var index = IndexOf(actions, action);
        if (action.OrganizationId is { } unit && actions.Take(index).Any(a => a.Kind == action.Kind && a.OrganizationId == unit && a.Measure == action.Measure))
        {
            found.Add(RecordDoubts.Signal.SameKindTwice);
        }
    }

    /// <summary>The sender (我, 本人) or a name closing after a title (委员陈晓东, 书记陈建华).</summary>
    private bool NamesPerson(string text) =>
        selfWords.ContainsAny(text)
        || titles.FindAll(text).Any(t => names.ReadAt(text, t.Position + t.Word.Length) is { Length: >= 2 } name && names.ClosedAt(text, t.Position + t.Word.Length + name.Length));

    private static int IndexOf(IReadOnlyList<UnderstoodAction> actions, UnderstoodAction action)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            if (ReferenceEquals(actions[i], action))
            {
                return i;
            }
        }

        return actions.Count;
    }

    private static IEnumerable<int> Figures(UnderstoodAction a) =>
        new[] { a.Count, a.Members, a.Employees, a.PartyMembers }.OfType<int>()
            .Concat(a.Categories?.NonZero().Select(c => c.Count) ?? []);

    /// <summary>The kinds of member the message names, not right after a negation (没有预备的 names none).</summary>
    private HashSet<string> KindsNamed(string text)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (at, word) in kindWords.FindAll(text))
        {
            if (!Negated(text, at))
            {
                kinds.Add(kindOf[word]);
            }
        }

        if (hireWords.FindAll(text).Any(h => !Negated(text, h.Position)) && text.Contains("党员", StringComparison.Ordinal))
        {
            kinds.Add("hired");
        }

        return kinds;
    }

    private bool Negated(string text, int at)
    {
        for (var back = 1; back <= 3 && at - back >= 0; back++)
        {
            if (negations.MatchAt(text, at - back, at) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The numbers said of members in a clause that names them: 党员5个, 5名党员, 党员就他自己一个, 党员是俩了.</summary>
    private static List<int> MemberFigures(string text, List<(int Start, int Value, int Length, bool Approximate)> numerals)
    {
        var found = new List<int>();
        foreach (var (start, value, length, approximate) in numerals)
        {
            if (approximate)
            {
                continue;
            }

            var (from, to) = Clause(text, start);
            if (text.IndexOf("党员", from, to - from, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            var after = start + length;
            var next = after < to ? text[after] : '。';
            if (PersonMeasures.Contains(next) || next is '了' or '啦' or '。' || text.AsSpan(after).StartsWith("党员"))
            {
                found.Add(value);
            }
        }

        return found;
    }

    /// <summary>Every occurrence of <paramref name="figure"/> counts another noun: members (or things) for staff, staff for members.</summary>
    private bool OfOtherNoun(Facts message, int? figure, bool staff)
    {
        if (figure is not { } value)
        {
            return false;
        }

        var said = message.Numerals.Where(n => n.Value == value).ToList();
        return said.Count > 0 && said.All(n =>
        {
            var at = n.Start + n.Length;
            var text = message.Text;
            if (staff && at < text.Length && ThingMeasures.Contains(text[at]))
            {
                return true;
            }

            if (at < text.Length && PersonMeasures.Contains(text[at]) && text[at] != '人')
            {
                at++;
            }

            return staff ? text.AsSpan(at).StartsWith("党员") : staffWords.MatchAt(text, at) is not null;
        });
    }

    private bool SaidAsPast(Facts message, int figure)
    {
        var said = message.Numerals.Where(n => n.Value == figure).ToList();
        return said.Count > 0 && said.All(n =>
        {
            var (from, _) = Clause(message.Text, n.Start);
            for (var back = 1; back <= 4 && n.Start - back >= from; back++)
            {
                if (formerMarkers.MatchAt(message.Text, n.Start - back, n.Start) is not null)
                {
                    return true;
                }
            }

            return false;
        });
    }

    private bool IsNameShape(string name) =>
        name.Length >= 2 && !name.Any(c => NotNameChars.Contains(c))
        && (surnames.Contains(name[0]) || compoundSurnames.MatchAt(name, 0) is not null);

    /// <summary>Every word of going lies in a direction after another verb (交上去, 挂到…上去了), and there is one.</summary>
    private bool OnlyDirectionalGoing(string text)
    {
        var directional = new List<int>();
        for (var i = 1; i < text.Length; i++)
        {
            // 晚上去, 早上去: the 上 of a time word, not a direction.
            if (text[i] == '去' && Directions.Contains(text[i - 1]) && i >= 2 && !char.IsWhiteSpace(text[i - 2]) && !char.IsPunctuation(text[i - 2])
                && timeWords.LongestEndingAt(text, i) == 0)
            {
                directional.Add(i);
            }
        }

        // 挂到…上去: the 到 before a direction in its clause is part of the same complement.
        return directional.Count > 0
            && goingWords.FindAll(text).All(w => directional.Any(d => (w.Position <= d && d < w.Position + w.Word.Length)
                || (w.Word == "到" && w.Position < d && Clause(text, w.Position) == Clause(text, d))));
    }

    private static (int From, int To) Clause(string text, int at)
    {
        var from = at;
        while (from > 0 && !IsClauseBreak(text[from - 1]))
        {
            from--;
        }

        var to = at;
        while (to < text.Length && !IsClauseBreak(text[to]))
        {
            to++;
        }

        return (from, to);
    }

    private static bool IsClauseBreak(char c) => char.IsWhiteSpace(c) || c is '，' or ',' or '。' or '；' or ';' or '！' or '!' or '？' or '?' or '、';

    /// <summary>Every whole numeral of the text (digits, Chinese, spoken: 一百七, 俩), with whether it is approximate (二十多).</summary>
    internal static List<(int Start, int Value, int Length, bool Approximate)> Numerals(string text)
    {
        var found = new List<(int, int, int, bool)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!ChineseNumber.IsNumeralChar(text[i]) || (i > 0 && ChineseNumber.IsNumeralChar(text[i - 1])))
            {
                continue;
            }

            if (ChineseNumber.TryReadSpoken(text, i, out var value, out var length, out var approximate) && length > 0)
            {
                found.Add((i, value, length, approximate));
            }
        }

        return found;
    }
}
