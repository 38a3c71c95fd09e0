namespace InstructorBot.Bot.Understanding;

// Stage: a unit attached to a host's party body (挂靠, 挂到): the host, its bodies, and the clause that says it.
internal sealed partial class MessageParser
{
    /// <summary>
    /// "汇通汽车挂靠到恒信建筑党支部了", "佳和餐饮今天挂到启航外国语学校的支部上去了", "…今天挂靠到荷坳社区党委下面的联合党支部了":
    /// a unit named before a host marker whose host (a unit or a place, then its party body through a host link: 的, 下面的)
    /// follows, with no formation verb of its own after it, is a hosted formation; the host marker stands for the verb.
    /// The unit may be named in a clause before ("汇通汽车新招进来1名党员…；先挂到恒信建筑的党支部").
    /// </summary>
    private string? HostedFormationAt(Clause clause, int position)
    {
        if (rules.HostMarkers.MatchAt(text, position, clause.End) is not { } marker
            || HostBodyAfter(position + marker.Length, clause.End) is not { } host
            || IsBlocked(clause, position)
            || rules.FormerStateMarkers.ContainsAny(text, clause.Start, position) // "原来挂在园区那个联合支部里": the form left, not set up now
            || (position > 0 && text[position - 1] is '还' or '仍' || text.AsSpan(clause.Start, position - clause.Start).EndsWith("一直", StringComparison.Ordinal)) // "现在还挂在联合支部里头": a state
            || !UsableMentions().Any(m => m.End <= position && !m.IsGeneric)
            || rules.Formation.ContainsAny(text, host.End, clause.End))
        {
            return null;
        }

        return host.Party;
    }

    /// <summary>The length of a community or street name at <paramref name="at"/> by its suffix (坂田社区: scope_suffixes), or 0.</summary>
    private int ScopeNameLength(int at, int end)
    {
        for (var length = 3; length <= 8 && at + length <= end && TextNormalizer.IsHan(text[at + length - 1]); length++)
        {
            foreach (var suffix in rules.Vocabulary.ScopeSuffixes)
            {
                if (suffix.Length >= 2 && text.AsSpan(at, length).EndsWith(suffix, StringComparison.Ordinal))
                {
                    return length;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// Where a host marker attaches a unit to a host's party body in <paramref name="clause"/> ("今天挂到恒信建筑的党支部去了"), or
    /// null: the going said after it is the unit's, and the clause tells no visit.
    /// </summary>
    private int? HostAttachedAt(Clause clause)
    {
        foreach (var (position, marker) in rules.HostMarkers.FindAll(text, clause.Start, clause.End))
        {
            if (HostBodyAfter(position + marker.Length, clause.End) is not null)
            {
                return position;
            }
        }

        return null;
    }

    /// <summary>
    /// The party body a host marker attaches a unit to, read from <paramref name="start"/>: a unit or a place the ledger names
    /// (or neither), then party bodies joined by host links (恒信建筑 + 的 + 党支部; 荷坳社区 + 党委 + 下面的 + 联合党支部):
    /// the last body and where it ends; null when no party body follows.
    /// </summary>
    private (int End, string Party)? HostBodyAfter(int start, int end)
    {
        // "脱离了原来挂靠的党支部": a marker with 的 after it modifies the body, it attaches nothing now.
        if (start < text.Length && text[start] == '的')
        {
            return null;
        }

        // The host: a unit, a place the ledger names, a community or street by its suffix, or none ("挂靠到联合党支部").
        var unit = mentions.FirstOrDefault(m => m.Start >= start && m.Start <= start + 1);
        return (unit is not null ? BodiesFrom(unit.End, end) : null)
            ?? (index.PlaceLengthAt(text, start) is var place and > 0 ? BodiesFrom(start + place, end) : null)
            ?? (ScopeNameLength(start, end) is var scope and > 0 ? BodiesFrom(start + scope, end) : null)
            ?? BodiesFrom(start, end)
            ?? UnnamedHostBodies(start, end);
    }

    /// <summary>
    /// "挂靠到软件小镇那个联合党支部", "挂到园区里的党支部": a host the ledger does not name (two to eight Han characters, no 了
    /// or 的), then party bodies, with or without a host link: the last body and its end (round 17, branch r17-uvisit).
    /// </summary>
    private (int End, string Party)? UnnamedHostBodies(int start, int end)
    {
        for (var length = 2; length <= 8 && start + length < end && TextNormalizer.IsHan(text[start + length - 1]) && text[start + length - 1] is not ('了' or '的'); length++)
        {
            if (rules.Joint.ContainsAny(text, start, start + length))
            {
                return null; // "挂在联合支部里头": 联合 is the body's own word, no host
            }

            if (BodiesFrom(start + length, end) is { } body)
            {
                return body;
            }
        }

        return null;
    }

    /// <summary>Party bodies joined by host links from <paramref name="at"/> (党委 + 下面的 + 联合党支部): the last one and its end.</summary>
    private (int End, string Party)? BodiesFrom(int at, int end)
    {
        (int End, string Party)? body = null;
        for (var step = 0; step < 3 && at < end; step++)
        {
            var linked = at + (rules.HostLinks.MatchAt(text, at, end)?.Length ?? 0);
            if (rules.PartyAndMassWords.MatchAt(text, linked, end) is not { } party || !rules.Vocabulary.PartyOrganizationWords.ContainsKey(party))
            {
                break;
            }

            at = linked + party.Length;
            body = (at, party);
        }

        return body;
    }
}
