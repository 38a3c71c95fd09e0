namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// The mention classifier's features, as 64-bit hashes (no strings made per message): character 1–3-grams of the clause
/// around the mention, of 6 characters left and right of it, and the 1–3 characters right beside it; the word classes
/// (<see cref="MentionWordClasses"/>) before or after it in its clause, right beside it, or elsewhere in the message;
/// where it stands among the mentions and clauses; and the message's character 1–2-grams (shared by its mentions).
/// </summary>
public sealed class MentionFeatures(MentionWordClasses classes)
{
    /// <summary>Changes when the features change (the cache key).</summary>
    public const string Recipe = "clause1-3/win6/adj1-3/class-regions/pos/msg1-2/v1";

    private const int Window = 6;
    private const int ClauseReach = 20;
    private const int Adjacent = 3;

    public MentionWordClasses Classes => classes;

    /// <summary>The features every mention of the message shares.</summary>
    public static void Message(MentionText text, List<ulong> features)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(features);
        var s = text.Text.AsSpan();
        for (var n = 1; n <= 2; n++)
        {
            for (var i = 0; i + n <= s.Length; i++)
            {
                features.Add(Hash('M', s.Slice(i, n)));
            }
        }
    }

    /// <summary>The word classes found in the message (once per message, for <see cref="Mention"/>).</summary>
    public void FindClasses(MentionText text, List<(int Start, int End, int Classes)> found)
    {
        ArgumentNullException.ThrowIfNull(text);
        classes.Find(text.Text, found);
    }

    /// <summary>The features of mention <paramref name="index"/> (beside the message's).</summary>
    public void Mention(MentionText text, int index, List<(int Start, int End, int Classes)> found, List<ulong> features)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(features);
        var source = text.Text;
        var t = text.At[index];
        Span<char> buffer = source.Length <= 512 ? stackalloc char[source.Length] : new char[source.Length];
        source.AsSpan().CopyTo(buffer);
        buffer[t] = MentionText.Target;
        ReadOnlySpan<char> s = buffer;

        var start = t;
        while (start > 0 && t - start < ClauseReach && !IsSeparator(s[start - 1]))
        {
            start--;
        }

        var end = t + 1;
        while (end < s.Length && end - t <= ClauseReach && !IsSeparator(s[end]))
        {
            end++;
        }

        Grams(features, 'C', s[start..end], 3);
        Grams(features, 'L', s[Math.Max(0, t - Window)..t], 3);
        Grams(features, 'R', s[(t + 1)..Math.Min(s.Length, t + 1 + Window)], 3);
        for (var n = 1; n <= Adjacent; n++)
        {
            features.Add(t - n >= 0 ? Hash((char)('0' + n), s[(t - n)..t]) : Hash((char)('0' + n), "^"));
            features.Add(t + 1 + n <= s.Length ? Hash((char)('3' + n), s[(t + 1)..(t + 1 + n)]) : Hash((char)('3' + n), "$"));
        }

        foreach (var (from, to, bits) in found)
        {
            int region;
            if (from >= start && to <= end)
            {
                region = to <= t ? (t - to < Adjacent ? 0 : 1) : from > t ? (from - t <= Adjacent ? 2 : 3) : 4;
            }
            else
            {
                region = to <= t ? 5 : 6;
            }

            for (var c = 0; c < classes.Count; c++)
            {
                if ((bits & (1 << c)) != 0)
                {
                    features.Add(Hash('K', c, region));
                    if (region is 0 or 1 or 2 or 3)
                    {
                        // In the clause at all, whichever side.
                        features.Add(Hash('K', c, 7));
                    }
                }
            }
        }

        var count = text.At.Count;
        var inClause = 0;
        foreach (var other in text.At)
        {
            if (other != t && other >= start && other < end)
            {
                inClause++;
            }
        }

        var clauseIndex = 0;
        for (var i = 0; i < t; i++)
        {
            if (IsSeparator(s[i]))
            {
                clauseIndex++;
            }
        }

        features.Add(Hash('P', 0, Math.Min(count, 3)));
        features.Add(Hash('P', 1, index == 0 ? 0 : index == count - 1 ? 1 : 2));
        features.Add(Hash('P', 2, Math.Min(inClause, 2)));
        features.Add(Hash('P', 3, Math.Min(clauseIndex, 3)));
        features.Add(Hash('P', 4, (t == 0 ? 1 : 0) + (t == s.Length - 1 ? 2 : 0)));
    }

    private static bool IsSeparator(char c) => c is '，' or '。' or '；' or '！' or '？' or ',' or ';' or '!' or '?' or '\n' or '：' or ':' or '…';

    private static void Grams(List<ulong> features, char tag, ReadOnlySpan<char> s, int longest)
    {
        for (var n = 1; n <= longest; n++)
        {
            for (var i = 0; i + n <= s.Length; i++)
            {
                features.Add(Hash(tag, s.Slice(i, n)));
            }
        }
    }

    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private static ulong Hash(char tag, ReadOnlySpan<char> s)
    {
        var h = (Offset ^ tag) * Prime;
        foreach (var c in s)
        {
            h = (h ^ c) * Prime;
        }

        // Length last, so "ab" as a 2-gram and an "a","b" pair cannot meet.
        return (h ^ (ulong)s.Length) * Prime;
    }

    private static ulong Hash(char tag, int a, int b) => (((((Offset ^ tag) * Prime) ^ (ulong)(a + 1)) * Prime ^ (ulong)(b + 1000)) * Prime) ^ 0x9E3779B97F4A7C15UL;
}
