using System.Text.Json;

namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// One training message for the mention classifier: its masked text (<see cref="MentionText"/>) and, for each mention,
/// the gold action kinds whose organisation is that unit (<see cref="MentionModel.Kinds"/>; none: empty).
/// </summary>
public sealed record MentionExample(string Text, IReadOnlyList<int> At, IReadOnlyList<IReadOnlyList<string>> Kinds)
{
    private const string ResourceName = "InstructorBot.Bot.Understanding.Opinion.mention-examples.jsonl";

    public MentionText Masked => new(Text, At);

    /// <summary>The shipped training data (embedded; generated from every labelled case, see docs/understanding.md).</summary>
    public static IReadOnlyList<MentionExample> Shipped() => Parse(ShippedBytes());

    /// <summary>The embedded file as bytes: the model cache is keyed by their hash.</summary>
    public static byte[] ShippedBytes() => OpinionFiles.EmbeddedBytes(ResourceName);

    /// <summary>JSON lines of <c>{"text": "今天走访了○", "mentions": [{"at": 5, "kinds": ["visit"]}]}</c>.</summary>
    public static IReadOnlyList<MentionExample> Parse(byte[] jsonLines) => OpinionFiles.ParseLines(jsonLines, row =>
    {
        var text = row.GetProperty("text").GetString() ?? "";
        var at = new List<int>();
        var kinds = new List<IReadOnlyList<string>>();
        foreach (var mention in row.GetProperty("mentions").EnumerateArray())
        {
            at.Add(mention.GetProperty("at").GetInt32());
            kinds.Add([.. mention.GetProperty("kinds").EnumerateArray().Select(k => k.GetString() ?? "")]);
        }

        return new MentionExample(text, at, kinds);
    });

    /// <summary>
    /// The example of a normalised message whose units are <paramref name="units"/> (<see cref="MentionOpinion.Units"/>),
    /// each mention labelled with <paramref name="kindsOf"/> its unit (kinds outside <see cref="MentionModel.Kinds"/> left out).
    /// </summary>
    public static MentionExample From(string normalized, IReadOnlyList<MentionOpinion.Unit> units, Func<MentionOpinion.Unit, IEnumerable<string>> kindsOf)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(kindsOf);
        var spans = units.SelectMany(u => u.Spans.Select(s => (s.Start, s.End, Unit: u))).OrderBy(s => s.Start).ToList();
        var text = MentionText.Mask(normalized, [.. spans.Select(s => (s.Start, s.End))]);
        var kinds = spans.Select(s => (IReadOnlyList<string>)[.. kindsOf(s.Unit).Where(MentionModel.Kinds.Contains).Distinct().Order(StringComparer.Ordinal)]).ToList();
        return new MentionExample(text.Text, text.At, kinds);
    }

    /// <summary>One JSON line for the file.</summary>
    public string ToJsonLine() =>
        JsonSerializer.Serialize(new { text = Text, mentions = At.Select((a, i) => new { at = a, kinds = Kinds[i] }) }, JsonLine);

    private static readonly JsonSerializerOptions JsonLine = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
