using System.Text.Json;

namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>The classifier's probabilities for one message, by label (snake_case kind or <c>none</c>).</summary>
public sealed class IntentScores(IReadOnlyDictionary<string, int> labelIndex, float[] probabilities)
{
    public float Of(string label) => labelIndex.TryGetValue(label, out var i) ? probabilities[i] : 0f;

    /// <summary>A kind the model has no label for (trained before it existed) is not doubted: 1.</summary>
    public float Of(ActionKind kind) => labelIndex.ContainsKey(Label(kind)) ? Of(Label(kind)) : 1f;

    /// <summary>The most probable label.</summary>
    public string Top => labelIndex.MaxBy(p => probabilities[p.Value]).Key;

    public float TopProbability => probabilities.Length == 0 ? 0 : probabilities.Max();

    public static string Label(ActionKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
