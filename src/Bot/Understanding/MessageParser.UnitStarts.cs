namespace InstructorBot.Bot.Understanding;

// Stage: entity spans (round 20, r20-uunits). Where else a name the ledger lacks may start: after a preposition whose object
// is a unit, after a visit's measure (跑了一趟) or a modifier ending in 的 (新开的) between the visit verb and the name.
internal sealed partial class MessageParser
{
    // A visit's measure said between the verb and what was visited ("跑了一趟罗岗…", "去了一下…").
    private static readonly string[] VisitMeasures = ["一趟", "一下", "一次", "一回", "趟"];

    /// <summary>
    /// Adds to <paramref name="starts"/> the positions where a unit's name may begin besides verbs and clause starts:
    /// after a preposition of <c>unit_object_prepositions</c> ("帮利民便利店…", "社区给金鼎装饰工程部派了…"; 帮扶, 现在 are
    /// compounds, no preposition), and after a visit verb's measure or a modifier with 的 in the visit verb's clause ("跑了一趟
    /// 罗岗新开的康和口腔门诊部"). The name read there must still have a unit's shape (OrganizationIndex.ReadUnknownNameAt).
    /// </summary>
    private void AddObjectStarts(List<int> starts, HashSet<int> introduced)
    {
        var prepositions = rules.Vocabulary.UnitObjectPrepositions;
        foreach (var (position, word) in rules.UnitObjectPrepositions.FindAll(text))
        {
            if (prepositions.Contains(word))
            {
                starts.Add(position + word.Length);
                introduced.Add(position + word.Length);
            }
        }

        // "罗岗商务中心那栋楼里的安居房产、…": units named after the place they stand in (unit_place_links; MessageParser.NamedAfter.cs).
        foreach (var (position, word) in rules.UnitPlaceLinks.FindAll(text))
        {
            starts.Add(position + word.Length);
            introduced.Add(position + word.Length);
        }

        foreach (var (position, word) in rules.Visit.FindAll(text).Concat(rules.Motion.FindAll(text)))
        {
            var at = position + word.Length;
            at += at < text.Length && text[at] == '了' ? 1 : 0;
            if (VisitMeasures.FirstOrDefault(m => text.AsSpan(at).StartsWith(m, StringComparison.Ordinal)) is { } measure)
            {
                at += measure.Length;
                starts.Add(at);
                introduced.Add(at);
            }

            for (var i = at; i < text.Length && i - at < 12 && !IsSeparator(text[i]); i++)
            {
                if (text[i] == '的' && i + 1 < text.Length && TextNormalizer.IsHan(text[i + 1]))
                {
                    starts.Add(i + 1);
                    introduced.Add(i + 1);
                }
            }
        }
    }

    /// <summary>
    /// "鑫源五金今天成立了团支部，就是深圳市鑫源五金制品有限公司", "走访了深圳市龙城启智教育科技有限公司，启智教育现在…": a short
    /// name the ledger lacks whose proper part (鑫源, 启智) stands in the one full name the message gives of a unit the ledger
    /// lacks is that unit, said short: it is reported by the full name.
    /// </summary>
    private void NameShortByFullNames()
    {
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            if (m.Organization is not null || m.Candidates.Count > 0 || m.IsGeneric || index.IsFullName(m.Written)
                || index.ProperNameOf(m.Written) is not { } proper)
            {
                continue;
            }

            var full = mentions.Where(f => f.Organization is null && f.Candidates.Count == 0 && !f.IsGeneric && f.Written.Length > m.Written.Length
                && index.IsFullName(f.Written) && f.Written.Contains(proper, StringComparison.Ordinal)).Select(f => f.Written).Distinct().ToList();
            if (full.Count == 1)
            {
                mentions[k] = m with { Written = full[0] };
            }
        }
    }
}
