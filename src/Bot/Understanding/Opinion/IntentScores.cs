using System.Text.Json;

namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>The classifier's probabilities for one message, by label (snake_case kind or <c>none</c>).</summary>
public sealed class IntentScores(IReadOnlyDictionary<string, int> labelIndex, float[] probabilities)
{
    public float Of(string label) => labelIndex.TryGetValue(label, out var i) ? probabilities[i] : 0f;

    /// <summary>A kind the model has no label for (trained before it existed) is not doubted: 1.</summary>
    public float Of(ActionKind kind) => labelIndex.TryGetValue(Label(kind), out var i) ? probabilities[i] : 1f;

    /// <summary>The most probable label.</summary>
    public string Top => top ??= labelIndex.MaxBy(p => probabilities[p.Value]).Key;

    // The scores do not change once made (the scorer makes a new array a message); the opinion and the learned doubt ask
    // for the top label per action.
    private string? top;

    public float TopProbability => probabilities.Length == 0 ? 0 : probabilities.Max();

    public static string Label(ActionKind kind) =>
        (int)kind >= 0 && (int)kind < Labels.Length && Labels[(int)kind] is { } known ? known : SnakeCase(kind);

    // Every kind's label made once (was a new string per call: several calls per action a message).
    private static readonly string?[] Labels = MakeLabels();

    private static string?[] MakeLabels()
    {
        var kinds = Enum.GetValues<ActionKind>();
        var labels = new string?[kinds.Max(k => (int)k) + 1];
        foreach (var kind in kinds.Where(k => (int)k >= 0))
        {
            labels[(int)kind] = SnakeCase(kind);
        }

        return labels;
    }

    private static string SnakeCase(ActionKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
