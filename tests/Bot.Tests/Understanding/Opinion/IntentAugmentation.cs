using System.Text;
using System.Text.RegularExpressions;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// Training-data augmentation from the vocabulary's word classes: in a prepared own message, a word of a class (visit
/// verbs, discovery verbs, formation verbs, staff words, relative dates) is replaced by another word of the same class,
/// masked figures by spoken numerals, and a spoken filler is put in front of a clause. The gold kind set does not change
/// under such substitutions. Organisation names are already one mark (<see cref="IntentText"/>), so they need none.
/// </summary>
internal static partial class IntentAugmentation
{
    private static readonly string[] Dates = ["今天", "昨天", "前天", "大前天", "上周五", "这周二", "上礼拜三", "上午", "下午", "刚才", "十一月三十号"];

    private static readonly string[] Numerals = ["仨", "俩", "五", "十二", "二十", "三十二", "八十五", "一百七", "二百一", "三百二"];

    public static IEnumerable<IntentExample> Variants(IReadOnlyList<IntentExample> examples, Vocabulary vocabulary, int seed, int perExample = 1)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var random = new Random(seed);
        string[][] classes =
        [
            Longer(vocabulary.VisitVerbs),
            Longer(vocabulary.DiscoveryVerbs),
            Longer(vocabulary.FormationVerbs),
            Longer(vocabulary.EmployeeWords),
            Dates,
        ];
        var fillers = vocabulary.SpokenFillers.Where(f => f.Length >= 1).ToArray();
        foreach (var example in examples)
        {
            for (var n = 0; n < perExample; n++)
            {
                var text = example.Text;
                foreach (var words in classes)
                {
                    if (random.NextDouble() < 0.8)
                    {
                        text = Substitute(text, words, random);
                    }
                }

                text = Figures().Replace(text, _ => random.NextDouble() < 0.6 ? Numerals[random.Next(Numerals.Length)] : "0");
                if (fillers.Length > 0 && random.NextDouble() < 0.6)
                {
                    text = InsertFiller(text, fillers[random.Next(fillers.Length)], random);
                }

                if (text != example.Text)
                {
                    yield return example with { Text = text };
                }
            }
        }
    }

    private static string[] Longer(IReadOnlyList<string> words) => [.. words.Where(w => w.Length >= 2).Distinct()];

    /// <summary>The longest word of the class found first in the text, replaced by another of the class.</summary>
    private static string Substitute(string text, string[] words, Random random)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var found = words.Where(w => string.CompareOrdinal(text, i, w, 0, w.Length) == 0).MaxBy(w => w.Length);
            if (found is not null)
            {
                var other = words[random.Next(words.Length)];
                return string.Concat(text.AsSpan(0, i), other, text.AsSpan(i + found.Length));
            }
        }

        return text;
    }

    private static string InsertFiller(string text, string filler, Random random)
    {
        var boundaries = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ' ' or ',' or '，' or '。' or ';')
            {
                boundaries.Add(i + 1);
            }
        }

        var at = boundaries[random.Next(boundaries.Count)];
        return new StringBuilder(text).Insert(at, filler + " ").ToString();
    }

    [GeneratedRegex("0+")]
    private static partial Regex Figures();
}
