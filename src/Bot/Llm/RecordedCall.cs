using System.Text.Json;

namespace InstructorBot.Bot.Llm;

/// <summary>
/// A function call the model asked for, recorded by the dry-run kernel instead of run: the function's name and its
/// arguments as the model wrote them (JSON values), or null arguments where they were not JSON.
/// </summary>
public sealed record RecordedCall(string Function, IReadOnlyDictionary<string, JsonElement>? Arguments)
{
    /// <summary>The argument as text (a JSON string, or a number written as one); null when absent or null.</summary>
    public string? Text(string name) =>
        Arguments is not null && Arguments.TryGetValue(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        } : null;

    public JsonElement? Value(string name) =>
        Arguments is not null && Arguments.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;
}
