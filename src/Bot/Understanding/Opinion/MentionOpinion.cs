namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// The mention-level second opinion: for each organisation a message mentions, the mention classifier
/// (<see cref="MentionModel"/>) says how likely each kind of action on that unit is, and <see cref="Review"/> weighs the
/// rules' reading unit by unit: a recording action on a unit whose kind the classifier rejects strongly is dropped, one
/// it finds unlikely is marked <see cref="UnderstoodAction.Doubtful"/>, and a unit the rules gave nothing (or only
/// dropped actions) gets a kind the classifier is sure of (<see cref="AddableKinds"/>), with its fields from the rules'
/// own readers (the unit's mention, the day said before it) and, for a record, marked doubtful. Thresholds measured
/// leave-one-writer-batch-out (docs/understanding.md §Mention opinion). Thread-safe; the model is trained or loaded on
/// first use.
/// </summary>
public sealed class MentionOpinion(Func<MentionModel> model)
{
    private readonly Lock loading = new();
    private volatile MentionModel? loaded;

    public MentionOpinion(MentionModel model)
        : this(() => model)
    {
    }

    /// <summary>The model, trained or loaded on first use (once, however many threads ask; a failure is not kept).</summary>
    public MentionModel Model
    {
        get
        {
            if (loaded is { } ready)
            {
                return ready;
            }

            lock (loading)
            {
                return loaded ??= model();
            }
        }
    }

    /// <summary>Below this probability of its kind on its unit a recording action is dropped (0: never).</summary>
    public float DropBelow { get; init; } = SecondOpinionOptions.DefaultMentionDropBelow;

    /// <summary>Below this probability a recording action is marked doubtful (the conversation asks before writing).</summary>
    public float DoubtBelow { get; init; } = SecondOpinionOptions.DefaultMentionDoubtBelow;

    /// <summary>At least this probability adds an action of an addable kind on a unit the rules gave none of that kind (above 1: never).</summary>
    public float AddAbove { get; init; } = SecondOpinionOptions.DefaultMentionAddAbove;

    /// <summary>The kinds the opinion may add, with fields the rules' readers give: a visit (the day said before the unit) and a lookup.</summary>
    public static readonly IReadOnlySet<ActionKind> AddableKinds = new HashSet<ActionKind> { ActionKind.Visit, ActionKind.OrgLookup };

    /// <summary>One unit of a message: where it is mentioned, the contract's name for it ("" when unnamed or ambiguous), and the mention.</summary>
    public sealed record Unit(string Key, IReadOnlyList<(int Start, int End)> Spans, OrganizationMention? Mention);

    /// <summary>The units of a message and, per unit, the classifier's probability of each of <see cref="MentionModel.Kinds"/> (the highest over its mentions).</summary>
    public sealed record Reading(IReadOnlyList<Unit> Units, IReadOnlyList<float[]> Probabilities);

    /// <summary>
    /// The units of a normalised message: every mention the index finds (a ledger name, a name it reads, "一家企业"), and
    /// any other name in <paramref name="named"/> (the organisations a reading names) where the text holds it as written.
    /// Mentions of one unit are one unit; unnamed and ambiguous mentions are the unit "".
    /// </summary>
    public static List<Unit> Units(string normalized, OrganizationIndex? index, IEnumerable<string?> named)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var spans = new List<(int Start, int End, string Key, OrganizationMention? Mention)>();
        foreach (var mention in index?.MentionsOf(normalized) ?? [])
        {
            spans.Add((mention.Start, mention.End, Key(mention.ReportedName), mention));
        }

        foreach (var name in named ?? [])
        {
            if (name is not { Length: > 1 } || spans.Any(s => s.Key == Key(name)))
            {
                continue;
            }

            var at = normalized.IndexOf(name, StringComparison.Ordinal);
            if (at >= 0 && !spans.Any(s => s.Start < at + name.Length && at < s.End))
            {
                spans.Add((at, at + name.Length, Key(name), null));
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var units = new List<Unit>();
        foreach (var group in spans.GroupBy(s => s.Key, StringComparer.Ordinal))
        {
            units.Add(new Unit(group.Key, [.. group.Select(s => (s.Start, s.End))], group.Select(s => s.Mention).FirstOrDefault(m => m is not null)));
        }

        return units;
    }

    /// <summary>The key of a unit named <paramref name="name"/> by an action or a gold: blanks out; null is "".</summary>
    public static string Key(string? name) => name is null ? "" : string.Concat(name.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The classifier's reading of the units of a normalised message.</summary>
    public Reading Read(string normalized, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(units);
        var spans = units.SelectMany((u, i) => u.Spans.Select(s => (s.Start, s.End, Unit: i))).OrderBy(s => s.Start).ToList();
        var text = MentionText.Mask(normalized, [.. spans.Select(s => (s.Start, s.End))]);
        var scores = Model.Score(text);
        var probabilities = units.Select(_ => new float[MentionModel.Kinds.Count]).ToList();
        for (var m = 0; m < spans.Count; m++)
        {
            var unit = probabilities[spans[m].Unit];
            for (var k = 0; k < unit.Length; k++)
            {
                unit[k] = Math.Max(unit[k], scores[m][k]);
            }
        }

        return new Reading(units, probabilities);
    }

    /// <summary>
    /// The rules' reading reviewed unit by unit (see the class). Predicts only where a decision is possible: a message
    /// with a unit and a recording action, or with a unit and nothing read.
    /// </summary>
    public UnderstandingResult Review(UnderstandingResult reading, string normalized, OrganizationIndex? index, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reading);
        normalized ??= "";
        if (reading.Actions.Count > 0 ? !reading.Actions.Any(a => a.IsRecord) : AddAbove > 1f)
        {
            // Nothing to doubt, and (adding off) nothing to add.
            return reading;
        }

        var units = Units(normalized, index, reading.Actions.Select(a => a.Organization));
        if (units.Count == 0)
        {
            return reading;
        }

        var read = Read(normalized, units);
        var byKey = units.Select((u, i) => (u.Key, P: read.Probabilities[i])).ToDictionary(p => p.Key, p => p.P, StringComparer.Ordinal);
        var kept = new List<UnderstoodAction>(reading.Actions.Count);
        var untouched = new HashSet<string>(byKey.Keys, StringComparer.Ordinal);
        var changed = false;
        foreach (var action in reading.Actions)
        {
            var key = Key(action.Organization);
            var kind = MentionModel.KindIndex(IntentScores.Label(action.Kind));
            if (!action.IsRecord || kind < 0 || !byKey.TryGetValue(key, out var p))
            {
                kept.Add(action);
                Touch(untouched, action);
                continue;
            }

            if (p[kind] < DropBelow && !ElsewhereLikely(byKey, key, kind))
            {
                changed = true;
                continue;
            }

            Touch(untouched, action);
            if ((p[kind] < DoubtBelow || p[kind] < DropBelow) && !action.Doubtful)
            {
                kept.Add(action with { Doubtful = true });
                changed = true;
            }
            else
            {
                kept.Add(action);
            }
        }

        var missing = kept.Count == 0 ? new List<string>() : [.. reading.Missing];
        if (AddAbove <= 1f)
        {
            foreach (var unit in units.Where(u => u.Key.Length > 0))
            {
                var p = byKey[unit.Key];
                foreach (var kind in AddableKinds.OrderBy(k => k))
                {
                    if (p[MentionModel.KindIndex(IntentScores.Label(kind))] >= AddAbove && !kept.Any(a => a.Kind == kind && KeysOf(a).Contains(unit.Key)))
                    {
                        kept.Add(Added(kind, unit, normalized, today));
                        changed = true;
                    }
                }
            }
        }

        return changed ? new UnderstandingResult(kept, missing) : reading;
    }

    /// <summary>
    /// Whether the kind the classifier rejects on the action's unit is likely on another unit of the message (or the action
    /// names none): then the kind may be right and the unit wrong, and the action is doubted, not dropped.
    /// </summary>
    private static bool ElsewhereLikely(Dictionary<string, float[]> byKey, string key, int kind) =>
        key.Length == 0 || byKey.Any(p => p.Key != key && p.Value[kind] >= ElsewhereAbove);

    /// <summary>How likely a kind must be on another unit for a rejected action of that kind to be doubted rather than dropped.</summary>
    public const float ElsewhereAbove = 0.5f;

    /// <summary>The units an action is about: its organisation, and a joint formation's other units.</summary>
    public static IEnumerable<string> KeysOf(UnderstoodAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Units is { } units ? [Key(action.Organization), .. units.Select(Key)] : [Key(action.Organization)];
    }

    private static void Touch(HashSet<string> untouched, UnderstoodAction action)
    {
        foreach (var key in KeysOf(action))
        {
            untouched.Remove(key);
        }
    }

    /// <summary>A visit or lookup of <paramref name="unit"/>: its name from the mention, a visit's day the last said before it (else today).</summary>
    private static UnderstoodAction Added(ActionKind kind, Unit unit, string normalized, DateOnly today)
    {
        var action = unit.Mention is { } mention
            ? new UnderstoodAction(kind) { Organization = mention.ReportedName, OrganizationId = mention.Organization?.Id, Candidates = mention.Candidates }
            : new UnderstoodAction(kind) { Organization = unit.Key };
        if (kind != ActionKind.Visit)
        {
            return action;
        }

        var at = unit.Spans[0].Start;
        var dates = DateExpressions.Find(normalized, today);
        var date = dates.LastOrDefault(d => d.Start < at && d.Date <= today)?.Date ?? today;
        return action with { Date = date, Doubtful = true };
    }
}
