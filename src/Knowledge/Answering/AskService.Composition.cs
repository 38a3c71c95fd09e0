using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// Round 18 (r18-qcompose): a question word held only inside an adverb, the bound a how-many question asks for, and an
/// answer that says each of its sentences once.
/// </summary>
public sealed partial class AskService
{
    /// <summary>What a term held only inside an adverb of the vocabulary (<see cref="OnlyInAdverb"/>) earns of its credit.</summary>
    public const double AdverbCredit = 0.5;

    /// <summary>The adverbs made of a noun and 上 (Resources/vocabulary.json, "adverb_words": 原则上, 基本上…), in match form.</summary>
    private static readonly Lazy<string[]> AdverbWords = new(() =>
        [.. (Vocabulary.LoadDefault().AdverbWords ?? []).Select(QuestionAnalyzer.MatchForm).Where(w => w.Length > 0)]);

    /// <summary>
    /// True when every place <paramref name="sentence"/> holds the term's words lies inside an adverb the question does not
    /// say itself: "要遵循什么原则" against "…原则上，每个联合党组织覆盖单位数不超过3个" (原则上 is "as a rule", no 原则 is
    /// stated), while "原则上最多覆盖几个单位" asks with the adverb and keeps it.
    /// </summary>
    private static bool OnlyInAdverb(KeyTerm term, string sentence, string questionForm)
    {
        var adverbs = AdverbWords.Value;
        var found = false;
        foreach (var word in term.Words)
        {
            if (word.Length == 0)
            {
                continue;
            }

            for (var at = sentence.IndexOf(word, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (!InAdverb(sentence, at, word.Length, adverbs, questionForm))
                {
                    return false;
                }

                found = true;
            }
        }

        return found;
    }

    private static bool InAdverb(string sentence, int at, int length, string[] adverbs, string questionForm)
    {
        foreach (var adverb in adverbs)
        {
            // Each place the adverb could start so that it covers [at, at + length).
            for (var start = Math.Max(0, at + length - adverb.Length); start <= at && start + adverb.Length <= sentence.Length; start++)
            {
                if (string.CompareOrdinal(sentence, start, adverb, 0, adverb.Length) == 0)
                {
                    return !questionForm.Contains(adverb, StringComparison.Ordinal);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The bound a how-many question asks for ("多少人以上就得建支部": 以上, the least; "几个以下": 以下, the most), null when it
    /// asks a plain figure. A sentence answers it with a count in that bound ("30人以上"), not with one of the other kind
    /// ("不超过50人").
    /// </summary>
    private static string? AskedBound(string questionForm) =>
        AskedBoundPattern().Match(questionForm) is { Success: true } m ? m.Groups["b"].Value : null;

    /// <summary>A count in <paramref name="unit"/> followed by the bound (以上 / 以下, "及以上" too).</summary>
    private static bool HasBoundedCount(string sentence, string unit, string bound) =>
        System.Text.RegularExpressions.Regex.IsMatch(sentence,
            @"(\d|[一二两三四五六七八九十百千])" + UnitPattern(unit) + "(及)?" + bound);

    [System.Text.RegularExpressions.GeneratedRegex("(多少|几)[个名位家]?(人|党员|职工|员工)?(及)?(?<b>以上|以下)")]
    private static partial System.Text.RegularExpressions.Regex AskedBoundPattern();

    /// <summary>
    /// The answer's parts, each said once: a part whose text another part already holds (the sibling that announces a list
    /// brings the list, and with it the best sentence, "即：排查一批。…亮出一批。深入开展…") is left out where it stands alone.
    /// </summary>
    private static List<string> Once(List<string> parts)
    {
        if (parts.Count < 2)
        {
            return parts;
        }

        var forms = parts.Select(p => TextCleaner.Normalize(p)).ToList();
        var kept = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var held = false;
            for (var j = 0; j < parts.Count && !held; j++)
            {
                // Of two equal parts the first stays.
                held = j != i && forms[j].Length >= forms[i].Length && forms[j].Contains(forms[i], StringComparison.Ordinal)
                    && (forms[j].Length > forms[i].Length || j < i);
            }

            if (!held)
            {
                kept.Add(parts[i]);
            }
        }

        return kept;
    }
}
