namespace InstructorBot.Bot.Understanding;

// Stage (round 21, r21-uvisit): a round announced with its count of units ("今天跑了两家", "走了三家啊") and then its units
// said each at the start of a clause of its own, with what was found there ("德润物业找到一个隐形党员 佳和餐饮没找着").
internal sealed partial class MessageParser
{
    /// <summary>Words that may stand before a unit that opens a clause of a counted round: "还有那个坂田手造咖啡", "另外一家是…".</summary>
    private static readonly string[] CountedStopLeads = ["还有那个", "还有那家", "还有一家", "还有", "另外一家是", "另外一家", "另外", "另一家", "以及", "再就是", "那个"];

    /// <summary>
    /// After a round announced with a count of units (<see cref="AnnouncesRound"/>: "跑了两家", "走了三家"), the units said at
    /// the start of the clauses after it (a lead such as 还有/另外 may stand before one) are the round's stops when, with the
    /// stops its leads already found (<paramref name="found"/>), they make exactly the count announced: each is visited on
    /// the round's day. A count the units do not meet adds nothing (the round's units are then not known).
    /// </summary>
    private void UnitsOfCountedRound(Clause announced, List<OrganizationMention> found)
    {
        if (AnnouncedUnitCount(announced) is not { } count || count < 2)
        {
            return;
        }

        var units = new List<OrganizationMention>(found);
        foreach (var clause in clauses.Where(c => c.Start > announced.Start && !c.IsQuestion))
        {
            var at = clause.Start;
            while (at < clause.End && text[at] is ' ' or '：' or ':')
            {
                at++;
            }

            at += CountedStopLeads.FirstOrDefault(l => text.AsSpan(at).StartsWith(l, StringComparison.Ordinal))?.Length ?? 0;
            if (MentionsIn(clause).FirstOrDefault(m => m.Start == at) is { } unit && (!unit.IsGeneric || unit.Organization is not null)
                && !units.Exists(u => Identity(u) == Identity(unit)))
            {
                units.Add(unit);
            }
        }

        if (units.Count != count)
        {
            return;
        }

        foreach (var unit in units.Skip(found.Count))
        {
            Add(unit.Start, Record(ActionKind.Visit, unit, unit.Start));
        }
    }

    /// <summary>The number of units a round's clause announces ("跑了三家啊" → 3), null where it says none.</summary>
    private int? AnnouncedUnitCount(Clause clause)
    {
        for (var at = clause.Start; at < clause.End; at++)
        {
            if (!ChineseNumber.TryReadSpoken(text, at, out var value, out var read, out var approximate) || approximate)
            {
                if (text[at] is '俩' or '仨' && text.AsSpan(at + 1).TrimStart("个 ").StartsWith("家"))
                {
                    return text[at] == '俩' ? 2 : 3;
                }

                continue;
            }

            var unit = text.AsSpan(at + read, clause.End - at - read).TrimStart("个 ");
            return unit.StartsWith("家") || unit.StartsWith("单位") ? (int)value : null;
        }

        return null;
    }
}
