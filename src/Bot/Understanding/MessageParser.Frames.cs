using InstructorBot.Bot.Understanding.Tokens;

namespace InstructorBot.Bot.Understanding;

// Stage: typed clause frames (Tokens/ClauseFrames) and their organisation and day slots (Tokens/SlotInheritance).
internal sealed partial class MessageParser
{
    private FrameType[]? frameTypes;
    private FrameSlots[]? frameSlots;

    /// <summary>Each clause's frame type, typed once on first use (clauses are cut by then).</summary>
    private FrameType[] FrameTypes => frameTypes ??= ClauseFrames.Type([.. clauses.Select(CuesOf)]);

    /// <summary>Each clause's organisation and day (indices into <see cref="mentions"/> and <see cref="dates"/>), inherited where it names none.</summary>
    private FrameSlots[] Slots => frameSlots ??= SlotInheritance.Fill(FrameTypes, [.. clauses.Select(OwnSlots)]);

    private FrameType FrameOf(Clause clause) => clauses.IndexOf(clause) is var k and >= 0 ? FrameTypes[k] : FrameType.Other;

    private bool InHelperFrame(int position) =>
        clauses.FindIndex(c => c.Start <= position && position < c.End) is var k and >= 0 && FrameTypes[k] == FrameType.Helper;

    /// <summary>The organisation a clause that names none is about (its frame's inherited slot), or null.</summary>
    private OrganizationMention? InheritedOrganization(Clause clause) =>
        clauses.IndexOf(clause) is var k and >= 0 && Slots[k].Organization is var at and >= 0 ? mentions[at] : null;

    private FrameSlots OwnSlots(Clause clause)
    {
        // The name said last in the clause is what the next clause goes on about ("去了恒信建筑和德润物业 | 德润那边…" names its own).
        var organization = mentions.FindLastIndex(m => m.Start >= clause.Start && m.Start < clause.End && !InLeaderSpan(m.Start));
        var date = dates.FindLastIndex(d => d.Start >= clause.Start && d.Start < clause.End);
        return new FrameSlots(organization, date);
    }

    /// <summary>The head words of a clause, by the vocabulary's word classes.</summary>
    private FrameCues CuesOf(Clause clause)
    {
        var (start, end) = (clause.Start, clause.End);
        var cues = FrameCues.None;
        if (clause.IsQuestion)
        {
            cues |= FrameCues.Question;
        }

        var firstVerb = FirstRecordVerb(start, end);
        if (rules.Plan.FindFirst(text, start, end) is { } plan && plan.Position < firstVerb)
        {
            cues |= FrameCues.Plan;
        }

        if (HelpingAt(clause) is not null)
        {
            cues |= FrameCues.Helping;
        }

        if (FormsItself(start, end) && rules.PartyAndMassWords.FindAll(text, start, end).Any(w => rules.Vocabulary.PartyOrganizationWords.ContainsKey(w.Word)))
        {
            cues |= FrameCues.Formation;
            if (rules.Joint.ContainsAny(text, start, end) || mentions.Count(m => m.Start >= start && m.Start < end && !m.IsGeneric) > 1)
            {
                cues |= FrameCues.Joint;
            }
        }

        if (rules.InstructorWords.ContainsAny(text, start, end) || rules.Mass.ContainsAny(text, start, end))
        {
            cues |= FrameCues.Coverage;
        }

        if (rules.Pairing.FindAll(text, start, end).Any(v => !IsAttributive(v)))
        {
            cues |= FrameCues.Pairing;
        }

        if (rules.Discovery.ContainsAny(text, start, end) || rules.Hire.ContainsAny(text, start, end))
        {
            cues |= FrameCues.Discovery;
        }

        if (firstVerb < end)
        {
            cues |= FrameCues.Visit;
        }

        if (memberPhrases.Any(p => p.Start >= start && p.Start < end) || employeePhrases.Any(p => p.Start >= start && p.Start < end) || rules.Statuses.ContainsAny(text, start, end))
        {
            cues |= FrameCues.Figures;
        }

        return cues;
    }

    /// <summary>Where the first visit or motion verb of [start, end) stands, else <paramref name="end"/>.</summary>
    private int FirstRecordVerb(int start, int end)
    {
        var visit = rules.Visit.FindFirst(text, start, end)?.Position ?? end;
        var motion = rules.Motion.FindFirst(text, start, end)?.Position ?? end;
        var found = rules.Discovery.FindFirst(text, start, end)?.Position ?? end;
        return Math.Min(visit, Math.Min(motion, found));
    }

    /// <summary>
    /// "恒信建筑党支部派驻帮建", "星辰半导体党委派了两名党员过来帮建", "由云启科技党支部带着": where the clause says that an
    /// organisation helps or leads (a leading or sending word of the vocabulary, or the verb 派 (sends) or 带 (leads) right
    /// after its subject, an organisation and its party body at the clause's start), else null.
    /// </summary>
    private int? HelpingAt(Clause clause)
    {
        var (start, end) = (clause.Start, clause.End);
        // The earliest of each word class's first occurrence (was four lists and their concatenation per clause).
        int? first = null;
        foreach (var found in (ReadOnlySpan<(int Position, string Word)?>)[
            rules.LeaderFollowVerbs.FindFirst(text, start, end), rules.SendingVerbs.FindFirst(text, start, end), rules.LeaderMarkers.FindFirst(text, start, end),
            rules.JointModes.FindFirst(text, start, end, rules.Vocabulary.JointModes, static (modes, word) => modes[word] is "dispatched" or "leading")])
        {
            if (found is { } hit)
            {
                first = Math.Min(first ?? hit.Position, hit.Position);
            }
        }

        if (FirstMentionAt(start) is { } subject)
        {
            var after = subject.End + (rules.PartyAndMassWords.MatchAt(text, subject.End)?.Length ?? 0);
            if (after < end && text[after] is '派' or '带')
            {
                first = Math.Min(first ?? after, after);
            }
        }

        return first;
    }

    /// <summary>
    /// A formation verb of its own in [start, end): one not inside a word that names the help ("派驻帮建", "龙头带建" hold
    /// 建 as the help's way, not as this clause's act; "以龙头带建方式成立" still forms with 成立), nor inside a name.
    /// </summary>
    private bool FormsItself(int start, int end)
    {
        // Walked as FindAll walks, without its lists (this runs per clause of every message).
        for (var i = Math.Max(start, 0); i < Math.Min(end, text.Length); i++)
        {
            if (rules.Formation.MatchAt(text, i, end) is not { } verb)
            {
                continue;
            }

            if (!rules.JointModes.Covers(text, start, end, i) && !rules.LeaderMarkers.Covers(text, start, end, i) && !MentionCovers(i))
            {
                return true; // 建 inside 恒信建筑 is no verb
            }

            i += verb.Length - 1;
        }

        return false;
    }

    /// <summary>True when a mention covers <paramref name="position"/>, its first character included.</summary>
    private bool MentionCovers(int position)
    {
        foreach (var m in mentions)
        {
            if (m.Start <= position && position < m.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first non-generic mention starting at <paramref name="start"/> or one character after it (no closure per clause).</summary>
    private OrganizationMention? FirstMentionAt(int start)
    {
        foreach (var m in mentions)
        {
            if (m.Start >= start && m.Start - start <= 1 && !m.IsGeneric)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>The joint mode a helper before the formation names by its verb: sending is dispatched, leading is leading.</summary>
    private string? HelperMode(int before)
    {
        for (var k = 0; k < clauses.Count && clauses[k].Start < before; k++)
        {
            if (FrameTypes[k] != FrameType.Helper)
            {
                continue;
            }

            var (start, end) = (clauses[k].Start, clauses[k].End);
            if (rules.JointModes.FindFirst(text, start, end) is { } mode)
            {
                return rules.Vocabulary.JointModes[mode.Word];
            }

            if (rules.SendingVerbs.ContainsAny(text, start, end) || text.AsSpan(start, end - start).Contains('派'))
            {
                return "dispatched";
            }

            if (rules.LeaderFollowVerbs.ContainsAny(text, start, end) || text.AsSpan(start, end - start).Contains('带'))
            {
                return "leading";
            }
        }

        return null;
    }

    /// <summary>A helper's clause is no unit's: the organisation that leads or sends is no unit, its figures count nobody's members.</summary>
    private void SetHelpersAside()
    {
        if (!rules.Formation.ContainsAny(text))
        {
            return;
        }

        for (var k = 0; k < clauses.Count; k++)
        {
            if (FrameTypes[k] != FrameType.Helper || UnitsSummedBefore(HelpingAt(clauses[k]) ?? clauses[k].Start)) // MessageParser.FormationSlots.cs
            {
                continue;
            }

            // The helper is the subject, before its helping verb; the units it helps may follow ("派人到仁爱医院和阳光社工帮建").
            // After 由/被 the helper is the agent, and the units before it are the subject ("迅捷跑腿和暖心家政由德润物业党支部
            // 龙头带建", round 24).
            var helping = HelpingAt(clauses[k]) ?? clauses[k].Start;
            var agent = text.LastIndexOfAny(['由', '被'], Math.Max(clauses[k].Start, helping - 1), Math.Max(0, helping - clauses[k].Start));
            leaderSpans.Add((agent > clauses[k].Start && mentions.Any(m => m.Start >= clauses[k].Start && m.End <= agent) ? agent : clauses[k].Start, helping));
            foreach (var phrase in memberPhrases.Concat(employeePhrases).Where(p => p.Start >= clauses[k].Start && p.Start < clauses[k].End))
            {
                phrase.Consumed = true;
            }
        }

        frameSlots = null; // the helpers' organisations are no topic
    }
}
