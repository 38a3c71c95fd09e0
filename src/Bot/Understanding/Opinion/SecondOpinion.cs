namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// Reads a message with the intent classifier and reviews the rules' reading (<see cref="Review"/>): an action of a kind
/// the classifier rejects outright is dropped, a recording action of a kind it finds unlikely is marked
/// <see cref="UnderstoodAction.Doubtful"/> (the conversation asks before writing it), and where nothing is left a request
/// kind it is sure of is added. It never adds a recording action (their fields come from the rules) and never changes
/// an action's fields. Thresholds measured leave-one-writer-batch-out (docs/understanding.md §Second opinion).
/// Thread-safe; the model is trained or loaded on first use.
/// </summary>
public sealed partial class SecondOpinion(Func<IntentModel> model, float threshold = SecondOpinionOptions.DefaultThreshold)
{
    private readonly Lock loading = new();
    private volatile IntentModel? loaded;

    public SecondOpinion(IntentModel model, float threshold = SecondOpinionOptions.DefaultThreshold)
        : this(() => model, threshold)
    {
    }

    public float Threshold => threshold;

    /// <summary>
    /// The second opinion of the shipped training data, its model cached in <see cref="SecondOpinionOptions.ModelFolder"/>
    /// or else the database's folder; null when switched off. The model is trained or loaded on first use.
    /// </summary>
    public static SecondOpinion? BesideDatabase(string databasePath, SecondOpinionOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return null;
        }

        var folder = options.ModelFolder is { Length: > 0 } configured
            ? configured
            : Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".";
        return new SecondOpinion(() => IntentModelCache.Shipped(folder, log), options.Threshold)
        {
            DropBelow = options.DropBelow,
            AddAbove = options.AddAbove,
            FillAbove = options.FillAbove,
            RetakeAbove = options.RetakeAbove,
            Mentions = options.Mentions
                ? new MentionOpinion(() => MentionModelCache.Shipped(folder, log))
                {
                    DropBelow = options.MentionDropBelow,
                    DoubtBelow = options.MentionDoubtBelow,
                    AddAbove = options.MentionAddAbove,
                }
                : null,
        };
    }

    /// <summary>The model, trained or loaded on first use (once, however many threads ask; a failure is not kept).</summary>
    public IntentModel Model
    {
        get
        {
            if (loaded is { } ready)
            {
                return ready;
            }

            lock (loading)
            {
                if (loaded is null)
                {
                    loaded = model();
                    // The host's warm-up and the CLI's first record load both opinions' models at once.
                    _ = Mentions?.Model;
                }

                return loaded;
            }
        }
    }

    /// <summary>The mention-level opinion, applied before this one (<see cref="MentionOpinion"/>); null: kinds only.</summary>
    public MentionOpinion? Mentions { get; init; }

    /// <summary>
    /// Below this probability the classifier rejects an action of the rules' kind outright: the action is dropped, not
    /// doubted (<see cref="SecondOpinionOptions.DropBelow"/>).
    /// </summary>
    public float DropBelow { get; init; } = SecondOpinionOptions.DefaultDropBelow;

    /// <summary>
    /// Where the rules' reading holds no action (or only dropped ones), a request kind the classifier gives at least this
    /// probability is added (<see cref="SecondOpinionOptions.AddAbove"/>).
    /// </summary>
    public float AddAbove { get; init; } = SecondOpinionOptions.DefaultAddAbove;

    /// <summary>
    /// The rules' reading reviewed: a recording action the classifier gives under <see cref="DropBelow"/> is replaced by a
    /// request the classifier is sure of when it is all the reading holds, else kept and marked doubtful (asked), as is one
    /// under <see cref="Threshold"/>; beside recording actions, a request the classifier gives under
    /// <see cref="DropBelow"/> is dropped; and when nothing is left (or the rules found nothing), a request kind the
    /// classifier is sure of (<see cref="AddAbove"/>) is added with the fields the rules' dropped actions give. A
    /// recording action is never added. Predicts only where a decision is possible: readings with a recording action, and
    /// empty readings of a message long enough to be a request and not small talk (<paramref name="smallTalk"/>).
    /// </summary>
    public UnderstandingResult Review(UnderstandingResult reading, string normalized, OrganizationIndex? index, bool smallTalk = false)
    {
        ArgumentNullException.ThrowIfNull(reading);
        normalized ??= "";
        var records = reading.Actions.Any(a => a.IsRecord);
        var nothing = reading.Actions.Count == 0 && !smallTalk && AddAbove <= 1f && normalized.Length >= MinimumRequestLength;
        if (!records && !nothing)
        {
            return reading;
        }

        var scores = Score(normalized, index);
        var kept = new List<UnderstoodAction>(reading.Actions.Count);
        var dropped = new List<UnderstoodAction>();
        var rejected = new List<UnderstoodAction>();
        var changed = false;
        foreach (var action in reading.Actions)
        {
            var probability = scores.Of(action.Kind);
            // A request the classifier rejects is dropped. A record it rejects is kept and asked about, unless a request
            // the classifier is sure of takes the reading's place (below): once the rules read the writers' constructions
            // (round 11), a record under DropBelow was right as often as wrong held out (SecondOpinionWriterFoldTests).
            if (probability < DropBelow && !action.IsRecord && AddableKinds.Contains(action.Kind))
            {
                dropped.Add(action);
                changed = true;
            }
            else if (action.IsRecord && probability < DropBelow)
            {
                rejected.Add(action);
                kept.Add(action.Doubtful ? action : action with { Doubtful = true });
                changed = true;
            }
            else if (action.IsRecord && probability < threshold && !action.Doubtful)
            {
                kept.Add(action with { Doubtful = true });
                changed = true;
            }
            else
            {
                kept.Add(action);
            }
        }

        if (kept.Count == rejected.Count && Added(scores, [.. dropped, .. rejected]) is { } added)
        {
            return new UnderstandingResult([added], added.AwaitsOrganization ? ["organization"] : []);
        }

        if (!changed)
        {
            return reading;
        }

        return new UnderstandingResult(kept, kept.Count == 0 ? [] : reading.Missing);
    }

    /// <summary>
    /// Where the classifier gives a kind of <see cref="FillableKinds"/> at least this probability and the reading holds no
    /// action of it, the kind's frame is filled from the message's parts (<see cref="Fill"/>; above 1 switches filling off).
    /// </summary>
    public float FillAbove { get; init; } = SecondOpinionOptions.DefaultFillAbove;

    /// <summary>The kinds a missing action of which may be filled: the recording kinds with frames, and progress questions.</summary>
    public static readonly IReadOnlyList<ActionKind> FillableKinds =
    [
        ActionKind.Visit, ActionKind.MemberDiscovery, ActionKind.OrgUpdate, ActionKind.Formation, ActionKind.WorkCoverage, ActionKind.Pairing,
        ActionKind.ProgressQuery,
    ];

    /// <summary>
    /// A second reader where the rules found nothing of a kind: for each kind of <see cref="FillableKinds"/> the classifier
    /// gives at least <see cref="FillAbove"/> and the reading lacks, the actions <paramref name="frames"/> gives for it (the
    /// parser's relaxed frames: slots from the parts already found, none where an essential slot is missing) are added. A
    /// recording action added so is always <see cref="UnderstoodAction.Doubtful"/> (the conversation asks before writing); a
    /// progress question only where the reading holds no record and none is added; no record beside an advice request. Beside an added record, a request of the
    /// rules' the classifier rejects (under <see cref="DropBelow"/>) is dropped, as <see cref="Review"/> does beside records.
    /// Predicts only on readings with a record, empty ones, and those holding only policy questions or lookups.
    /// </summary>
    internal UnderstandingResult Fill(UnderstandingResult reading, string normalized, OrganizationIndex? index,
        Func<ActionKind, IReadOnlyList<UnderstoodAction>, IReadOnlyList<UnderstoodAction>> frames, bool smallTalk = false)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(frames);
        normalized ??= "";
        // A request the rules read by its own frame (a progress question, an export, help, advice) is left as read and
        // costs no prediction; their fallback readings of an unrecognised message (a policy question, a lookup) are not.
        if (FillAbove > 1f || smallTalk || normalized.Length < MinimumRequestLength
            || reading.Actions.Any(a => !a.IsRecord && a.Kind is not (ActionKind.PolicyQuestion or ActionKind.OrgLookup)))
        {
            return reading;
        }

        var scores = Score(normalized, index);
        var added = new List<UnderstoodAction>();
        // An advice request's figures are its premise ("党员俩 职工八个 该咋建"), not a report: no record beside it.
        var advice = reading.Actions.Any(a => a.Kind == ActionKind.FormationAdvice);
        foreach (var kind in FillableKinds)
        {
            if (scores.Of(kind) < FillAbove || reading.Actions.Any(a => a.Kind == kind) || (advice && kind != ActionKind.ProgressQuery)
                || (kind == ActionKind.ProgressQuery && (reading.Actions.Any(a => a.IsRecord) || added.Count > 0)))
            {
                continue;
            }

            added.AddRange(frames(kind, reading.Actions).Select(a => a.IsRecord ? a with { Doubtful = true } : a));
        }

        if (added.Count == 0)
        {
            return reading;
        }

        var records = added.Any(a => a.IsRecord);
        var kept = reading.Actions.Where(a => a.IsRecord || !(records || added.Any(n => n.Kind == ActionKind.ProgressQuery))
            || scores.Of(a.Kind) >= DropBelow).ToList();
        List<UnderstoodAction> actions = [.. kept, .. added];
        return new UnderstandingResult(actions, actions.Any(a => a.AwaitsOrganization) ? ["organization"] : []);
    }

    /// <summary>The request kinds the classifier may add (and drop beside recording actions); never a recording kind.</summary>
    public static readonly IReadOnlySet<ActionKind> AddableKinds = new HashSet<ActionKind>
    {
        ActionKind.ProgressQuery, ActionKind.Export, ActionKind.Help, ActionKind.FormationAdvice, ActionKind.PolicyQuestion,
    };

    /// <summary>Shorter empty readings are small talk or fragments ("你好", "好的"): not worth a prediction.</summary>
    public const int MinimumRequestLength = 6;

    /// <summary>
    /// The request the classifier is sure of, with what the rules read: the scope of a dropped query or export, the
    /// organisation and figures of a dropped record (an advice request whose figures were read as an update).
    /// </summary>
    private UnderstoodAction? Added(IntentScores scores, List<UnderstoodAction> dropped)
    {
        if (scores.TopProbability < AddAbove || !Enum.TryParse<ActionKind>(scores.Top.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var kind)
            || !AddableKinds.Contains(kind))
        {
            return null;
        }

        var scoped = dropped.FirstOrDefault(a => a.Scope is not null);
        var organization = dropped.FirstOrDefault(a => a.Organization is not null || a.Candidates.Count > 0);
        var figures = dropped.FirstOrDefault(a => a.Employees is not null || a.PartyMembers is not null);
        return kind switch
        {
            ActionKind.ProgressQuery => new UnderstoodAction(kind) { Scope = scoped?.Scope, Metric = ProgressMetric.Coverage },
            ActionKind.Export => new UnderstoodAction(kind) { Scope = scoped?.Scope },
            ActionKind.FormationAdvice => new UnderstoodAction(kind)
            {
                Organization = organization?.Organization,
                OrganizationId = organization?.OrganizationId,
                Candidates = organization?.Candidates ?? [],
                Employees = figures?.Employees,
                PartyMembers = figures?.PartyMembers,
                OrgType = figures?.OrgType,
            },
            _ => new UnderstoodAction(kind),
        };
    }

    /// <summary>The classifier's probabilities for a normalised message.</summary>
    /// <summary>
    /// The model's scores of the message. Review, Fill and the learned doubt each ask for the same message in one reading:
    /// the last message's scores are kept per thread (keyed by this opinion, its model, the text and the index), so the
    /// model reads a message once, as <see cref="OrganizationIndex.FindMentions"/> keeps its last lookup.
    /// </summary>
    public IntentScores Score(string normalized, OrganizationIndex? index)
    {
        normalized ??= "";
        var model = Model;
        if (lastScore is { } last && ReferenceEquals(last.Opinion, this) && ReferenceEquals(last.Model, model)
            && string.Equals(last.Text, normalized, StringComparison.Ordinal) && last.Reads(index))
        {
            return last.Scores;
        }

        var scores = model.Score(IntentText.Prepare(normalized, index));
        lastScore = new LastScore(this, model, index is null ? null : new WeakReference<OrganizationIndex>(index), normalized, scores);
        return scores;
    }

    [ThreadStatic]
    private static LastScore? lastScore;

    /// <summary>The index is held weakly: a ledger's old index is not kept alive by a thread's last message.</summary>
    private sealed record LastScore(SecondOpinion Opinion, IntentModel Model, WeakReference<OrganizationIndex>? Index, string Text, IntentScores Scores)
    {
        public bool Reads(OrganizationIndex? index) =>
            index is null ? Index is null : Index is not null && Index.TryGetTarget(out var held) && ReferenceEquals(held, index);
    }

    public bool Doubts(ActionKind kind, IntentScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Of(kind) < threshold;
    }
}
