using InstructorBot.Bot.Understanding.Opinion;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Turns an instructor's message into the actions it means (CLI.md §understand), offline and deterministically.
/// The organisation index is built once from the ledger and rebuilt when the version given changes. The index depends
/// only on names, credit codes and locations, so hosts pass a version that moves only with those (a visit must not
/// rebuild it); the organisations it returns are good for their ids, names and locations, not for other facts.
/// Thread-safe; no I/O beyond reading the organisations when the version moves.
/// </summary>
public sealed class MessageUnderstanding
{
    private readonly Func<long> version;
    private readonly Func<IReadOnlyList<Organization>> organizations;
    private readonly UnderstandingRules rules;
    private readonly Vocabulary vocabulary;
    private readonly Lock rebuild = new();
    private volatile IndexSnapshot? snapshot;
    private readonly Lazy<SoundAlikes?> soundAlikes;
    private readonly Lazy<RecordDoubts> doubts;

    /// <summary>Over a ledger that may change: <paramref name="version"/> is read per message, the list only when it moves.</summary>
    public MessageUnderstanding(Func<long> version, Func<IReadOnlyList<Organization>> organizations, Vocabulary? vocabulary = null)
    {
        this.version = version ?? throw new ArgumentNullException(nameof(version));
        this.organizations = organizations ?? throw new ArgumentNullException(nameof(organizations));
        this.vocabulary = vocabulary ?? Vocabulary.Default();
        rules = new UnderstandingRules(this.vocabulary);
        doubts = new Lazy<RecordDoubts>(() => new RecordDoubts(this.vocabulary, DoubtSignals));
        soundAlikes = new Lazy<SoundAlikes?>(() => SoundAlikeMerges is { } merges ? new SoundAlikes(this.vocabulary, merges, SoundAlikes.DictionaryFrequency) : null);
    }

    /// <summary>Over a fixed list of organisations.</summary>
    public MessageUnderstanding(IReadOnlyList<Organization> organizations, Vocabulary? vocabulary = null)
        : this(() => 0, () => organizations, vocabulary)
    {
    }

    /// <summary>The current organisation index (built on first use, rebuilt when the ledger's version changes).</summary>
    public OrganizationIndex Index
    {
        get
        {
            var current = version();
            var known = snapshot;
            if (known is not null && known.Version == current)
            {
                return known.Index;
            }

            lock (rebuild)
            {
                known = snapshot;
                if (known is null || known.Version != current)
                {
                    known = new IndexSnapshot(current, new OrganizationIndex(organizations(), vocabulary));
                    snapshot = known;
                }

                return known.Index;
            }
        }
    }

    /// <summary>
    /// When a name fits several ledger organisations but only one inside the sender's jurisdiction, take that one.
    /// Off by default: the contract calls a name ambiguous when it fits more than one organisation in the ledger.
    /// </summary>
    public bool PreferSenderJurisdiction { get; init; }

    /// <summary>The day the campaign began (configuration <c>Campaign:Start</c>): 攻坚以来 counts from it.</summary>
    public DateOnly? CampaignStart { get; init; }

    /// <summary>Names of people a progress question may name (users and the ledger's instructors); read per question.</summary>
    public Func<IReadOnlyCollection<string>> KnownPeople { get; init; } = () => [];

    /// <summary>The intent classifier that reviews the rules' reading (drops, doubts, adds a request); null (the default): the rules' reading as is.</summary>
    public SecondOpinion? SecondOpinion { get; init; }

    /// <summary>
    /// The near sounds the sound-alike stage hears as the same (<see cref="SoundAlikes"/>); null: no sound-alike stage
    /// (the text as typed, for measuring what the stage does).
    /// </summary>
    internal SoundMerges? SoundAlikeMerges { get; init; } = SoundAlikes.DefaultMerges;

    /// <summary>Whether the signals of <see cref="RecordDoubts"/> mark records doubtful (on by default; off only to measure them).</summary>
    internal bool RecordsDoubted { get; init; } = true;

    /// <summary>The signals of <see cref="RecordDoubts"/> that mark a record doubtful (default <see cref="RecordDoubts.Chosen"/>; others only to measure).</summary>
    internal IReadOnlySet<RecordDoubts.Signal>? DoubtSignals { get; init; }

    /// <summary>Hears every recording action with every signal of <see cref="RecordDoubts"/> that holds for it (the measure); null: nothing.</summary>
    internal Action<UnderstoodAction, IReadOnlyList<RecordDoubts.Signal>>? DoubtsSeen { get; init; }

    /// <summary>The learned doubt (<see cref="LearnedDoubt"/>; the shipped weights by default); null: none (to measure it).</summary>
    public LearnedDoubt? Learned { get; init; } = ShippedDoubt.Value;

    /// <summary>The intent scores the learned doubt reads (the measure puts a model trained without the batch read here); null: the second opinion's.</summary>
    internal Func<string, OrganizationIndex, Opinion.IntentScores>? LearnedDoubtScores { get; init; }

    /// <summary>Hears every recording action the learned doubt reads: its features and probability (the measure); null: nothing.</summary>
    internal Action<UnderstoodAction, IReadOnlyList<string>, double>? LearnedDoubtSeen { get; init; }

    private static readonly Lazy<LearnedDoubt> ShippedDoubt = new(LearnedDoubt.Shipped);

    /// <summary>The action filter (<see cref="ActionFilter"/>; the shipped weights by default): drops a recording action it is sure the message does not give; null: none.</summary>
    public ActionFilter? Filter { get; init; } = ShippedFilter.Value;

    private static readonly Lazy<ActionFilter> ShippedFilter = new(ActionFilter.Shipped);

    private UnderstandingResult Doubt(UnderstandingResult reading, LearnedDoubt learned, List<(UnderstoodAction Action, IReadOnlyList<RecordDoubts.Signal> Signals)> signals,
        string plain, string normalized, OrganizationIndex index, DateOnly today)
    {
        var filtering = Filter is { Drop: <= 1 };
        if (!reading.Actions.Any(a => a.IsRecord && (!a.Doubtful || LearnedDoubtSeen is not null || filtering)))
        {
            return reading;
        }

        var scores = LearnedDoubtScores is { } score ? score(normalized, index) : SecondOpinion?.Score(normalized, index);
        var spoken = rules.SpokenFillers.ContainsAny(plain);
        var mentions = index.MentionsOf(normalized);
        var message = DoubtFeatures.MessageFacts.Read(normalized);
        var marked = reading.Actions.Select(a =>
        {
            if (!a.IsRecord || (a.Doubtful && LearnedDoubtSeen is null && !filtering))
            {
                return a;
            }

            // The signals RecordDoubts found for this record (matched by its fields: the record before it was marked).
            // (A copy of the action is made only where the marks differ: with equal marks it is the action itself.)
            var found = signals.FirstOrDefault(s => s.Action == a || (s.Action.Doubtful != a.Doubtful && s.Action == a with { Doubtful = s.Action.Doubtful })).Signals ?? [];
            var mention = mentions.FirstOrDefault(m => a.OrganizationId is { } id ? m.Organization?.Id == id
                : a.Candidates.Count > 0 && m.Candidates.Select(c => c.Id).SequenceEqual(a.Candidates.Select(c => c.Id)));
            var features = DoubtFeatures.Of(a, reading.Actions, message, today, found, scores, spoken, mention, filtering || LearnedDoubtSeen is not null);
            var p = learned.Probability(features);
            LearnedDoubtSeen?.Invoke(a, features, p);
            // Round 14: a record the filter is sure the message does not give (background, a plan, a pending step) is dropped.
            if (filtering && Filter!.Drops(features))
            {
                return null;
            }

            // A record with no unit waits for the conversation's "which unit?" before anything is written: a confirm on top
            // would ask twice.
            var named = a.Organization is not null || a.Candidates.Count > 0;
            return !a.Doubtful && named && p >= learned.Threshold ? a with { Doubtful = true } : a;
        }).OfType<UnderstoodAction>().ToList();
        return reading with { Actions = marked };
    }

    /// <summary>The optional language model (issue 17, docs/llm.md); null (the default): the offline reading only.</summary>
    public Llm.ModelUnderstanding? Model { get; init; }

    /// <summary>The offline reading, then the model's where <see cref="Model"/> is set and its mode consults it (bounded by its timeout).</summary>
    public async Task<UnderstandingResult> UnderstandAsync(string? text, User sender, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var reading = Understand(text, sender, now);
        return Model is { } model ? await model.ReviewAsync(reading, text, sender, now, Index, cancellationToken).ConfigureAwait(false) : reading;
    }

    /// <summary>What <paramref name="text"/>, sent by <paramref name="sender"/> at <paramref name="now"/>, asks for.</summary>
    public UnderstandingResult Understand(string? text, User sender, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var index = Index;
        var normalized = Prepared(text, now, index);
        var parser = new MessageParser(rules, index, normalized, sender, now, PreferSenderJurisdiction);
        var reading = parser.Parse();
        // Round 22: "刚才说智联工会是昨天成立的 记错了 是前天": the earlier record undone before the one restated (EarlierStatementCorrected.cs).
        var plain = TextNormalizer.Normalize(text); // the message as typed, folded (normalized is prepared: glosses put right)
        reading = EarlierStatementCorrected.Apply(reading, plain, rules);
        // The mention opinion first (per unit), then the kind opinion (per message) on what is left.
        reading = SecondOpinion?.Mentions is { } mentions ? mentions.Review(reading, normalized, index, DateExpressions.Today(now)) : reading;
        // The second opinion before the filters, so a progress question it adds gets its window and breakdown too.
        if (SecondOpinion is { } opinion)
        {
            var smallTalk = rules.SmallTalkOf(normalized) is not null;
            reading = opinion.Review(reading, normalized, index, reading.Actions.Count == 0 && smallTalk);
            // Kinds the classifier is sure of and the rules read nothing of: their frames from the message's parts, asked about.
            reading = opinion.Fill(reading, normalized, index, parser.RelaxedFrames, smallTalk);
            // Round 15: where the rules only fell back (a lookup, a policy question) or read nothing, a request kind it is sure of.
            reading = opinion.Retake(reading, normalized, index, parser.RelaxedRequest, smallTalk);
        }

        // A unit linked by sound only is offered as a question before anything is written for it.
        reading = HeardNames.Mark(reading, index.MentionsOf(normalized));
        // Round 11: general signals that a record may be wrong mark it doubtful (asked before it is written), after every reader.
        var signals = new List<(UnderstoodAction Action, IReadOnlyList<RecordDoubts.Signal> Signals)>();
        reading = RecordsDoubted ? doubts.Value.Apply(reading, normalized, DateExpressions.Today(now), (action, found) =>
        {
            signals.Add((action, found));
            DoubtsSeen?.Invoke(action, found);
        }) : reading;
        // Round 13: the learned doubt over the action, its signals and the message, on the records nothing doubted yet.
        reading = Learned is { } learned ? Doubt(reading, learned, signals, plain, normalized, index, DateExpressions.Today(now)) : reading;
        // Round 24: "算了，上一条当我没说", "上一条数字错了 …": a message that takes an earlier one back, after every reader and
        // filter; the correction it carries is understood as a message of its own, shorter than this one (TakeBack/).
        reading = TakeBack.EarlierMessageTakenBack.Apply(reading, plain, said => Understand(said, sender, now),
            said => [.. index.MentionsOf(said).Where(m => !m.IsGeneric && m.Length > 0).Select(m => (m.Start, m.End))]);
        return ProgressFilters.Apply(reading, normalized, sender, DateExpressions.Today(now), CampaignStart, KnownPeople);
    }

    /// <summary>The message as the parser reads it: normalised, voice fillers out, self-corrections applied.</summary>
    internal string Prepared(string? text, DateTimeOffset now) => Prepared(text, now, Index);

    private string Prepared(string? text, DateTimeOffset now, OrganizationIndex index)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (rules.SpokenFillers.ContainsAny(normalized))
        {
            // Voice input: fillers out, ledger names kept whole.
            normalized = SpokenFillers.Remove(normalized, rules.SpokenFillers, [.. index.MentionsOf(normalized).Select(m => (m.Start, m.End))]);
        }

        if (soundAlikes.Value is { } sounds)
        {
            // Speech recognition and IME slips (当员, 之部, 公会 + 成立): read as the vocabulary's words, names kept as written.
            normalized = sounds.Correct(normalized, said => [.. index.MentionsOf(said).Select(m => (m.Start, m.End))]);
        }

        // A party body or a post cut short ("单独建了党支 6个党员", "派了指导 王芳"): read as the word whole (CutNouns.cs).
        normalized = rules.CutNouns.Restore(normalized);
        // A name told by its characters ("是立早章的章丽"): the gloss out, the name kept, before a correction replaces a name.
        normalized = CharacterGlosses.Remove(normalized, rules.GlossRadicals);
        // A figure corrected about an earlier report ("上回报错了，不是三个，是四个"): read as the figure now.
        // Round 17: after "刚才说错了，" (the earlier message taken back) only the rest is read for an earlier report.
        var opening = Tokens.SelfCorrections.EarlierWrongClauseEnd(normalized, rules);
        normalized = opening > 0 ? string.Concat(normalized.AsSpan(0, opening), rules.EarlierReports.Rewrite(normalized[opening..])) : rules.EarlierReports.Rewrite(normalized);
        var retracted = rules.Undo.ContainsAny(normalized);
        if (retracted || Tokens.SelfCorrections.MayCorrect(normalized, rules))
        {
            // Self-corrections in mid-message ("发现一个流动党员 哦不是 是俩"): the message as meant, read once.
            var today = DateExpressions.Today(now);
            normalized = Tokens.SelfCorrections.Apply(normalized, rules, said => (
                [.. index.MentionsOf(said).Where(m => !m.IsGeneric).Select(m => (m.Start, m.End))],
                [.. DateExpressions.Find(said, today).Select(d => (d.Start, d.Start + d.Length))]), retracted);
        }

        // A note written as a form ("走访记录\n单位：顺达快递\n党员：3名"): the sentence it stands for (FormNotes.cs).
        if (rules.Forms.Rewrite(normalized, said => [.. index.MentionsOf(said).Where(m => !m.IsGeneric && m.Length > 0).Select(m => (m.Start, m.Length))]) is { } sentence)
        {
            normalized = sentence;
        }

        return normalized;
    }

    /// <summary>The ledger organisations a bare name ("云启科技") may mean: one id, several candidates, or none.</summary>
    public IReadOnlyList<int> FindOrganizations(string? text) =>
        Index.FindMentions(TextNormalizer.Normalize(text)).FirstOrDefault(m => !m.IsGeneric && !m.IsHeard) switch
        {
            { Organization: { } one } => [one.Id],
            { Candidates.Count: > 0 } ambiguous => [.. ambiguous.Candidates.Select(c => c.Id)],
            _ => [],
        };

    /// <summary>The kind of small talk ("greeting", "thanks", "presence", "ack", "laugh") when the text is only that ("你好", "谢谢 辛苦了"), else null.</summary>
    public string? SmallTalkOf(string? text) => rules.SmallTalkOf(TextNormalizer.Normalize(text));

    private sealed record IndexSnapshot(long Version, OrganizationIndex Index);
}
