using System.Globalization;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// What <see cref="LearnedDoubt"/> reads of one recording action and its message: named binary features (a feature holds or
/// it does not), so the weights file stays readable and a feature the training never saw weighs nothing. Families: the
/// action (kind, how its unit was found, which slots it fills, its day), how its figures are said, the signals of
/// <see cref="RecordDoubts"/> (acting or not), the second opinion's probability of its kind, the message's shape (length,
/// clauses, records beside it, voice), and the characters around the unit's name. Pure.
/// </summary>
internal static class DoubtFeatures
{
    /// <summary>Characters read on each side of the unit's name for the <c>near:</c> bigrams.</summary>
    private const int Window = 6;

    /// <summary>
    /// The features of <paramref name="action"/> among <paramref name="actions"/>: <paramref name="text"/> is the message as the
    /// parser read it, <paramref name="spoken"/> whether the message held voice fillers, <paramref name="scores"/> the intent
    /// classifier's reading of the message (null: no second opinion), <paramref name="clause"/> whether to add
    /// <see cref="ClauseFeatures"/> (the action filter's, only when it can drop or a trace reads them).
    /// </summary>
    public static List<string> Of(UnderstoodAction action, IReadOnlyList<UnderstoodAction> actions, MessageFacts message, DateOnly today,
        IReadOnlyList<RecordDoubts.Signal> signals, IntentScores? scores, bool spoken, OrganizationMention? mention, bool clause = false)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Text;
        var kind = IntentScores.Label(action.Kind);
        var found = new List<string>(64) { "kind:" + kind }; // a record has 30–60 features: sized once, not grown four times
        var unit = action.OrganizationId is not null ? "ledger" : action.Candidates.Count > 0 ? "candidates" : action.Organization is not null ? "written" : "none";
        found.Add("unit:" + unit);
        found.Add($"kind_unit:{kind}:{unit}");
        // How the unit was found: a mention of the ledger unit in the text (whole name or short), or not (a sound-alike, the
        // discourse, the second opinion).
        var said = mention is not null ? (mention.Length >= 4 ? "mention" : "mention_short")
            : action.Organization is { } written && text.Contains(written, StringComparison.Ordinal) ? "written" : "unsaid";
        found.Add("unit_found:" + said);

        ReadOnlySpan<(string Name, bool Filled)> slots =
        [
            ("count", action.Count is not null), ("categories", action.Categories is not null), ("method", action.Method is not null),
            ("joint_mode", action.JointMode is not null), ("level", action.Level is not null), ("members", action.Members is not null),
            ("secretary", action.Secretary is not null), ("units", action.Units is not null), ("measure", action.Measure is not null),
            ("person", action.Person is not null), ("employees", action.Employees is not null), ("party_members", action.PartyMembers is not null),
            ("status", action.Status is not null), ("org_type", action.OrgType is not null), ("measures", action.Measures is not null),
        ];
        foreach (var (slot, filled) in slots)
        {
            if (filled)
            {
                found.Add($"slot:{kind}:{slot}");
            }
        }

        found.Add(action.Date is not { } day ? "day:none" : day == today ? "day:today" : day > today ? "day:future" : day >= today.AddDays(-7) ? "day:week" : "day:older");
        Figures(found, action, text, message.Numerals);
        foreach (var signal in signals.Distinct())
        {
            found.Add("signal:" + signal);
        }

        if (scores is not null)
        {
            var p = scores.Of(action.Kind);
            found.Add("p_kind:" + Bucket(p, [0.05f, 0.1f, 0.2f, 0.4f, 0.6f, 0.8f, 0.95f]));
            found.Add(scores.Top == kind ? "top:same" : "top:" + scores.Top);
            found.Add("p_none:" + Bucket(scores.Of(IntentExample.None), [0.05f, 0.2f, 0.5f]));
        }

        found.Add("length:" + Bucket(text.Length, [12, 20, 35, 60, 100, 160]));
        found.Add("clauses:" + Bucket(message.Clauses, [1, 2, 3, 5, 8]));
        var records = actions.Count(a => a.IsRecord);
        found.Add("records:" + Bucket(records, [1, 2, 3, 5]));
        if (actions.Count(a => a.Kind == action.Kind) > 1)
        {
            found.Add("same_kind_beside");
        }

        if (actions.Any(a => !a.IsRecord))
        {
            found.Add("request_beside");
        }

        if (spoken)
        {
            found.Add("voice:fillers");
        }

        if (text.Length > 20 && message.Unpunctuated)
        {
            found.Add("voice:unpunctuated");
        }

        if (text.Contains('？', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal))
        {
            found.Add("question_mark");
        }

        var span = mention is not null ? (mention.Start, mention.Length) : action.Organization is { Length: >= 2 } name
            && text.IndexOf(name, StringComparison.Ordinal) is var at and >= 0 ? (at, name.Length) : ((int, int)?)null;
        Near(found, span, text);
        if (clause)
        {
            ClauseFeatures.Add(found, kind, action.Organization, span, text);
        }

        return found;
    }

    /// <summary>How each figure of the action is said: as digits, as a Chinese numeral, only as a digit inside one, or not at all.</summary>
    private static void Figures(List<string> found, UnderstoodAction action, string text, List<(int Start, int Value, int Length, bool Approximate)> numerals)
    {
        ReadOnlySpan<(string Field, int? Figure)> figures = [("count", action.Count), ("members", action.Members), ("employees", action.Employees), ("party_members", action.PartyMembers)];
        foreach (var (field, figure) in figures)
        {
            if (figure is not { } f)
            {
                continue;
            }

            var said = numerals.Where(n => n.Value == f).ToList();
            var how = said.Count == 0 ? "unsaid" : said.Any(n => char.IsAsciiDigit(text[n.Start])) ? "digits" : "chinese";
            found.Add($"figure:{field}:{how}");
            if (said.Any(n => n.Approximate))
            {
                found.Add("figure:approximate");
            }
        }

        if (numerals.Count > 4)
        {
            found.Add("numerals:many");
        }
    }

    /// <summary>Character bigrams within <see cref="Window"/> of where the unit is said.</summary>
    private static void Near(List<string> found, (int Start, int Length)? span, string text)
    {
        if (span is not var (at, length))
        {
            return;
        }

        // Spans, so each feature is one string (was a substring of the window and one of the bigram besides).
        var before = text.AsSpan()[Math.Max(0, at - Window)..at];
        var after = text.AsSpan()[Math.Min(text.Length, at + length)..Math.Min(text.Length, at + length + Window)];
        for (var i = 0; i + 1 < before.Length; i++)
        {
            found.Add(string.Concat("before:", before.Slice(i, 2)));
        }

        for (var i = 0; i + 1 < after.Length; i++)
        {
            found.Add(string.Concat("after:", after.Slice(i, 2)));
        }
    }

    private static int Clauses(string text) =>
        1 + text.Count(c => char.IsWhiteSpace(c) || c is '，' or ',' or '。' or '；' or ';' or '！' or '!' or '？' or '?');

    /// <summary>
    /// What the features read of the message itself (its numerals, clauses, stops), read once for all its records by the
    /// caller (<see cref="Read"/>): read per record they made the features quadratic in a long message (thirty records of a
    /// 2,000-character run-on each read its every numeral: round 24).
    /// </summary>
    internal sealed record MessageFacts(string Text, List<(int Start, int Value, int Length, bool Approximate)> Numerals, int Clauses, bool Unpunctuated)
    {
        public static MessageFacts Read(string? text)
        {
            text ??= "";
            return new(text, RecordSlotDoubts.Numerals(text), DoubtFeatures.Clauses(text),
                !text.Any(c => c is '，' or ',' or '。' or '；' or ';' or '！' or '!' or '？' or '?'));
        }
    }

    /// <summary>The bucket of a value; the bounds a span (the callers' constant lists are static data, no array per call).</summary>
    private static string Bucket(float value, ReadOnlySpan<float> bounds)
    {
        foreach (var bound in bounds)
        {
            if (value < bound)
            {
                var below = bucketsBelow ??= [];
                return below.TryGetValue(bound, out var label) ? label : below[bound] = "<" + bound.ToString(CultureInfo.InvariantCulture);
            }
        }

        var atLeast = bucketsAtLeast ??= [];
        return atLeast.TryGetValue(bounds[^1], out var top) ? top : atLeast[bounds[^1]] = ">=" + bounds[^1].ToString(CultureInfo.InvariantCulture);
    }

    // A bucket's name made once per bound and thread (the bounds are the callers' constants): two strings a feature were made
    // per record read.
    [ThreadStatic]
    private static Dictionary<float, string>? bucketsBelow;

    [ThreadStatic]
    private static Dictionary<float, string>? bucketsAtLeast;
}
