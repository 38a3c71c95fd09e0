using System.Text.Json;

namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// One training message for the intent classifier: its text with organisation names masked (<see cref="IntentText"/>)
/// and the action kinds its gold names (snake_case as in the contract; <c>none</c> when it asks for nothing).
/// </summary>
public sealed record IntentExample(string Text, IReadOnlyList<string> Kinds)
{
    /// <summary>The label of a message that asks for nothing (small talk, a plan, a negated report).</summary>
    public const string None = "none";

    private const string ResourceName = "InstructorBot.Bot.Understanding.Opinion.intent-examples.jsonl";

    /// <summary>The shipped training data (embedded; generated from the project's own and development cases).</summary>
    public static IReadOnlyList<IntentExample> Shipped() => Parse(ShippedBytes());

    /// <summary>The embedded file as bytes: the model cache is keyed by their hash.</summary>
    public static byte[] ShippedBytes() => OpinionFiles.EmbeddedBytes(ResourceName);

    /// <summary>JSON lines of <c>{"text": "...", "kinds": ["visit", ...]}</c>.</summary>
    public static IReadOnlyList<IntentExample> Parse(byte[] jsonLines) => OpinionFiles.ParseLines(jsonLines, row =>
    {
        var text = row.GetProperty("text").GetString() ?? "";
        var kinds = row.GetProperty("kinds").EnumerateArray().Select(k => k.GetString() ?? None).ToList();
        return new IntentExample(text, kinds.Count == 0 ? [None] : kinds);
    });

    /// <summary>One JSON line for the file.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(new { text = Text, kinds = Kinds }, JsonLine);

    private static readonly JsonSerializerOptions JsonLine = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
