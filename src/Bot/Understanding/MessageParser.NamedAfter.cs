namespace InstructorBot.Bot.Understanding;

// Stage: entity spans (round 21, r21-uorg). A unit first described, then named: "一家餐饮公司，深圳市粤海轩餐饮有限公司，",
// "一家托管中心 叫小太阳托管"; and a name said again after a correction: "叫星河幼儿园 哦不对 全名叫民治星河幼儿园".
internal sealed partial class MessageParser
{
    /// <summary>
    /// A generic mention ("一家托管中心", "隔壁一家餐饮公司") that a name follows — after a pause or blank in apposition, closed
    /// by a pause or the end, or introduced by a naming word (叫, 名字叫做, 人家全名叫) — is that named unit: the description is
    /// read as the named unit where it stands, so that the acts of its clause go to the name. A name introduced by a naming word and said again by a naming
    /// word after a correction marker (不对, 哦不是) is the later one: the earlier is dropped.
    /// </summary>
    private void NameDescribedUnits()
    {
        var dropped = new HashSet<OrganizationMention>();
        for (var k = 0; k < mentions.Count; k++)
        {
            if (mentions[k] is { IsGeneric: true } generic && NamedAfter(generic.End) is { IsGeneric: false } named)
            {
                // The description stands for the named unit where it is said: "又去了隔壁一家餐饮公司，<full name>，" is a visit to it.
                mentions[k] = named with { Start = generic.Start, Length = generic.Length };
            }
        }

        // "罗岗商务中心那栋楼里的安居房产、优途旅行社…": a name the ledger lacks, then a place link and a unit, names the
        // building the units stand in.
        foreach (var place in mentions.Where(m => !m.IsGeneric && m.Organization is null && m.Candidates.Count == 0))
        {
            if (rules.UnitPlaceLinks.MatchAt(text, place.End) is { } link && mentions.Any(m => m.Start == place.End + link.Length && !m.IsGeneric))
            {
                dropped.Add(place);
            }
        }

        OrganizationMention? lastNamed = null;
        foreach (var m in mentions.Where(m => !m.IsGeneric).OrderBy(m => m.Start))
        {
            if (!IntroducedByNamingWord(m.Start))
            {
                continue;
            }

            if (lastNamed is { } earlier && rules.Corrections.FindFirst(text, earlier.End, m.Start) is not null
                && !text.AsSpan(earlier.End, m.Start - earlier.End).ContainsAny("。；;！!？?\n"))
            {
                dropped.Add(earlier);
            }

            lastNamed = m;
        }

        if (dropped.Count > 0)
        {
            mentions.RemoveAll(dropped.Contains);
        }
    }

    /// <summary>The mention that names the unit described right before <paramref name="end"/>, or null.</summary>
    private OrganizationMention? NamedAfter(int end)
    {
        var at = end;
        var paused = false;
        while (at < text.Length && at - end < 2 && text[at] is ' ' or '，' or ',' or '：' or ':')
        {
            (at, paused) = (at + 1, true);
        }

        if (mentions.FirstOrDefault(m => m.Start == at) is { } apposed)
        {
            // "一家餐饮公司，深圳市粤海轩餐饮有限公司，老板娘说…": a name in apposition, closed by a pause or the end.
            return paused && (apposed.End == text.Length || IsSeparator(text[apposed.End]) || text[apposed.End] is '、') ? apposed : null;
        }

        var named = at;
        named += rules.Vocabulary.NameLeadingPointers.Contains("人家") && text.AsSpan(named).StartsWith("人家") ? 2 : 0;
        named += rules.UnitNameNouns.MatchAt(text, named)?.Length ?? 0;
        if (rules.NamingVerbs.MatchAt(text, named) is not { } naming)
        {
            return null;
        }

        named += naming.Length;
        return mentions.FirstOrDefault(m => m.Start == named);
    }

    /// <summary>Whether a naming word (叫, 叫做, 名叫) ends right before <paramref name="start"/>.</summary>
    private bool IntroducedByNamingWord(int start) => rules.NamingVerbs.EndsAt(text, start, Math.Max(0, start - 2));

    /// <summary>
    /// "这轮一对一帮扶我先认领三家": a pairing verb whose subject is the sender's 我 (not 我们), with only adverbs of the claim
    /// between (<c>self_claim_adverbs</c>: 先, 就, 这次), anywhere in the clause: the sender takes the pairing on.
    /// </summary>
    private bool SenderClaimsPairing(Clause clause)
    {
        foreach (var (position, _) in rules.Pairing.FindAll(text, clause.Start, clause.End))
        {
            var at = position;
            for (var guard = 0; guard < 3 && at > clause.Start; guard++)
            {
                var adverb = 0;
                for (var length = Math.Min(2, at - clause.Start); length >= 1 && adverb == 0; length--)
                {
                    adverb = rules.SelfClaimAdverbs.MatchAt(text, at - length, at)?.Length == length ? length : 0;
                }

                if (adverb == 0)
                {
                    break;
                }

                at -= adverb;
            }

            // 我们 ends in 们, no self word: "我们社区…认领" is read by OwnedTitlePersonBefore.
            if (at > clause.Start && rules.Agents.Self.EndsAt(text, at, Math.Max(clause.Start, at - 2)))
            {
                return true;
            }
        }

        return false;
    }
}
