namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Round 14 (r14-ufilter): the rules propose, a learned filter disposes. A logistic classifier of p(this recording action
/// is a record the message does not give) — background told as news, a plan, a pending step, someone else's act, a
/// question read as a record — over <see cref="DoubtFeatures"/> with <see cref="ClauseFeatures"/>, trained offline
/// (tools/action-filter.py, leave-one-writer-batch-out over the own cases and blind a–af, labels as tools/write-safety.py
/// judges "extra") and shipped as weights (action-filter.json, embedded). An action it gives at least <see cref="Drop"/>
/// is dropped: the threshold was fixed by a rule stated before any held-out figure (precision of the drops ≥ 0.9 on
/// out-of-fold probabilities). Asking stays with <see cref="LearnedDoubt"/>. A dot product per recording action. Pure.
/// </summary>
public sealed class ActionFilter
{
    private const string ResourceName = "InstructorBot.Bot.Understanding.action-filter.json";

    private readonly LogisticWeights model;

    public ActionFilter(IReadOnlyDictionary<string, double> weights, double bias, double drop)
        : this(new LogisticWeights(weights, bias), drop)
    {
    }

    private ActionFilter(LogisticWeights model, double drop)
    {
        this.model = model;
        Drop = drop;
    }

    /// <summary>An action whose probability of being a record the message does not give is at least this is dropped (above 1: none).</summary>
    public double Drop { get; init; }

    /// <summary>The shipped weights (action-filter.json, embedded in the assembly).</summary>
    public static ActionFilter Shipped() => Shipped(drop: null);

    /// <summary>The shipped weights with another drop threshold (null: the shipped one): to measure the trade-off.</summary>
    public static ActionFilter Shipped(double? drop)
    {
        var (model, shipped) = LogisticWeights.Embedded(ResourceName, "drop");
        return new ActionFilter(model, drop ?? shipped);
    }

    /// <summary>Weights as the trainer writes them: <c>{"bias": b, "drop": t, "weights": {"feature": w, …}}</c>.</summary>
    public static ActionFilter Load(Stream json)
    {
        var (model, drop) = LogisticWeights.Load(json, "drop");
        return new ActionFilter(model, drop);
    }

    /// <summary>The probability that the action these features describe is a record the message does not give.</summary>
    public double Probability(IEnumerable<string> features) => model.Probability(features);

    /// <summary>Whether an action of these features is dropped.</summary>
    public bool Drops(IEnumerable<string> features) => Probability(features) >= Drop;
}
