using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: organisation facts (totals, employees, status) and the organisations they concern.
internal sealed partial class MessageParser
{
    /// <summary>Totals and status: one org_update per organisation, where its first fact is said.</summary>
    private void FindFacts()
    {
        var updates = new Dictionary<string, (int Position, UnderstoodAction Action)>(StringComparer.Ordinal);
        void Fact(int position, Func<UnderstoodAction, UnderstoodAction> apply, bool all = false)
        {
            var clause = ClauseAt(position);
            if (clause.IsQuestion)
            {
                return;
            }

            foreach (var target in FactTargets(clause, position, all))
            {
                if (target is not null && IsAnotherUnitReported(target))
                {
                    continue; // "德润物业今天去了 罗总说启航学校那边已经有十二个党员了": what the host said of another unit
                }

                var key = target is null ? "" : Identity(target);
                if (!updates.TryGetValue(key, out var update))
                {
                    update = (position, Record(ActionKind.OrgUpdate, target, position));
                }

                updates[key] = (update.Position, apply(update.Action));
            }
        }

        foreach (var (position, word) in rules.Respectively.FindAll(text))
        {
            // "云启科技和青禾文化的员工分别是180人和45人": the n-th figure is the n-th organisation's.
            var noun = text.AsSpan(0, position).TrimEnd('的');
            var members = noun.EndsWith("党员");
            if (!members && !rules.EmployeeWords.EndsAt(text, noun.Length, Math.Max(0, noun.Length - 6)) || ClauseAt(position).IsQuestion)
            {
                continue;
            }

            var figures = new List<int>();
            var at = position + word.Length;
            at += text.AsSpan(at).StartsWith("是") || text.AsSpan(at).StartsWith("为") || text.AsSpan(at).StartsWith("有") ? 1 : 0;
            while (ReadNumberAfter(at) is { Approximate: false } figure && figure.End - at <= 8)
            {
                figures.Add(figure.Value);
                at = figure.End;
                if (at < text.Length && text[at] is '和' or '、' or ',' or '，' or '与')
                {
                    at++;
                }
            }

            var listed = ListBefore(position);
            if (figures.Count < 2 || figures.Count != listed.Count)
            {
                continue;
            }

            for (var n = 0; n < figures.Count; n++)
            {
                var value = figures[n];
                var key = Identity(listed[n]!);
                var update = updates.TryGetValue(key, out var known) ? known : (Position: position, Action: Record(ActionKind.OrgUpdate, listed[n], position));
                updates[key] = (update.Position, members ? update.Action with { PartyMembers = value } : update.Action with { Employees = value });
            }
        }

        foreach (var phrase in employeePhrases.Where(p => !p.Approximate && !p.Consumed && !IsPlanned(p.Start) && !CountsThosePresent(p) && !CountsThoseHired(p)))
        {
            // A figure said as the total now (现在…, 只剩…) replaces one said before it; one read from parts or what is left is asked.
            Fact(phrase.Start, a => a with { Employees = figuresNow.Contains(phrase.Start) ? phrase.Value : a.Employees ?? phrase.Value, Doubtful = a.Doubtful || figuresInferred.Contains(phrase.Start) });
        }

        foreach (var phrase in memberPhrases.Where(p => !p.Consumed && !p.Approximate && p.Category is null && !IsPlanned(p.Start) && !CountsThosePresent(p) && !CountedAmongThoseHired(p)))
        {
            Fact(phrase.Start, a => a with { PartyMembers = figuresNow.Contains(phrase.Start) ? phrase.Value : a.PartyMembers ?? phrase.Value, Doubtful = a.Doubtful || figuresInferred.Contains(phrase.Start) });
        }

        // "人去楼空 就是个空壳": a status word said for the organisation names its status over a phrase that describes one.
        foreach (var (position, word) in rules.Statuses.FindAll(text).OrderBy(s => rules.StatusDescriptions.MatchAt(text, s.Position) is { } d && d.Length == s.Word.Length ? 1 : 0))
        {
            var clause = ClauseAt(position);
            if (!IsNegatedOnly(clause, position) && !IsPlanned(position))
            {
                var status = Enum.Parse<OperatingStatus>(rules.Vocabulary.Statuses[word], ignoreCase: true);
                Fact(position, a => a with { Status = a.Status ?? status }, all: true);
            }
        }

        foreach (var (position, action) in updates.Values)
        {
            Add(position, action);
        }
    }

    /// <summary>
    /// "一个党员没有", "党员还是一个没有": 一 with its measure, then a negation closing the clause, says none (emphatic), not one.
    /// "有一个党员没有亮明身份" goes on after the negation and stays one.
    /// </summary>
    private void ReadEmphaticNone()
    {
        for (var k = 0; k < memberPhrases.Count; k++)
        {
            var phrase = memberPhrases[k];
            if (phrase.Value != 1 || phrase.Approximate)
            {
                continue;
            }

            if (NegatedBefore(phrase.Start))
            {
                memberPhrases[k] = phrase with { Value = 0 }; // "还没有一个党员", "没有一名党员": a negation before 一 + measure
                continue;
            }

            var at = phrase.End;
            while (at < text.Length && text[at] == ' ')
            {
                at++;
            }

            at += text.AsSpan(at).StartsWith("党员") ? 2 : 0;
            if (rules.NoneAfterOne.MatchAt(text, at) is { } none && (at + none.Length == text.Length || !TextNormalizer.IsHan(text[at + none.Length])
                || text[at + none.Length] is '了' or '的' or '啊' or '呢'))
            {
                memberPhrases[k] = phrase with { Value = 0 };
            }
        }
    }

    /// <summary>
    /// A unit first named right after a speaker's 说 (a blank or a filler between), in a message that reports a visit to
    /// another unit before it: "德润物业今天去了 罗总说启航学校那边已经有十二个党员了". Its figures are what the host said of
    /// a neighbour, not the sender's facts; the visited unit's own ("罗总说他们现在一百二十个人") are.
    /// </summary>
    private bool IsAnotherUnitReported(OrganizationMention target)
    {
        var at = target.Start;
        while (at > 0 && text[at - 1] == ' ')
        {
            at--;
        }

        if (at == 0 || text[at - 1] != '说')
        {
            return false;
        }

        var said = at - 1;
        var before = UsableMentions().Where(m => m.End <= said && !m.IsGeneric).ToList();
        return before.Count > 0 && before.All(m => Identity(m) != Identity(target))
            && (rules.Visit.ContainsAny(text, 0, said) || rules.Motion.ContainsAny(text, 0, said));
    }

    /// <summary>A none word (<c>none_words</c>: 没有, 没, 无) ending right before <paramref name="start"/>.</summary>
    private bool NegatedBefore(int start)
    {
        var before = text.AsSpan(0, start);
        foreach (var none in rules.Vocabulary.NoneWords)
        {
            if (before.EndsWith(none))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A fact concerns the organisation named last before it; all of those listed when it says 都/均/各 or <paramref name="all"/>.</summary>
    private List<OrganizationMention?> FactTargets(Clause clause, int position, bool all)
    {
        if (MentionsIn(clause).Count == 0 && rules.AllTogether.ContainsAny(text, clause.Start, position + 1))
        {
            // "走访了手造咖啡和青禾文化，两家都没有党员": the fact holds for every one listed.
            if (ListBefore(clause.Start) is { Count: > 1 } listed)
            {
                return listed;
            }
        }

        var targets = TargetsFor(clause, position, wholeClause: false);
        if (targets.Count <= 1)
        {
            return targets;
        }

        var last = targets[^1];
        // A target may end after the fact ("德润物业跟阳光社工 … 联合党支部 … 党员九个": the list read on from the clause): no words between.
        var between = last is null || last.End > position ? "" : text[last.End..position];
        return all || between.Contains('都') || between.Contains('均') || between.Contains('各') ? targets : [last];
    }
}
