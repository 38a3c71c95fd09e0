using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: record frames continued with 也 (round 18, r18-umissed): more units taken on after a pairing, another body set up
// the same day as one said before; and several things summed (几个门店加起来), said, not asked.
internal sealed partial class MessageParser
{
    /// <summary>
    /// "青禾文化那边一对一帮扶我来包，云启网络也算我的", "…我来包 然后顺达快递也归我": a clause with no pairing verb of its own that
    /// names units and says with 也 that they are the sender's too (也 + a <c>self_agent_phrases</c> phrase: 算我的, 归我, 由我; or
    /// 也是我的) after a pairing said earlier in the message pairs those units with the same secretary.
    /// </summary>
    private void FindPairingsContinued(Clause clause)
    {
        if (rules.Pairing.ContainsAny(text, clause.Start, clause.End)
            || drafts.LastOrDefault(d => d.Action.Kind == ActionKind.Pairing && d.Position < clause.Start) is not { } earlier)
        {
            return;
        }

        var also = text.IndexOf('也', clause.Start, clause.End - clause.Start);
        if (also < 0 || !(rules.SelfAgent.MatchAt(text, also + 1, clause.End) is not null || text.AsSpan(also + 1, clause.End - also - 1).StartsWith("是我的"))
            || IsBlocked(clause, also))
        {
            return;
        }

        foreach (var unit in MentionsIn(clause).Where(m => m.End <= also && !m.IsGeneric))
        {
            if (!drafts.Any(d => d.Action.Kind == ActionKind.Pairing && d.Action.OrganizationId == unit.Organization?.Id && d.Action.Organization == unit.ReportedName))
            {
                Add(also, Record(ActionKind.Pairing, unit, also) with { Secretary = earlier.Action.Secretary });
            }
        }
    }

    /// <summary>
    /// "团支部昨天成立了，妇委会也是同一天", "工会上周五挂牌 妇委会也是那天": a mass body with no verb of its own followed by a
    /// <c>same_day_as_before</c> phrase (也是同一天, 也是当天) after a body set up earlier in the message was set up too, that day.
    /// Null when the words after the body say no such thing or no body was set up before it.
    /// </summary>
    private DateOnly? SameDayAsBodyBefore(int at, int end)
    {
        while (at < end && text[at] == ' ')
        {
            at++;
        }

        return rules.Agents.SameDayAsBefore.MatchAt(text, at, end) is null ? null
            : drafts.LastOrDefault(d => d.Action.Kind == ActionKind.WorkCoverage && d.Action.Measure != WorkCoverageMeasure.Instructor && d.Position < at)?.Action.Date;
    }

    /// <summary>
    /// "他们几个门店加起来员工一百四五十号人", "几家分店合起来": 几 + a measure + what is counted, then a word that sums them
    /// (<c>sum_words</c>: 加起来, 合起来, 一共) within a few characters, in a clause that ends with no question mark: several
    /// things summed, said, not asked (the sum's figure is the unit's).
    /// </summary>
    private bool IsSeveralSummed(int start, int end, int position)
    {
        if (position + 1 >= end || text[position + 1] is not ('个' or '家' or '位' or '名' or '所' or '间')
            || (end < text.Length && text[end] is '？' or '?') || text[end - 1] is '吗' or '呢' or '？' or '?')
        {
            return false;
        }

        return rules.Agents.SumWords.FindFirst(text, position + 2, Math.Min(end, position + 8)) is not null;
    }
}
