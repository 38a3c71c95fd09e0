namespace InstructorBot.Bot.Understanding;

/// <summary>
/// A learned doubt: a logistic classifier of p(this recording action is wrong) over <see cref="DoubtFeatures"/>, trained
/// offline (tools/learned-doubt.py, leave-one-writer-batch-out over blind a–ac, labels from tools/write-safety.py) and
/// shipped as weights (learned-doubt.json, embedded). A record it gives at least <see cref="Threshold"/> is marked
/// <see cref="UnderstoodAction.Doubtful"/>: the conversation shows it and asks before writing, the JSON carries
/// <c>"confirm": true</c>; nothing is dropped or changed ("a wrong record is worse than a question"; docs/understanding.md,
/// round 13, r13-safety). Pure and thread-safe.
/// </summary>
public sealed class LearnedDoubt
{
    private const string ResourceName = "InstructorBot.Bot.Understanding.learned-doubt.json";

    private readonly LogisticWeights model;

    public LearnedDoubt(IReadOnlyDictionary<string, double> weights, double bias, double threshold)
        : this(new LogisticWeights(weights, bias), threshold)
    {
    }

    private LearnedDoubt(LogisticWeights model, double threshold)
    {
        this.model = model;
        Threshold = threshold;
    }

    /// <summary>A record whose probability of being wrong is at least this asks first (chosen held out by the trainer).</summary>
    public double Threshold { get; init; }

    /// <summary>The shipped weights (learned-doubt.json, embedded in the assembly).</summary>
    public static LearnedDoubt Shipped() => Shipped(threshold: null);

    /// <summary>The shipped weights with another threshold (null: the shipped one): to measure the trade-off.</summary>
    public static LearnedDoubt Shipped(double? threshold)
    {
        var (model, shipped) = LogisticWeights.Embedded(ResourceName, "threshold");
        return new LearnedDoubt(model, threshold ?? shipped);
    }

    /// <summary>Weights as the trainer writes them: <c>{"bias": b, "threshold": t, "weights": {"feature": w, …}}</c>.</summary>
    public static LearnedDoubt Load(Stream json)
    {
        var (model, threshold) = LogisticWeights.Load(json, "threshold");
        return new LearnedDoubt(model, threshold);
    }

    /// <summary>The probability that the action these features describe is wrong.</summary>
    public double Probability(IEnumerable<string> features) => model.Probability(features);

    /// <summary>Whether a record of these features asks first.</summary>
    public bool Doubts(IEnumerable<string> features) => Probability(features) >= Threshold;
}
