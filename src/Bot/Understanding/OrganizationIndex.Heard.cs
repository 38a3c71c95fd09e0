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
                var run = text.Substring(i, length);
                if (aliases.ContainsKey(run) || soundAlikes.HeardAs(run) is not { Count: > 0 } names)
                {
                    continue;
                }

                var members = names.SelectMany(n => aliases[n].Members).Distinct().ToList();
                Add(mentions, covered, members.Count == 1
                    ? new OrganizationMention(i, length, run) { Organization = Organizations[members[0]] }
                    : new OrganizationMention(i, length, run)
                    {
                        Candidates = [.. members.Select(m => new OrganizationCandidate(Organizations[m].Id, Organizations[m].Name))],
                    });
                i += length - 1;
                break;
            }
        }
    }
}
