namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// Reads a message with the intent classifier and marks each recording action of the rules' reading whose kind the
/// classifier finds unlikely as <see cref="UnderstoodAction.Doubtful"/>, so the conversation asks before writing it.
/// It never adds, drops or changes an action: the rules' reading stands, with its doubts. Runs only on readings that
/// hold a recording action (a reading without one has nothing to doubt), so queries and small talk pay nothing.
/// Thread-safe; the model is trained or loaded on first use.
/// </summary>
public sealed class SecondOpinion(Func<IntentModel> model, float threshold = SecondOpinionOptions.DefaultThreshold)
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
        return new SecondOpinion(() => IntentModelCache.Shipped(folder, log), options.Threshold);
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
                return loaded ??= model();
            }
        }
    }

    /// <summary>The rules' reading with its doubtful recording actions marked.</summary>
    public UnderstandingResult Review(UnderstandingResult reading, string normalized, OrganizationIndex? index)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!reading.Actions.Any(a => a.IsRecord))
        {
            return reading;
        }

        var scores = Score(normalized, index);
        if (!reading.Actions.Any(a => a.IsRecord && Doubts(a.Kind, scores)))
        {
            return reading;
        }

        return reading with
        {
            Actions = [.. reading.Actions.Select(a => a.IsRecord && Doubts(a.Kind, scores) ? a with { Doubtful = true } : a)],
        };
    }

    /// <summary>The classifier's probabilities for a normalised message.</summary>
    public IntentScores Score(string normalized, OrganizationIndex? index) =>
        Model.Score(IntentText.Prepare(normalized ?? "", index));

    public bool Doubts(ActionKind kind, IntentScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Of(kind) < threshold;
    }
}
