using System.Text.Json;

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

    private readonly IReadOnlyDictionary<string, double> weights;
    private readonly double bias;

    public LearnedDoubt(IReadOnlyDictionary<string, double> weights, double bias, double threshold)
    {
        this.weights = weights ?? throw new ArgumentNullException(nameof(weights));
        this.bias = bias;
        Threshold = threshold;
    }

    /// <summary>A record whose probability of being wrong is at least this asks first (chosen held out by the trainer).</summary>
    public double Threshold { get; init; }

    /// <summary>The shipped weights (learned-doubt.json, embedded in the assembly).</summary>
    public static LearnedDoubt Shipped() => Shipped(threshold: null);

    /// <summary>The shipped weights with another threshold (null: the shipped one): to measure the trade-off.</summary>
    public static LearnedDoubt Shipped(double? threshold)
    {
        using var stream = typeof(LearnedDoubt).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        var doubt = Load(stream);
        return threshold is { } t ? new LearnedDoubt(doubt.weights, doubt.bias, t) : doubt;
    }

    /// <summary>Weights as the trainer writes them: <c>{"bias": b, "threshold": t, "weights": {"feature": w, …}}</c>.</summary>
    public static LearnedDoubt Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var weights = root.GetProperty("weights").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        return new LearnedDoubt(weights, root.GetProperty("bias").GetDouble(), root.GetProperty("threshold").GetDouble());
    }

    /// <summary>The probability that the action these features describe is wrong.</summary>
    public double Probability(IEnumerable<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var z = bias + features.Distinct(StringComparer.Ordinal).Sum(f => weights.TryGetValue(f, out var w) ? w : 0);
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Whether a record of these features asks first.</summary>
    public bool Doubts(IEnumerable<string> features) => Probability(features) >= Threshold;
}
