namespace InstructorBot.Bot.Understanding;

/// <summary>A set of words found in text by leftmost-longest match, indexed by first character.</summary>
internal sealed class KeywordSet
{
    private readonly Dictionary<char, string[]> byFirst;

    /// <summary>
    /// The first characters as a 4,096-bit filter (a character's low 12 bits): most characters of a message start no word
    /// of a set, and a bit test turns them away before the dictionary lookup. Every scan of every word class goes through it.
    /// </summary>
    private readonly ulong[] firstFilter = new ulong[64];

    public KeywordSet(IEnumerable<string> words)
    {
        byFirst = words.Where(w => w.Length > 0)
            .Select(TextNormalizer.NormalizeName)
            .Where(w => w.Length > 0)
            .Distinct()
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());
        foreach (var first in byFirst.Keys)
        {
            firstFilter[(first & 0xFFF) >> 6] |= 1UL << (first & 63);
        }
    }

    private bool MayStart(char c) => (firstFilter[(c & 0xFFF) >> 6] & (1UL << (c & 63))) != 0;

    /// <summary>The longest word that starts at <paramref name="position"/> and ends by <paramref name="end"/>, or null.</summary>
    public string? MatchAt(string text, int position, int end = int.MaxValue)
    {
        end = Math.Min(end, text.Length);
        if (position < 0 || position >= end || !MayStart(text[position]) || !byFirst.TryGetValue(text[position], out var words))
        {
            return null;
        }

        foreach (var word in words)
        {
            if (position + word.Length <= end && text.AsSpan(position, word.Length).SequenceEqual(word))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>Every occurrence in [start, end), leftmost-longest, not overlapping.</summary>
    public List<(int Position, string Word)> FindAll(string text, int start = 0, int end = int.MaxValue)
    {
        end = Math.Min(end, text.Length);
        var found = new List<(int, string)>();
        for (var i = Math.Max(start, 0); i < end; i++)
        {
            if (MatchAt(text, i, end) is { } word)
            {
                found.Add((i, word));
                i += word.Length - 1;
            }
        }

        return found;
    }

    public (int Position, string Word)? FindFirst(string text, int start = 0, int end = int.MaxValue)
    {
        end = Math.Min(end, text.Length);
        for (var i = Math.Max(start, 0); i < end; i++)
        {
            if (MatchAt(text, i, end) is { } word)
            {
                return (i, word);
            }
        }

        return null;
    }

    /// <summary>
    /// The first occurrence <see cref="FindAll"/> gives in [start, end) whose word <paramref name="keep"/> accepts (with
    /// <paramref name="state"/>), or null: the same answer as <c>FindAll(...).First(keep)</c>, without the list.
    /// </summary>
    public (int Position, string Word)? FindFirst<TState>(string text, int start, int end, TState state, Func<TState, string, bool> keep)
    {
        end = Math.Min(end, text.Length);
        for (var i = Math.Max(start, 0); i < end; i++)
        {
            if (MatchAt(text, i, end) is { } word)
            {
                if (keep(state, word))
                {
                    return (i, word);
                }

                i += word.Length - 1;
            }
        }

        return null;
    }

    /// <summary>True when an occurrence <see cref="FindAll"/> gives in [start, end) covers <paramref name="position"/>, without the list.</summary>
    public bool Covers(string text, int start, int end, int position)
    {
        end = Math.Min(end, text.Length);
        for (var i = Math.Max(start, 0); i < end && i <= position; i++)
        {
            if (MatchAt(text, i, end) is { } word)
            {
                if (position < i + word.Length)
                {
                    return true;
                }

                i += word.Length - 1;
            }
        }

        return false;
    }

    public bool ContainsAny(string text, int start = 0, int end = int.MaxValue) => FindFirst(text, start, end) is not null;

    /// <summary>The length of the longest word ending exactly at <paramref name="end"/>, or 0.</summary>
    public int LongestEndingAt(string text, int end)
    {
        var longest = 0;
        for (var i = end - 1; i >= 0 && end - i <= 12; i--)
        {
            if (MayStart(text[i]) && byFirst.TryGetValue(text[i], out var words) && EndsExactly(words, text, i, end))
            {
                longest = end - i;
            }
        }

        return longest;
    }

    /// <summary>True when some word ends exactly at <paramref name="end"/> (and starts at or after <paramref name="start"/>).</summary>
    public bool EndsAt(string text, int end, int start = 0)
    {
        for (var i = end - 1; i >= Math.Max(start, 0) && end - i <= 12; i--)
        {
            if (MayStart(text[i]) && byFirst.TryGetValue(text[i], out var words) && EndsExactly(words, text, i, end))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsExactly(string[] words, string text, int start, int end)
    {
        foreach (var word in words)
        {
            if (start + word.Length == end && text.AsSpan(start, word.Length).SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }
}
