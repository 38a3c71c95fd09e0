namespace InstructorBot.Bot.Understanding;

// Stage (round 17, branch r17-uvisit): visits said in other words, and what is no visit of the sender's now.
// - A walk through named units: a walking verb with 了 (走了, 转了, 逛了, 串了) and a unit the ledger or the message names
//   right after it ("今天小镇里走了微光软件和云启网络") is a round of visits, as a count of units after it is
//   ("走了三家"); 走了 with no unit after it ("党员走了两个", "老板走了") is none.
// - Visits disowned after them: a word that says the visits told before it in their sentence are someone else's or were
//   reported already (mood_operators visit_disowners: 非本人, 不是我去的, 都报过了) stops them; a parenthesis right after the
//   sentence ("…已走访德润物业（非本人走访，仅作记录参考）") belongs to it. Visits told after the word stay ("这几个之前都报过了
//   就是周四下午还去了汇通汽车").
// - A visit verb right after 的 is a noun ("这条不用记我的走访"), no visit told.
// - A host said as a place: after a host marker of attaching (挂靠到, 挂到, 挂在) a unit followed by a place word (那边, 那儿) or
//   by the end of its clause is the host the unit attaches to ("挂靠到恒信建筑那边 成立了联合党支部"): it is not one of the
//   body's units and nobody went there. 依托 is left out: a functional body's host is its organisation ("依托阳光社工").
internal sealed partial class MessageParser
{
    private static readonly string[] HostPlaceWords = ["那边", "那儿", "那里", "这边", "这儿", "那块"];

    /// <summary>True where a unit named by the ledger or the message stands right after the walking verb at <paramref name="at"/>.</summary>
    private bool WalkedUnitsAt(Clause clause, int at, int after) =>
        !IsBlocked(clause, at) && mentions.Any(m => m.Start == after && !m.IsGeneric && m.End <= clause.End);

    /// <summary>
    /// "几家社会组织的党员组了个功能型党支部": 几 + a measure opening its clause, with a verb told done (了) after it and no
    /// question mark or final question particle, is "several", the subject of a report, not a question.
    /// </summary>
    private bool IsSeveralAsSubject(int start, int end, int position)
    {
        if (position != start || position + 1 >= end || text[position + 1] is not ('个' or '家' or '位' or '名' or '所')
            || (end < text.Length && text[end] is '？' or '?') || text[end - 1] is '吗' or '呢' or '？' or '?')
        {
            return false;
        }

        for (var at = text.IndexOf('了', position, end - position); at >= 0; at = at + 1 < end ? text.IndexOf('了', at + 1, end - at - 1) : -1)
        {
            if (!rules.Agents.NotAspect.ContainsAny(text, Math.Max(start, at - 1), Math.Min(end, at + 3)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "正衡律所前天开合伙人会的时候我在", "书画家协会开理事会 我也在场": a unit named before a word of the sender's presence
    /// (meeting_presence) in its clause was visited; where the phrase stands.
    /// </summary>
    private int? PresentAtUnitsMeeting(Clause clause) =>
        rules.Aspect.MeetingPresence.FindFirst(text, clause.Start, clause.End) is { } said
        && mentions.Any(m => m.Start >= clause.Start && m.End <= said.Position && !m.IsGeneric && !InLeaderSpan(m.Start)) ? said.Position : null;

    /// <summary>
    /// "由星辰半导体党总支带", "由恒信建筑带着": 由 + a named unit (+ its party body) + 带 leads the joint body; where the lead
    /// ends, or null. The leader is not one of the units (the markers 带建, 牵头 are read in MessageParser.Names.cs).
    /// </summary>
    private int? LeadByUnitAt(int at)
    {
        if (mentions.FirstOrDefault(m => m.Start == at + 1 && !m.IsGeneric) is not { } leader)
        {
            return null;
        }

        var after = leader.End + (rules.PartyAndMassWords.MatchAt(text, leader.End)?.Length ?? 0);
        return rules.LeaderFollowVerbs.MatchAt(text, after) is { } lead ? after + lead.Length
            : after < text.Length && text[after] == '带' ? after + 1 : null;
    }

    /// <summary>"这条不用记我的走访", "他们的调研": a visit verb right after 的 is a noun, no visit told.</summary>
    private bool IsVisitNoun(int position) => position > 0 && text[position - 1] == '的' && !InMention(position - 1);

    /// <summary>True where a visit disowner follows in the clause's sentence or in a parenthesis right after it.</summary>
    private bool VisitsDisownedAfter(Clause clause)
    {
        var (_, end) = SentenceAround(clause);
        var reach = end;
        while (reach < text.Length && (IsSeparator(text[reach]) || text[reach] is '。' or '！' or '!'))
        {
            reach++;
        }

        if (reach < text.Length && text[reach] is '（' or '(')
        {
            var close = text.IndexOfAny(['）', ')'], reach);
            end = close < 0 ? text.Length : close;
        }

        return rules.Aspect.VisitDisowners.FindAll(text, clause.Start, end).Any(w => !InMention(w.Position));
    }

    /// <summary>
    /// Where the host said as a place ends ("挂靠到恒信建筑那边": after 那边), or null: the unit after a marker of attaching is
    /// followed by a place word or ends its clause.
    /// </summary>
    private int? HostSaidAsPlace(int position, string marker, OrganizationMention host)
    {
        if (!marker.StartsWith('挂') || position + marker.Length >= text.Length || text[position + marker.Length] == '的')
        {
            return null;
        }

        foreach (var place in HostPlaceWords)
        {
            if (text.AsSpan(host.End).StartsWith(place, StringComparison.Ordinal))
            {
                return host.End + place.Length;
            }
        }

        return host.End >= text.Length || IsSeparator(text[host.End]) ? host.End : null;
    }
}
