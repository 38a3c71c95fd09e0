namespace InstructorBot.Bot.Understanding;

public sealed partial class OrganizationIndex
{
    /// <summary>
    /// The organisation named at <paramref name="start"/>: the longest exact name of the index, or a longer stretch the
    /// <see cref="OrganizationLinker"/> explains by a unit's name parts (德润物业公司, 云启网科, 明税那个事务所); an exact
    /// short name followed by a trade word its units lack (星辰科技) names none of them. Null when nothing is named there.
    /// </summary>
    private OrganizationMention? NameAt(string text, int start, bool[] covered)
    {
        var limit = start;
        while (limit < text.Length && !covered[limit])
        {
            limit++;
        }

        var aliasLength = 0;
        AliasEntry? alias = null;
        if (longestByFirst.TryGetValue(text[start], out var longest))
        {
            for (var length = Math.Min(longest, limit - start); length >= 2; length--)
            {
                if (aliasLookup.TryGetValue(text.AsSpan(start, length), out var entry))
                {
                    (aliasLength, alias) = (length, entry);
                    break;
                }
            }
        }

        var link = linker.LinkAt(text, start, limit);
        if (link is not null && link.End > start + aliasLength)
        {
            return LinkedMention(start, text[start..link.End], link.Members);
        }

        if (alias is null)
        {
            return null;
        }

        return alias.Tier == Derived && linker.ContradictsAll(alias.Members, text, start + aliasLength)
            ? null
            : ToMention(start, text.Substring(start, aliasLength), alias);
    }

    /// <summary>True when a generic phrase opening with a pointer (那个, 那家) holds a name right after it ("那个优品超市").</summary>
    private bool NamedAfterPointer(string text, int start, int length, bool[] covered) =>
        length > 2 && text[start + 1] is '个' or '家' && NameAt(text, start + 2, covered) is { } named && named.End >= start + length;

    /// <summary>A full name the index lacks that the linker explains whole once its region words are off ("深圳市顺达快递有限公司").</summary>
    private OrganizationMention? LinkWhole(int start, string written)
    {
        var at = 0;
        while (regions.MatchAt(written, at) is { } region && written.Length - at - region.Length >= 2)
        {
            at += region.Length;
        }

        var rest = written[at..];
        return linker.LinkAt(rest, 0, rest.Length) is { } link && link.End == rest.Length ? LinkedMention(start, written, link.Members) : null;
    }

    private OrganizationMention LinkedMention(int start, string written, IReadOnlyList<int> members) =>
        members.Count == 1
            ? new OrganizationMention(start, written.Length, written) { Organization = Organizations[members[0]] }
            : new OrganizationMention(start, written.Length, written)
            {
                Candidates = [.. members.Select(m => new OrganizationCandidate(Organizations[m].Id, Organizations[m].Name))],
            };
}
