namespace InstructorBot.Knowledge.Answering;

// The parts of one match (coverage, precision, Dice) and how far a text says a word: what Best and Bound compute, apart so
// that the cheap parts can bound a bank question's score before its costly one is computed (round 23, r23-qspeed).
public sealed partial class BankMatcher
{
    /// <summary><see cref="BankMatch.Coverage"/>: the IDF share of the asking words the bank question says (the costly part: one search per word).</summary>
    private double Coverage(Reading reading, Cut cut)
    {
        Interlocked.Increment(ref matched);
        double asked = 0, said = 0;
        var askingIdf = reading.AskingIdf.Length == reading.AskingWords.Count ? reading.AskingIdf : [.. reading.AskingWords.Select(Idf)];
        for (var i = 0; i < reading.AskingWords.Count; i++)
        {
            asked += askingIdf[i];
            said += askingIdf[i] * Math.Max(Said(reading.AskingWords[i], cut.Form, cut.Words), ClassSaid(reading, reading.AskingWords[i], cut.Form));
        }

        return Share(reading, cut) * (asked > 0 ? said / asked : 0);
    }

    /// <summary><see cref="BankMatch.Precision"/>: the IDF share of the bank question's words the user's question says (each bank word looked at once per question).</summary>
    private static double Precision(Reading reading, Cut cut)
    {
        double bankSaid = 0;
        for (var i = 0; i < cut.Words.Length; i++)
        {
            bankSaid += cut.WordIdf[i] * SaysBankWord(reading, cut.WordIds[i], cut.Words[i]);
        }

        return Share(reading, cut) * (cut.IdfTotal > 0 ? bankSaid / cut.IdfTotal : 0);
    }

    /// <summary><see cref="BankMatch.Dice"/>: the bigrams the asking part and the bank question share.</summary>
    private static double Dice(Reading reading, Cut cut)
    {
        var shared = 0;
        foreach (var code in cut.Bigrams)
        {
            if (reading.Asks(code))
            {
                shared++;
            }
        }

        var sizes = reading.AskingCodes.Count + cut.Bigrams.Length;
        return Share(reading, cut) * (sizes > 0 ? 2.0 * shared / sizes : 0);
    }

    /// <summary>What a match counts for: all when the bank question asks for the kind of thing the user asks for (or the user asks for none).</summary>
    private static double Share(Reading reading, Cut cut) => reading.Kind != AnswerKind.Kind.None && cut.Kind != reading.Kind ? OtherKindShare : 1;

    /// <summary>
    /// The most <see cref="BankMatch.Score"/> can be with this precision and Dice: coverage at most the share times the
    /// largest credit a word can get (1, or a unit class's credit), F1 growing with coverage; above it by more than rounding.
    /// </summary>
    private static double ScoreAtMost(Reading reading, Cut cut, double precision, double dice)
    {
        var coverage = Share(reading, cut) * Math.Max(1, reading.LargestClassCredit);
        var f1 = coverage + precision <= 0 ? 0 : 2 * coverage * precision / (coverage + precision);
        return (f1 + dice) / 2 + BoundSlack;
    }

    /// <summary>
    /// How far a bank question says a unit type the user names (律所) by naming its class (社会组织, Resources/unit-classes.tsv):
    /// the bank's writers asked for the class, the user for one of its members. 0 for a word of no unit type.
    /// </summary>
    private static double ClassSaid(Reading reading, string word, string form) =>
        reading.UnitTypes.Count == 0 ? 0 : UnitClasses.Credit(reading.UnitTypes.GetValueOrDefault(word), form);

    /// <summary>A bigram as one number: two UTF-16 characters side by side.</summary>
    private static int Code(char first, char second) => first << 16 | second;

    /// <summary>Which of 256 bits stands for a bigram's code (Fibonacci hashing: the top 8 bits of the product).</summary>
    private static int FilterBit(int code) => (int)((uint)code * 2654435769u >> 24);

    /// <summary>
    /// <see cref="Said"/> against many words: the longest run of <paramref name="word"/> that is one of them gives the same
    /// share as the longest of them <paramref name="word"/> holds.
    /// </summary>
    private static double SaidAmong(string word, string form, HashSet<string> words, int longest, HashSet<int> bigrams)
    {
        if (!LacksBigram(word, bigrams) && form.Contains(word, StringComparison.Ordinal))
        {
            return 1;
        }

        // The whole word, were it one of them, would be written in the forms they are words of: shorter runs only.
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(word.Length - 1, longest); length > 0; length--)
        {
            for (var at = 0; at + length <= word.Length; at++)
            {
                if (lookup.Contains(word.AsSpan(at, length)))
                {
                    return (double)length / word.Length;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// True when a pair of letters or digits of <paramref name="word"/> is none of <paramref name="bigrams"/>, the bigrams of
    /// every text of a form (<see cref="Bigrams"/>): the form cannot write the word, and is not searched for it.
    /// </summary>
    private static bool LacksBigram(string word, HashSet<int> bigrams)
    {
        for (var i = 0; i + 1 < word.Length; i++)
        {
            if (char.IsLetterOrDigit(word[i]) && char.IsLetterOrDigit(word[i + 1]) && !bigrams.Contains(Code(word[i], word[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How far a text says a word: 1 when it writes it (as a word or inside a longer one: "报" in "报上去"), else the share of
    /// the longer of the two that a word of the text and the word share when one holds the other ("报上去" by "报": 1/3).
    /// </summary>
    private static double Said(string word, string form, IReadOnlyList<string> words)
    {
        if (form.Contains(word, StringComparison.Ordinal))
        {
            return 1;
        }

        var best = 0.0;
        for (var i = 0; i < words.Count; i++)
        {
            // Only a shorter word can lie inside it: one as long would be the word itself, which the text writes.
            var other = words[i];
            if (other.Length < word.Length && word.Contains(other, StringComparison.Ordinal))
            {
                best = Math.Max(best, (double)other.Length / word.Length);
            }
        }

        return best;
    }
}
