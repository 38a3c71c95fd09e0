namespace InstructorBot.Bot.Understanding;

// Full names written with a legal form ("深圳市新锐物流有限公司"): where they start and end, staff words, names
// joined by 和/与, and the longest known tail.
public sealed partial class OrganizationIndex
{
    /// <summary>Names written in full with a legal form ("深圳市新锐物流有限公司"): linked when the ledger has them, else kept as written.</summary>
    private void FindFullNames(string text, List<OrganizationMention> mentions, bool[] covered)
    {
        // A social organisation's kind ("深圳市龙岗区青年创业促进会") ends a full name too, when a region word starts it.
        // The two suffix classes one after the other, each walked in order (was a Select and a Concat per lookup).
        foreach (var (position, suffix) in legalSuffixes.FindAll(text))
        {
            FullNameAt(text, position, suffix, false, mentions, covered);
        }

        foreach (var (position, suffix) in InstitutionSuffixesOverlapping(text))
        {
            FullNameAt(text, position, suffix, true, mentions, covered);
        }
    }

    /// <summary>The full name that ends with <paramref name="suffix"/> at <paramref name="position"/>, added when found.</summary>
    private void FullNameAt(string text, int position, string suffix, bool needsRegion, List<OrganizationMention> mentions, bool[] covered)
    {
        if (needsRegion && (covered[position] || (position + suffix.Length < text.Length && institutionSuffixes.MatchAt(text, position + suffix.Length) is not null)))
        {
            return;
        }

        var end = position + suffix.Length;
        if (EndsStaffWord(text, position, end))
        {
            return; // "蓝海电商全公司加起来七十人": 全公司 counts the staff, it ends no name
        }

        while (legalSuffixes.MatchAt(text, end) is { } more)
        {
            end += more.Length;
        }

        var start = position;
        while (start > 0 && position - start < 20 && IsNameChar(text[start - 1]) && !boundaries.EndsAt(text, start, Math.Max(0, start - 4)) && !covered[start - 1])
        {
            start--;
        }

        if (start > 0 && text[start - 1] is '和' or '与' && JoinedNameStart(text, start - 1, end, covered) is { } wider)
        {
            start = wider; // "深圳市佳和餐饮管理有限公司", "深圳市和美家居有限公司": 和 inside a full name
        }

        if (start > 0 && positionModifiers.MatchAt(text, start - 1, position) is { } split && split.Length > 1)
        {
            start += split.Length - 1; // "对面德衡税务师事务所": 对 ends the stretch as a boundary, 面 is no part of the name
        }

        while (start < position && (leadingFillers.MatchAt(text, start, position) ?? positionModifiers.MatchAt(text, start, position)) is { } filler)
        {
            start += filler.Length;
        }

        // A region word inside the stretch starts the name ("走访了深圳市新锐物流有限公司").
        for (var i = start; i < position; i++)
        {
            if (regions.MatchAt(text, i) is not null)
            {
                start = i;
                break;
            }
        }

        if (needsRegion && regions.MatchAt(text, start) is null)
        {
            return;
        }

        var written = text[start..end];
        var core = CoreOf(written);
        // A name that starts with a region word is judged by its shape below; "家" in 和谐家园 is no determiner there.
        if (core.Length < 2 || (regions.MatchAt(text, start) is null && BrandRejected(Decompose(core).Brand)) || start == position)
        {
            return;
        }

        if (aliasLookup.TryGetValue(written, out var entry) && entry.Tier <= Core
            || aliasLookup.TryGetValue(core, out entry) && entry.Tier <= Core)
        {
            Add(mentions, covered, ToMention(start, written, entry));
        }
        else if (LongestKnownTail(text, start, position, end) is { } known)
        {
            Add(mentions, covered, ToMention(known.Start, text[known.Start..end], known.Entry));
        }
        else if (LinkWhole(start, written) is { } linked)
        {
            Add(mentions, covered, linked); // "深圳市顺达快递有限公司", "德润物业公司": a ledger unit by the parts of its name
        }
        else if (HeardMention(start, written, core) is { } heard)
        {
            Add(mentions, covered, heard); // "深圳市家和餐饮管理有限公司", "争衡律师事务所": a ledger name heard alike
        }
        else if (shape.Accepts(written))
        {
            Add(mentions, covered, new OrganizationMention(start, written.Length, written));
        }
    }

    /// <summary>True when a staff word (全公司, 全厂) starts before the suffix at <paramref name="position"/> and ends with it.</summary>
    private bool EndsStaffWord(string text, int position, int end)
    {
        for (var start = position - 1; start >= Math.Max(0, position - 2); start--)
        {
            if (employeeWords.MatchAt(text, start, end) is { } word && start + word.Length == end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a full name starts when the 和/与 at <paramref name="joiner"/> is inside it: the stretch before the joiner
    /// begins with a region word ("深圳市" + 和美家居有限公司) or the whole stretch is a ledger name; else null (a list).
    /// </summary>
    private int? JoinedNameStart(string text, int joiner, int end, bool[] covered)
    {
        var start = joiner;
        while (start > 0 && joiner - start < 12 && IsNameChar(text[start - 1]) && !covered[start - 1]
            && !(boundaries.EndsAt(text, start, Math.Max(0, start - 4)) && text[start - 1] is not ('和' or '与')))
        {
            start--;
        }

        for (var s = start; s < joiner; s++)
        {
            if (aliasLookup.TryGetValue(text.AsSpan(s, end - s), out var entry) && entry.Tier <= Core)
            {
                return s;
            }
        }

        for (var s = start; s < joiner; s++)
        {
            // "深圳市恒通与信科技有限公司": a region word, then a brand that is no complete short name before the joiner.
            if (regions.MatchAt(text, s) is { } region && s + region.Length <= joiner
                && !genericWordsLongestFirst.Any(w => text.AsSpan(s + region.Length, joiner - s - region.Length).EndsWith(w)))
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>A ledger name that ends the stretch once words before it are dropped ("查一下明税税务师事务所").</summary>
    private (int Start, AliasEntry Entry)? LongestKnownTail(string text, int start, int suffixAt, int end)
    {
        for (var s = start + 1; s < suffixAt; s++)
        {
            if (aliasLookup.TryGetValue(text.AsSpan(s, end - s), out var entry) && entry.Tier <= Core)
            {
                return (s, entry);
            }

            var legal = StripLegalForm(text[s..end]);
            if (aliasLookup.TryGetValue(legal, out entry) && entry.Tier <= Core)
            {
                return (s, entry);
            }
        }

        return null;
    }

    private static bool IsNameChar(char c) => TextNormalizer.IsHan(c) || char.IsAsciiLetter(c) || c is '(' or ')';
}
