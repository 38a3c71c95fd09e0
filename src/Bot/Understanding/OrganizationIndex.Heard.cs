namespace InstructorBot.Bot.Understanding;

public sealed partial class OrganizationIndex
{
    /// <summary>
    /// Where no name was found, a short name heard with same-sounding characters (家和餐饮 for 佳和餐饮: see
    /// <see cref="OrganizationSoundAlikes"/>), longest first; it resolves as the exact name would, several units alike
    /// make it ambiguous.
    /// </summary>
    private void FindHeardNames(string text, List<OrganizationMention> mentions, bool[] covered)
    {
        if (soundAlikes.Longest == 0)
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var free = 0;
            while (i + free < text.Length && free < soundAlikes.Longest && !covered[i + free])
            {
                free++;
            }

            for (var length = free; length >= OrganizationSoundAlikes.MinLength; length--)
            {
                // Cheap checks on the span first (the last character, one character off a name in place), then the
                // pinyin keys: most runs stop here, with no string made.
                var run = text.AsSpan(i, length);
                if (!soundAlikes.MayHear(run) || aliasLookup.ContainsKey(run))
                {
                    continue;
                }

                var written = text.Substring(i, length);
                if (HeardMention(i, written, written) is not { } heard)
                {
                    continue;
                }

                Add(mentions, covered, heard);
                i += length - 1;
                break;
            }
        }
    }

    /// <summary>The mention <paramref name="written"/> makes when <paramref name="run"/> (it or its core) is a ledger name heard alike, or null.</summary>
    private OrganizationMention? HeardMention(int start, string written, string run)
    {
        if (aliases.ContainsKey(run) || soundAlikes.HeardAs(run) is not { Count: > 0 } names)
        {
            return null;
        }

        var members = names.SelectMany(n => aliases[n].Members).Distinct().ToList();
        return members.Count == 1
            ? new OrganizationMention(start, written.Length, written) { Organization = Organizations[members[0]], IsHeard = true }
            : new OrganizationMention(start, written.Length, written)
            {
                Candidates = [.. members.Select(m => new OrganizationCandidate(Organizations[m].Id, Organizations[m].Name))],
                IsHeard = true,
            };
    }
}
