using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage (round 20, r20-uevents): people said to be the members a message reports — counted with a staff noun, then found,
// declaring themselves members, or showing themselves — are the find's members, not the unit's staff.
internal sealed partial class MessageParser
{
    /// <summary>
    /// People counted and said to be members with no category before 党员 (round 20, r20-uevents): after a find verb in their
    /// segment ("又找到3个兼职社工是党员": the people found are the members, their count the find's), or declaring themselves
    /// members (self_declaration_verbs right before 是: "有两个员工主动说自己是党员": a group revealed, its category read from
    /// the clauses after it as a find's). The people are the members, not the staff. False where neither holds.
    /// </summary>
    private bool PeopleSaidToBeMembers(Clause clause, int from, int copula, int party)
    {
        if (memberPhrases.Any(p => p.Start < party + 2 && p.End > from))
        {
            return false;
        }

        var declared = rules.SelfDeclarations.LongestEndingAt(text, copula);
        var verb = rules.Discovery.FindFirst(text, from, copula - declared);
        var groupStart = verb is { } v ? v.Position + v.Word.Length : from;
        var groupEnd = copula - declared;
        if ((verb is null && declared == 0) || groupEnd <= groupStart || IsContainer(groupStart, groupEnd) || IsBlocked(clause, groupStart)
            || !(rules.StaffNouns.ContainsAny(text, groupStart, groupEnd) || rules.Titles.ContainsAny(text, groupStart, groupEnd)
                 || text.AsSpan(groupStart, groupEnd - groupStart).Contains('人')))
        {
            return false;
        }

        var count = GroupCountIn(groupStart, groupEnd) ?? (verb is not null && rules.OnePersonMarkers.ContainsAny(text, groupStart, groupEnd) ? 1 : null);
        if (count is not { } n)
        {
            return false;
        }

        foreach (var people in employeePhrases.Where(p => p.Start < groupEnd && p.End > groupStart))
        {
            people.Consumed = true; // "3个兼职社工": the members, not the staff
        }

        var member = new NumberPhrase(groupStart, party + 2, n, false, null);
        memberPhrases.Add(member);
        if (verb is null)
        {
            revealedMembers.Add(member); // no find verb of its own: the declaration is the find
        }

        return true;
    }

    /// <summary>
    /// A head count right before a verb of showing, with a few words and no figure between ("协会两个工作人员主动亮了身份", "两个店员
    /// 今天亮明了身份"), counts the people who showed themselves members, not the unit's staff (round 20, r20-uevents).
    /// </summary>
    private void SetShownPeopleAside(int position)
    {
        if (clauses.FirstOrDefault(c => c.Start <= position && position < c.End) is not { IsQuestion: false } clause || IsBlocked(clause, position))
        {
            return;
        }

        foreach (var people in employeePhrases.Where(p => !p.Consumed && p.End <= position && position - p.End <= 6 && p.Start >= clause.Start))
        {
            var between = text.AsSpan(people.End, position - people.End);
            if (between.IndexOfAny("0123456789，,。；; ") < 0 && !ContainsNumeral(between))
            {
                people.Consumed = true;
            }
        }
    }

    private static bool ContainsNumeral(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (ChineseNumber.IsNumeralChar(c) || c is '两' or '俩' or '仨')
            {
                return true;
            }
        }

        return false;
    }
}
