namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The campaign's nouns that users type as their pinyin initials on a phone (dy5 = 党员5, 党dzb = 党支部): a run of Latin letters,
/// whole (no letter on either side), that is one of them becomes the noun. Each noun has as many characters as its initials, so
/// the text keeps its length and every position stays valid (<see cref="TextNormalizer.Normalize"/>). Only initials with no
/// other common reading in these messages: zb (直播 as often as 支部), sj (时间, 设计) and zg (中国, 整改) are left alone.
/// </summary>
internal static class PinyinInitialisms
{
    private static readonly Dictionary<string, string> Nouns = new(StringComparer.Ordinal)
    {
        ["dy"] = "党员",
        ["dj"] = "党建",
        ["dzb"] = "党支部",
        ["dzz"] = "党组织",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Nouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Replaces, in place, every whole run of lower-case letters that is a known initialism.</summary>
    public static void Expand(Span<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] is < 'a' or > 'z')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] is >= 'a' and <= 'z')
            {
                i++;
            }

            var length = i - start;
            if (length is 2 or 3 && Lookup.TryGetValue(text[start..i], out var noun))
            {
                noun.AsSpan().CopyTo(text[start..]);
            }
        }
    }
}
