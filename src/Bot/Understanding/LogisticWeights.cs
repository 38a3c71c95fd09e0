using System.Text.Json;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// A logistic model over named binary features, as tools/learned-doubt.py and tools/action-filter.py write it:
/// <c>{"bias": b, "&lt;threshold name&gt;": t, "weights": {"feature": w, …}}</c>, embedded in the assembly. Shared by
/// <see cref="LearnedDoubt"/> and <see cref="ActionFilter"/>, which differ only in what their threshold decides. Pure.
/// </summary>
internal sealed class LogisticWeights(IReadOnlyDictionary<string, double> weights, double bias)
{
    private readonly IReadOnlyDictionary<string, double> weights = weights ?? throw new ArgumentNullException(nameof(weights));

    /// <summary>The model and the threshold stored under <paramref name="thresholdName"/>.</summary>
    public static (LogisticWeights Model, double Threshold) Load(Stream json, string thresholdName)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var weights = root.GetProperty("weights").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        return (new LogisticWeights(weights, root.GetProperty("bias").GetDouble()), root.GetProperty(thresholdName).GetDouble());
    }

    /// <summary>The model embedded as <paramref name="resourceName"/>.</summary>
    public static (LogisticWeights Model, double Threshold) Embedded(string resourceName, string thresholdName)
    {
        using var stream = typeof(LogisticWeights).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded resource {resourceName} is missing");
        return Load(stream, thresholdName);
    }

    /// <summary>The logistic of the bias plus the weights of the distinct features named.</summary>
    public double Probability(IEnumerable<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        // Summed in the order the features first occur, as Distinct + Sum did, so the probability is the same to the bit;
        // the set that skips repeats is the thread's own, cleared after use (it was a new set a call, on every record read).
        var seen = distinct ??= new HashSet<string>(StringComparer.Ordinal);
        var sum = 0.0;
        try
        {
            if (features is IReadOnlyList<string> list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (seen.Add(list[i]))
                    {
                        sum += Weight(list[i]);
                    }
                }
            }
            else
            {
                foreach (var feature in features)
                {
                    if (seen.Add(feature))
                    {
                        sum += Weight(feature);
                    }
                }
            }
        }
        finally
        {
            seen.Clear();
        }

        var z = bias + sum;
        return 1 / (1 + Math.Exp(-z));
    }

    private double Weight(string feature) => weights.TryGetValue(feature, out var w) ? w : 0;

    [ThreadStatic]
    private static HashSet<string>? distinct;
}
