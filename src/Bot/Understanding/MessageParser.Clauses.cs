using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: clauses (segmentation from separators, sequence words and visits said one after another), questions, and modality (negation, plans, suppositions).
internal sealed partial class MessageParser
{
    // ---------------------------------------------------------------- structure

    private void SplitClauses()
    {
        var grammarStarts = Understanding.Tokens.ClauseStarts.Find(text, MessageTokens);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var atEnd = i == text.Length;
            if (!atEnd && (!IsSeparator(text[i]) || JoinsShortWord(start, i)))
            {
                if (i > start && (rules.Sequence.MatchAt(text, i) is not null || StartsAnotherVisit(start, i) || grammarStarts.Contains(i) || ItemNumberLength(i) > 0) && !InsideMention(i))
                {
                    AddClause(start, i, false);
                    start = i;
                }

                continue;
            }

            AddClause(start, i, !atEnd && text[i] is '?');
            start = i + 1;
        }

        MarkAlternativeQuestions(); // MessageParser.Alternatives.cs: "联合建，还是挂靠社区好？"
        MarkQuestionLeads(); // MessageParser.Unmeant.cs: "建了功能型党组织以后，党费交哪里"
    }

    /// <summary>"昨天去了云启科技今天去了青禾文化": a date after a visit to a named organisation starts the next visit.</summary>
    /// <remarks>Asked at every position of the message: loops, not lambdas (a closure was allocated per position).</remarks>
    private bool StartsAnotherVisit(int start, int position)
    {
        if (!DayStartsAt(position) || !(rules.Visit.ContainsAny(text, start, position) || rules.Motion.ContainsAny(text, start, position)))
        {
            return false;
        }

        var named = false;
        foreach (var m in mentions)
        {
            named |= m.Start >= start && m.End <= position;
        }

        return named && (rules.Visit.ContainsAny(text, position, Math.Min(text.Length, position + 8)) || rules.Motion.ContainsAny(text, position, Math.Min(text.Length, position + 8)));
    }

    private bool DayStartsAt(int position)
    {
        foreach (var d in dates)
        {
            if (d.Start == position)
            {
                return true;
            }
        }

        return false;
    }

    private void AddClause(int start, int end, bool endsWithQuestionMark)
    {
        if (end > start)
        {
            clauses.Add(new Clause(start, end, endsWithQuestionMark || IsQuestion(start, end)));
        }
    }

    /// <summary>Voice input spaces out words ("蓝海电商 今天 发现 党员 2名"): a blank next to a word of two characters or fewer splits nothing.</summary>
    private bool JoinsShortWord(int start, int blank)
    {
        if (text[blank] != ' ')
        {
            return false;
        }

        var next = blank + 1;
        while (next < text.Length && !IsSeparator(text[next]))
        {
            next++;
        }

        var previous = blank;
        while (previous > start && text[previous - 1] != ' ')
        {
            previous--;
        }

        // "成立了 团支部", "发现 流动党员 两名": a party or mass organisation, or members, do not start a clause.
        // "恒信建筑党支部 今天弄好了": a party or mass body said as the topic, then the day it was set up (with no body of its own).
        return blank - previous is > 0 and <= 2 || next - blank - 1 is > 0 and <= 2
            || rules.PartyAndMassWords.MatchAt(text, blank + 1) is not null || rules.Categories.MatchAt(text, blank + 1) is not null
            || (rules.PartyAndMassWords.LongestEndingAt(text, blank) > 0 && dates.Any(d => d.Start == blank + 1) && !rules.PartyAndMassWords.ContainsAny(text, blank + 1, next));
    }

    private static bool IsSeparator(char c) => c is ',' or '，' or '。' or ';' or '；' or '!' or '！' or '?' or ' ' or '~' or '～' or '…' or '\n';

    private bool IsQuestion(int start, int end) => IsEitherOrQuestion(start, end) || EndsWithNotAfterModal(start, end) ||
        rules.Question.FindAll(text, start, end).Any(q =>
            !(q.Word[0] == '几' && (rules.IsFew(text, q.Position) || IsSeveralAsSubject(start, end, q.Position) || IsSeveralSummed(start, end, q.Position))) // 十几个, 好几个月, 这几天, 可能再招几个人: "a few", no question
            && !(q.Word is "呢" or "吗" && q.Position + 1 < end && TextNormalizer.IsHan(text[q.Position + 1])) // "今天呢去了…" is a filler
            && !(q.Word == "呢" && IsDeclarativeNe(start, q.Position))
            && !IsIndefiniteAfterNone(q.Position, q.Word)); // "都没啥新情况": nothing new, no question

    /// <summary>
    /// 呢 that asks nothing: of a state that goes on (还/着/正 before it in the clause: "关系还揣兜里呢", "口袋里揣着关系呢",
    /// "还没建呢"), or a topic's pause with the sentence going on after a comma ("另外一个呢，组织关系一直放在老家"). A clause
    /// with a question word of its own is still asked by that word.
    /// </summary>
    private bool IsDeclarativeNe(int start, int at)
    {
        var before = text.AsSpan(start, at - start);
        return before.IndexOfAny('还', '着', '正') >= 0
            || (at + 2 < text.Length && text[at + 1] is '，' or ',' && TextNormalizer.IsHan(text[at + 2]));
    }

    /// <summary>"没啥新情况", "没有什么变化": 啥/什么 right after a word of none is "anything", not "what?".</summary>
    private bool IsIndefiniteAfterNone(int position, string word) =>
        word is "啥" or "什么" && rules.Vocabulary.NoneWords.Any(n => n.Length > 0 && n != "零" && text.AsSpan(0, position).EndsWith(n, StringComparison.Ordinal));

    /// <summary>"能建功能型党组织不", "可以单独建不": a modal, then 不 closing the clause, asks yes or no.</summary>
    private bool EndsWithNotAfterModal(int start, int end)
    {
        var last = end - 1;
        while (last > start && text[last] is ' ' or '?' or '啊' or '呀')
        {
            last--;
        }

        return last > start && text[last] == '不' && TextNormalizer.IsHan(text[last - 1])
            && (text.AsSpan(start, last - start).Contains('能') || text.AsSpan(start, last - start).Contains("可以", StringComparison.Ordinal)
                || text.AsSpan(start, last - start).Contains('要') || text.AsSpan(start, last - start).Contains('行'));
    }

    /// <summary>"算不算", "行不行", "去没去": a verb, 不/没, the same verb asks a yes-or-no question.</summary>
    private bool IsEitherOrQuestion(int start, int end)
    {
        for (var i = Math.Max(start, 1); i + 1 < end; i++)
        {
            if (text[i] is '不' or '没' && TextNormalizer.IsHan(text[i - 1]) && text[i + 1] == text[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    // ---------------------------------------------------------------- modality

    /// <summary>A verb is no fact when negated just before it, or when a plan word comes before it in its clause.</summary>
    private bool IsBlocked(Clause clause, int position)
    {
        var from = Math.Max(clause.Start, position - 4);
        foreach (var (at, word) in rules.Negation.FindAll(text, from, position))
        {
            // 不过 is no negation; "我也没闲着去德润物业…": a negated state closed by 着 is a predicate of its own, not the verb's.
            if (at + word.Length >= position - 3 && rules.Agents.ScopeClosers.MatchAt(text, at, position) is null
                && text.IndexOf('着', at + word.Length, Math.Max(0, position - at - word.Length)) < 0)
            {
                return true;
            }
        }

        return PlannedInClause(clause, position) || DateFor(position) > today || IsHypothetical(position) || IsAnothersTrip(clause, position)
            || IsHearsay(position) // MessageParser.Discourse.cs
            || IsDeparture(position) // MessageParser.Unmeant.cs: "党员律师跳槽去了福田"
            || IsHeardFromOthers(position) || IsAnothersAct(position) || InRetractedRecord(position) // MessageParser.Agents.cs
            || PlannedByHeading(position) // MessageParser.Items.cs
            || IsAgendaTrip(clause, position) // MessageParser.Agenda.cs
            || IsUnrealized(position) // MessageParser.Mood.cs
            || InUnmetPlan(position) || ((UnsettledNext(clause) || UnsettledAfter(clause, position)) && rules.Visit.MatchAt(text, position) is null && rules.Motion.MatchAt(text, position) is null); // MessageParser.UnmetPlans.cs
    }

    /// <summary>
    /// "孙磊昨天去了瑞康医疗 这个他自己会报": a trip whose subject, said at the start of its clause (fillers before it, a day
    /// after it), is a person named other than the sender is that person's to report, not the sender's visit.
    /// </summary>
    private bool IsAnothersTrip(Clause clause, int position)
    {
        if (rules.Visit.MatchAt(text, position) is null && rules.Motion.MatchAt(text, position) is null)
        {
            return false;
        }

        var start = clause.Start;
        for (var guard = 0; guard < 4 && start < position; guard++)
        {
            if (text[start] == ' ')
            {
                start++;
            }
            else if (rules.SpokenFillers.MatchAt(text, start) is { } filler)
            {
                start += filler.Length;
            }
            else if (rules.Agents.ScopeClosers.MatchAt(text, start) is { } closer)
            {
                start += closer.Length; // "但是前天走访了…": 但是 is no name (MessageParser.Mood.cs)
            }
            else
            {
                break;
            }
        }

        var end = position;
        if (dates.FirstOrDefault(d => d.Start >= start && d.Start < position) is { } day)
        {
            end = day.Start;
        }

        if (mentions.Any(m => m.Start < end && m.End > start))
        {
            return false; // "那个华鼎今天去了一下": an organisation's short name, not a person
        }

        var said = text.AsSpan(start, end - start).Trim();
        var subject = said[(said.LastIndexOf(' ') + 1)..].ToString(); // "对 孙磊这礼拜一去了…": the word right before the day
        return subject.Length is 2 or 3 && rules.Names.ReadAt(subject, 0) == subject && subject != sender.Name && !said.Contains('我');
    }

    /// <summary>
    /// "如果顺达快递再发现一名党员，就能单独建支部了", "假如宏图贸易注销": what a clause with a condition word says, and what
    /// the clause right after it in the same sentence says (the consequence), is supposed, not done.
    /// </summary>
    private bool IsHypothetical(int position)
    {
        var index = clauses.FindIndex(c => c.Start <= position && position <= c.End);
        if (index < 0)
        {
            return false;
        }

        if (HasCondition(clauses[index]))
        {
            return true;
        }

        if (index == 0)
        {
            return false;
        }

        var previous = clauses[index - 1];
        var between = text.AsSpan(previous.End, Math.Max(0, clauses[index].Start - previous.End));
        return between.IndexOfAny("。！!？?\n；;") < 0 && HasCondition(previous) && !OpensNewFrame(clauses[index]); // OpensNewFrame: MessageParser.Mood.cs
    }

    private bool HasCondition(Clause clause) =>
        rules.Conditional.FindAll(text, clause.Start, clause.End)
            .Any(c => c.Word != "要是" || c.Position == 0 || !"主只需重总正就还也都而".Contains(text[c.Position - 1]));

    private bool IsPlanned(int position)
    {
        var clause = ClauseAt(position);
        if (IsUnrealized(position, fact: true))
        {
            return true; // MessageParser.Mood.cs
        }

        if (rules.Plan.FindAll(text, clause.Start, position).LastOrDefault() is not { Word: not null } plan)
        {
            return IsHypothetical(position);
        }

        // "下周准备去帮他们建团支部 党员现在是十二名": the plan ends with the body it would set up; a figure said after that
        // and a pause is a fact again (voice input joins the two across a blank).
        // So does a planned trip: "过几天再去一趟 党员两个".
        var planned = rules.PartyAndMassWords.FindFirst(text, plan.Position + plan.Word.Length, position)
            ?? rules.Visit.FindFirst(text, plan.Position, position) ?? rules.Motion.FindFirst(text, plan.Position, position); // 再去/要去 hold the verb
        return planned is not { Word: not null } body || text.IndexOf(' ', body.Position + body.Word.Length, position - body.Position - body.Word.Length) < 0
            || IsHypothetical(position);
    }

    private bool IsNegatedOnly(Clause clause, int position) =>
        rules.Negation.FindAll(text, Math.Max(clause.Start, position - 3), position).Count > 0;
}
