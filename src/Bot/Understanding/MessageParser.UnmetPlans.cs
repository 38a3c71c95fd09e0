namespace InstructorBot.Bot.Understanding;

// Stage: plans not kept and settlings not done (round 12, branch r12-umood). "本来约了去微光软件的 结果…没去成 改到下周了":
// a plan said as made before (本来/原计划/约好了) and then an outcome word (没去成/取消了/推迟到/改到) makes every clause
// from the plan up to the outcome irrealis; the clause after it ("下午就去了Y") is told as done. "帮扶智联物流，但是还没
// 最后定人": a clause of its own that says the clause before is not settled takes that clause's verb back. "一对一帮扶
// 安捷电子，帮着把党组织建起来": 把 + a party body + a formation verb, not said done, after a pairing or a help lead, is what
// the pairing is for. Vocabulary as data: mood_operators (AgentWords).
internal sealed partial class MessageParser
{
    private const int OutcomeClausesAhead = 4;

    private List<(int From, int To)>? unmetPlans;

    /// <summary>True where <paramref name="position"/> lies between a plan's opener and the end of the clause saying it was not kept.</summary>
    private bool InUnmetPlan(int position) => UnmetPlans().Any(p => p.From <= position && position < p.To);

    /// <summary>
    /// The spans of plans not kept: an opener (not 本来就, not inside a name) and, in its clause or one of the next few
    /// clauses of its sentence (or the first clause of the next sentence), an outcome word; the span ends with that
    /// outcome's clause.
    /// </summary>
    private List<(int From, int To)> UnmetPlans()
    {
        if (unmetPlans is not null)
        {
            return unmetPlans;
        }

        if (clauses.Count == 0)
        {
            return [];
        }

        unmetPlans = [];
        foreach (var (at, word) in rules.Agents.UnmetPlanOpeners.FindAll(text, 0, text.Length))
        {
            var after = at + word.Length;
            if (InMention(at) || (after < text.Length && text[after] == '就') || unmetPlans.Any(p => p.From <= at && at < p.To))
            {
                continue;
            }

            var first = clauses.FindIndex(c => c.Start <= at && at < c.End);
            if (first < 0)
            {
                continue;
            }

            var sentencesCrossed = 0;
            for (var k = first; k < clauses.Count && k <= first + OutcomeClausesAhead; k++)
            {
                if (k > first && EndsSentence(clauses[k - 1], clauses[k]) && ++sentencesCrossed > 1)
                {
                    break;
                }

                var from = k == first ? after : clauses[k].Start;
                if (rules.Agents.UnmetPlanOutcomes.FindFirst(text, from, clauses[k].End) is { } outcome && !InMention(outcome.Position))
                {
                    unmetPlans.Add((at, clauses[k].End));
                    break;
                }

                if (sentencesCrossed == 1)
                {
                    break; // only the first clause of the next sentence may say the outcome
                }
            }
        }

        return unmetPlans;
    }

    /// <summary>A day said in a plan not kept ("改到明天") that ends before <paramref name="position"/> dates nothing there.</summary>
    private bool MovedPlanDay(DateMention date, int position) => UnmetPlans().Any(p => p.From <= date.Start && date.Start < p.To && p.To <= position);

    private bool EndsSentence(Clause before, Clause next) =>
        text.AsSpan(before.End, Math.Max(0, next.Start - before.End)).IndexOfAny("。！!？?\n；;") >= 0
        || (before.End > 0 && before.End <= text.Length && "。！!？?\n；;".Contains(text[before.End - 1]));

    /// <summary>
    /// "帮扶智联物流，但是还没最后定人": the clause after <paramref name="clause"/> in its sentence opens (after a closer such as
    /// 但是/不过/只是) with a negation, at most one adverb (最后/正式) and a settling verb (定/确定/落实): what the clause said is
    /// not settled.
    /// </summary>
    private bool UnsettledNext(Clause clause)
    {
        var index = clauses.IndexOf(clause);
        if (index < 0 || index + 1 >= clauses.Count || EndsSentence(clause, clauses[index + 1]))
        {
            return false;
        }

        var next = clauses[index + 1];
        var at = ClauseLead(next);
        if (rules.Agents.ScopeClosers.MatchAt(text, at, next.End) is { } closer)
        {
            at = ClauseLead(new Clause(at + closer.Length, next.End, false));
        }

        foreach (var lead in new[] { "人", "这个", "这事", "这件事", "具体人选", "人选" })
        {
            if (text.AsSpan(at).StartsWith(lead, StringComparison.Ordinal))
            {
                at += lead.Length; // "人还没定", "这个还没最后确定"
                break;
            }
        }

        return UnsettledAt(at, next.End);
    }

    /// <summary>"智联物流的帮扶还没正式敲定": the settling grammar after <paramref name="position"/> in its clause.</summary>
    private bool UnsettledAfter(Clause clause, int position)
    {
        foreach (var (at, _) in rules.Agents.UnsettledNegations.FindAll(text, position, clause.End))
        {
            if (UnsettledAt(at, clause.End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A negation (还没/尚未), at most one adverb (最后/正式) and a settling verb (定/确定/落实) at <paramref name="at"/>.</summary>
    private bool UnsettledAt(int at, int end)
    {
        if (rules.Agents.UnsettledNegations.MatchAt(text, at, end) is not { } negation)
        {
            return false;
        }

        at += negation.Length;
        if (rules.Agents.UnsettledAdverbs.MatchAt(text, at, end) is { } adverb)
        {
            at += adverb.Length;
        }

        return rules.Agents.UnsettledVerbs.MatchAt(text, at, end) is not null;
    }

    /// <summary>
    /// "他来一对一帮扶安捷电子，把党组织建起来", "帮着把支部建起来": a formation verb after 把 and a party body, not said done
    /// (no 了 after it, no day in its clause), whose clause opens with a help lead or follows a pairing clause of its
    /// sentence, is the purpose of the pairing: nothing set up.
    /// </summary>
    private bool IsPairingPurpose(Clause clause, int position, string verb)
    {
        var end = position + verb.Length;
        if (verb.EndsWith('了') || (end < text.Length && text[end] == '了')
            || (end + 1 < text.Length && text.AsSpan(end).StartsWith("起来了", StringComparison.Ordinal))
            || dates.Any(d => d.Start >= clause.Start && d.Start < clause.End))
        {
            return false;
        }

        var ba = text.LastIndexOf('把', position, position - clause.Start + 1);
        if (ba < clause.Start)
        {
            return false;
        }

        var lead = ClauseLead(clause);
        if (rules.Agents.HelpLeads.FindFirst(text, lead, ba + 1) is not null)
        {
            return true; // "帮着把支部建起来", "帮他们把党组织建起来"
        }

        var index = clauses.IndexOf(clause);
        return index > 0 && !EndsSentence(clauses[index - 1], clause) && ba <= lead + 1
            && rules.Pairing.FindAll(text, clauses[index - 1].Start, clauses[index - 1].End).Any(v => !IsAttributive(v));
    }
}
