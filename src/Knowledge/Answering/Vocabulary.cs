using System.Text.Json;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// The words question analysis needs, as data: synonym groups, question words, generic campaign terms, and the words the
/// documents use for a verb a question says in one character ("怎么选" → 选举/选拔/产生), and the words that make a clause
/// ask (什么, 怎么, 几, 吗…) rather than tell, and the nouns that name the kind of answer asked for rather than its subject
/// ("要走哪些程序", "有没有具体标准", "需要什么条件": 程序, 标准, 条件), which are no asking word of <see cref="FocusCoverage"/>,
/// and the modals that ask whether before 有 ("能有80人吗": 能, 会, 得), which are no content word, and the adverbs made of a
/// noun and 上 ("原则上", "基本上": "in principle", "mostly"), which say how, not the noun: a sentence holding 原则 only in
/// 原则上 does not speak of a 原则.
/// </summary>
public sealed record Vocabulary(
    IReadOnlyList<IReadOnlyList<string>> Synonyms,
    IReadOnlyList<string> QuestionWords,
    IReadOnlyList<string> GenericWords,
    IReadOnlyList<string> QuantityWords,
    IReadOnlyList<string> TimeWords,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? LoneWords = null,
    IReadOnlyList<string>? KeptWords = null,
    IReadOnlyList<string>? Interrogatives = null,
    IReadOnlyList<string>? AnswerKindWords = null,
    IReadOnlyList<string>? ModalWords = null,
    IReadOnlyList<string>? AdverbWords = null)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The vocabulary shipped inside the assembly (Resources/vocabulary.json).</summary>
    public static Vocabulary LoadDefault()
    {
        using var stream = typeof(Vocabulary).Assembly.GetManifestResourceStream("InstructorBot.Knowledge.vocabulary.json")
            ?? throw new InvalidOperationException("vocabulary.json resource missing");
        return JsonSerializer.Deserialize<Vocabulary>(stream, Json) ?? throw new InvalidOperationException("vocabulary.json is empty");
    }
}
