using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// "A wrong record is worse than a question": general signals, read over the whole message after the rules and the second
/// opinion, that a recording action may be wrong. Where one holds the action is marked <see cref="UnderstoodAction.Doubtful"/>
/// (the conversation shows it and asks before writing; the JSON carries <c>"confirm": true</c>); nothing is dropped or
/// changed, so what is read stays as it was (docs/understanding.md, round 11, r11-safety). The signals, each a class:
/// <list type="bullet">
/// <item><see cref="Signal.Unverified"/>: the sender says the fact is not checked or not his (没核实, 待确认, 仅作参考, 非本人).</item>
/// <item><see cref="Signal.NegatedFigure"/>: a figure of the record is the number of "一个木有", "两个也没有" (a number the
/// negation after it denies).</item>
/// <item><see cref="Signal.UnsaidFigure"/>: a figure of two or more that is no number of the message (nor, for a count,
/// the sum of its kinds): read from something other than a numeral.</item>
/// <item><see cref="Signal.UnresolvedDay"/>: a word of a day the date reader did not resolve (隔天; 头天 until r11-uforms read it as the day before), and the record took
/// today by default.</item>
/// <item><see cref="Signal.DayAgainstVisit"/>: a record of a unit dated today beside a visit to that unit on another day,
/// with no word for today in the message: the day of another clause, or none.</item>
/// <item><see cref="Signal.QuestionWithoutUnit"/>: a question with no completed aspect and no day, whose record names no unit
/// (a question about a class of units: 每人最少要帮建几个？).</item>
/// <item><see cref="Signal.UnitNotName"/>: a unit of a joint formation the ledger lacks that holds a list word (和, 还有,
/// 、): several names read as one, an organisation taken from a non-name.</item>
/// </list>
/// Pure and thread-safe.
/// </summary>
internal sealed partial class RecordDoubts
{
    /// <summary>The signal classes (for tests and the measure).</summary>
    public enum Signal
    {
        Unverified,
        NegatedFigure,
        UnsaidFigure,
        UnresolvedDay,
        DayAgainstVisit,
        QuestionWithoutUnit,
        UnitNotName,

        // Round 12 (r12-safety): the slots against the message (RecordSlotDoubts).
        KindUnread,
        UnsaidKindFigure,
        FigureUnread,
        FigureOfOtherNoun,
        FormerFigure,
        PersonNotName,
        PersonMissing,
        RepairLeft,
        DirectionalGo,
        SameKindTwice,
    }

    /// <summary>
    /// The signals that mark a record doubtful: round 11's, and of round 12's those chosen on blind batches a–z by the rule
    /// of docs/understanding.md (round 12): a signal acts where it caught at least one wrong record that was written silently
    /// and made at most as many right ones ask. RepairLeft (a correction word stays in the message whether or not it was
    /// applied: 0 caught, 8 right asked) and SameKindTwice (two visits on two days are two visits: 0 caught, 1 right asked)
    /// are read for the measure and do not act.
    /// </summary>
    public static readonly IReadOnlySet<Signal> Chosen = Enum.GetValues<Signal>().Except([Signal.RepairLeft, Signal.SameKindTwice]).ToHashSet();

    private readonly KeywordSet unverified;
    private readonly KeywordSet realis;
    private readonly KeywordSet dayWords;
    private readonly KeywordSet noneGaps;
    private readonly KeywordSet noneClosers;
    private readonly KeywordSet noneWords;
    private readonly KeywordSet listJoiners;
    private readonly RecordSlotDoubts slots;
    private readonly IReadOnlySet<Signal> acted;

    public RecordDoubts(Vocabulary vocabulary, IReadOnlySet<Signal>? acted = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var words = vocabulary.WriteDoubts;
        KeywordSet Of(string key) => new(words.TryGetValue(key, out var list) ? list : []);
        unverified = Of("unverified");
        realis = Of("realis_markers");
        dayWords = Of("day_words");
        noneGaps = Of("none_gaps");
        noneClosers = Of("none_closers");
        noneWords = new(vocabulary.NoneWords);
        listJoiners = new(vocabulary.ListJoiners);
        slots = new RecordSlotDoubts(vocabulary);
        this.acted = acted ?? Chosen;
    }

    /// <summary>
    /// The reading with every recording action a signal it acts on holds for marked doubtful; <paramref name="seen"/>, when
    /// given, hears every recording action with all the signals that hold for it (the measure).
    /// </summary>
    public UnderstandingResult Apply(UnderstandingResult reading, string text, DateOnly today, Action<UnderstoodAction, IReadOnlyList<Signal>>? seen = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!reading.Actions.Any(a => a.IsRecord && (seen is not null || !a.Doubtful)))
        {
            return reading;
        }

        var message = Read(text ?? "", today);
        var marked = reading.Actions.Select(a =>
        {
            if (!a.IsRecord || (a.Doubtful && seen is null))
            {
                return a;
            }

            var signals = Signals(a, reading.Actions, message, today);
            seen?.Invoke(a, signals);
            return !a.Doubtful && signals.Any(acted.Contains) ? a with { Doubtful = true } : a;
        }).ToList();
        return reading with { Actions = marked };
    }

    /// <summary>What the signals read of the message itself, once per message whatever the number of its records.</summary>
    private sealed record MessageFacts(List<(int Start, int Value, int Length)> Numbers, List<int> Negated, List<DateMention> Dates,
        bool Unverified, bool UnresolvedDay, bool Question, bool Realis, RecordSlotDoubts.Facts Slots);

    private MessageFacts Read(string text, DateOnly today)
    {
        var numerals = RecordSlotDoubts.Numerals(text);
        var numbers = Numbers(text, numerals);
        var dates = DateExpressions.Find(text, today);
        return new MessageFacts(numbers, NegatedNumbers(text, numbers), dates, unverified.ContainsAny(text), UnresolvedDayWord(text, dates),
            IsQuestion(text), realis.ContainsAny(text), slots.Read(text, dates, numerals));
    }

    /// <summary>The signals that hold for <paramref name="action"/> among <paramref name="actions"/> of <paramref name="text"/>.</summary>
    public List<Signal> Signals(UnderstoodAction action, IReadOnlyList<UnderstoodAction> actions, string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(actions);
        return Signals(action, actions, Read(text ?? "", today), today);
    }

    private List<Signal> Signals(UnderstoodAction action, IReadOnlyList<UnderstoodAction> actions, MessageFacts message, DateOnly today)
    {
        var found = new List<Signal>();
        if (!action.IsRecord)
        {
            return found;
        }

        if (message.Unverified)
        {
            found.Add(Signal.Unverified);
        }

        var figures = Figures(action).ToList();
        if (figures.Count > 0 && message.Negated.Intersect(figures).Any())
        {
            found.Add(Signal.NegatedFigure);
        }

        if (figures.Count > 0 && UnsaidFigure(action, message.Numbers))
        {
            found.Add(Signal.UnsaidFigure);
        }

        if (action.Date == today && message.UnresolvedDay)
        {
            found.Add(Signal.UnresolvedDay);
        }

        if (action.Kind != ActionKind.Visit && action.Date == today && action.OrganizationId is { } unit && !message.Dates.Any(d => d.Date == today)
            && actions.Any(a => a.Kind == ActionKind.Visit && a.OrganizationId == unit && a.Date is { } day && day != today))
        {
            found.Add(Signal.DayAgainstVisit);
        }

        if (action.Organization is null && message.Question && !message.Realis && message.Dates.Count == 0)
        {
            found.Add(Signal.QuestionWithoutUnit);
        }

        if (action.Units is { } units && units.Where((u, i) => (action.UnitIds is not { } ids || i >= ids.Count || ids[i] is null) && listJoiners.ContainsAny(u)).Any())
        {
            found.Add(Signal.UnitNotName);
        }

        slots.Add(found, action, actions, message.Slots);
        return found;
    }

    private static IEnumerable<int> Figures(UnderstoodAction action) =>
        new[] { action.Count, action.Members, action.Employees, action.PartyMembers }.OfType<int>().Where(f => f > 0);

    /// <summary>The numbers followed by a none word that closes its clause, across a measure word and 也/都: 一个木有, 两个也没有.</summary>
    private List<int> NegatedNumbers(string text, List<(int Start, int Value, int Length)> numbers)
    {
        var found = new List<int>();
        foreach (var (start, value, length) in numbers)
        {
            var at = start + length;
            while (at < text.Length && noneGaps.MatchAt(text, at) is { } gap)
            {
                at += gap.Length;
            }

            if (noneWords.MatchAt(text, at) is { } none && ClosesClause(text, at + none.Length))
            {
                found.Add(value);
            }
        }

        return found;
    }

    private bool ClosesClause(string text, int at)
    {
        while (at < text.Length && noneClosers.MatchAt(text, at) is { } closer)
        {
            at += closer.Length;
        }

        return at >= text.Length || char.IsWhiteSpace(text[at]) || char.IsPunctuation(text[at]) || char.IsSymbol(text[at]);
    }

    private static bool UnsaidFigure(UnderstoodAction action, List<(int Start, int Value, int Length)> numbers)
    {
        var said = numbers.Select(n => n.Value).ToHashSet();
        var kinds = action.Categories?.NonZero().Sum(c => c.Count) ?? 0;
        bool Unsaid(int? figure, bool isCount = false) =>
            figure is { } f && f > 1 && !said.Contains(f) && !(isCount && f == kinds);
        return Unsaid(action.Count, isCount: true) || Unsaid(action.Members) || Unsaid(action.Employees) || Unsaid(action.PartyMembers);
    }

    /// <summary>Every numeral of the text (<see cref="RecordSlotDoubts.Numerals"/>), with each of its digits on its own.</summary>
    private static List<(int Start, int Value, int Length)> Numbers(string text, List<(int Start, int Value, int Length, bool Approximate)> numerals)
    {
        var found = new List<(int, int, int)>();
        foreach (var (start, value, length, _) in numerals)
        {
            found.Add((start, value, length));
            for (var k = start; k < start + length; k++)
            {
                if (ChineseNumber.TryRead(text[k].ToString(), 0, out var digit, out _))
                {
                    found.Add((k, digit, 1));
                }
            }
        }

        return found;
    }

    /// <summary>A day word (<c>day_words</c>) or a weekday (上礼拜三, 周五) that no date the reader found covers.</summary>
    private bool UnresolvedDayWord(string text, List<DateMention> dates)
    {
        bool Covered(int start, int length) => dates.Any(d => d.Start <= start && start + length <= d.Start + d.Length);
        return dayWords.FindAll(text).Any(w => !Covered(w.Position, w.Word.Length))
            || Weekday().Matches(text).Any(m => !Covered(m.Index, m.Length));
    }

    /// <summary>The closing marks a question is read without (made once, not a params array per call).</summary>
    private static readonly char[] ClosingMarks = [' ', '。', '!', '！', '~', '～'];

    private static bool IsQuestion(string text)
    {
        var trimmed = text.AsSpan().TrimEnd(ClosingMarks);
        return trimmed.IndexOfAny('？', '?') >= 0 || trimmed is [.., '吗' or '呢' or '么'];
    }

    [GeneratedRegex("(?:上上|上|这|本|下)?个?(?:礼拜|星期|周)[一二三四五六日天]")]
    private static partial Regex Weekday();
}
