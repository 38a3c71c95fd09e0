using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: record frames continued with 也 (round 18, r18-umissed): more units taken on after a pairing, another body set up
// the same day as one said before.
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
}
