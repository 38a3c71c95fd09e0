namespace InstructorBot.Bot.Understanding;

// Stage (round 18, branch r18-uextra): records the user did not mean. Each class is a piece of grammar the mood, aspect
// and facts stages ask here, with its words as data (vocabulary unmeant_records, UnmeantWords):
// - a question's lead: a clause ending with a subordinator (以后/之后) right before a question clause of its sentence is
//   part of the question ("社会组织建了功能型党组织以后，里面党员的党费交哪里"), unless it tells a day (今天/昨天);
// - a talk's topic: a formation verb phrase + 的 + a topic noun after a talk verb ("跟老板聊聊建支部的事") names what is
//   talked about, told done or not;
// - no progress: a set-up said meant, then 没动静/没下文 after it in its sentence ("说月初就把工会弄起来 到现在还没动静");
// - those present: a count right before an attendance verb ("5个党员都到了", "一共7个人参加") is no unit's total; in a
//   formation's sentence it is the new body's members where none other is said.
internal sealed partial class MessageParser
{
    /// <summary>How far after a count its attendance verb may stand ("7个人都参加了": 都 between).</summary>
    private const int AttendanceReach = 3;

    /// <summary>How far before a head count its hire verb may end ("新招聘社工3名": the noun between).</summary>
    private const int HireReach = 8;

    /// <summary>
    /// Marks a clause that leads into the question after it (a subordinator at its end, no told day in it) as asked. A
    /// subordinator that is a sequence word (之后) is cut off as a clause of its own: then the clause before it leads, where
    /// it tells nothing done (no 了/过: "去了云启科技 之后 老板问…" is a narrative).
    /// </summary>
    private void MarkQuestionLeads()
    {
        for (var k = clauses.Count - 2; k >= 0; k--)
        {
            var (lead, next) = (clauses[k], clauses[k + 1]);
            if (lead.IsQuestion || !next.IsQuestion || EndsSentence(lead, next) || TellsADay(lead))
            {
                continue;
            }

            var words = text[lead.Start..lead.End].Trim(' ', '，', ',', '、');
            if (rules.Unmeant.QuestionSubordinators.Contains(words))
            {
                clauses[k] = lead with { IsQuestion = true };
                if (k > 0 && clauses[k - 1] is { IsQuestion: false } before && !EndsSentence(before, lead) && !TellsADay(before)
                    && text.AsSpan(before.Start, before.End - before.Start).IndexOfAny("了过") < 0)
                {
                    clauses[k - 1] = before with { IsQuestion = true };
                }

                continue;
            }

            if (rules.Unmeant.QuestionSubordinators.Any(s => words.EndsWith(s, StringComparison.Ordinal) && words.Length > s.Length + 1)
                && rules.Sequence.MatchAt(text, lead.Start) is null)
            {
                clauses[k] = lead with { IsQuestion = true };
            }
        }
    }

    private bool TellsADay(Clause clause) => dates.Any(d => d.Start >= clause.Start && d.Start < clause.End && d.Date <= today);

    /// <summary>The clauses of [<paramref name="start"/>, <paramref name="end"/>) are all a question's lead (<see cref="MarkQuestionLeads"/>).</summary>
    private bool LeadsIntoQuestion(int start, int end)
    {
        var inside = clauses.Where(c => c.Start >= start && c.End <= end).ToList();
        return inside.Count > 0 && inside.All(c => c.IsQuestion);
    }

    /// <summary>
    /// "跟老板聊聊建支部的事": a talk verb before the formation verb in its clause, and the verb phrase + 的 + a topic noun after
    /// it within reach (no 了, pause or blank between). Asked by the formation frame only: the relaxed frame keeps its own
    /// test, so a message the classifier reads as a formation still has its frame for the action filter to judge.
    /// </summary>
    private bool IsTalkTopic(Clause clause, int position, int verbLength)
    {
        if (!rules.Unmeant.TalkVerbs.FindAll(text, clause.Start, position).Any(w => !InMention(w.Position)))
        {
            return false;
        }

        var end = Math.Min(clause.End, position + verbLength + ObjectReach);
        for (var i = position + verbLength; i < end; i++)
        {
            if (text[i] is '了' or '，' or ' ')
            {
                return false;
            }

            if (text[i] == '的')
            {
                return rules.Aspect.TopicNouns.MatchAt(text, i + 1, clause.End) is not null;
            }
        }

        return false;
    }

    /// <summary>"到现在还没动静": a no-progress word after <paramref name="position"/> in its sentence.</summary>
    private bool NoProgressAfter(Clause clause, int position)
    {
        var (_, end) = SentenceAround(clause);
        return rules.Unmeant.NoProgress.FindAll(text, position, end).Any(w => !InMention(w.Position));
    }

    /// <summary>"5个党员都到了", "一共7个人参加": an attendance verb within reach after the count, in its clause.</summary>
    private bool CountsThosePresent(NumberPhrase phrase)
    {
        var clause = ClauseAt(phrase.Start);
        var end = Math.Min(clause.End, phrase.End + AttendanceReach + 2);
        for (var at = phrase.End; at < end && at <= phrase.End + AttendanceReach; at++)
        {
            if (rules.Unmeant.AttendanceVerbs.MatchAt(text, at, clause.End) is not null)
            {
                return true;
            }

            if (!TextNormalizer.IsHan(text[at]) || ChineseNumber.IsNumeralChar(text[at]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "顺达快递（党员2名）与诚信会计师事务所（党员1名）…成立了联合党支部，共有党员3名", "俩单位一共十个党员": in a joint
    /// formation's sentence a member figure said after a sum word (一共/共有/合计) is the new body's members; the units' own
    /// figures said in that sentence are its parts, no unit's total (no org_update beside the formation).
    /// </summary>
    private void JointMembersSummed()
    {
        for (var k = 0; k < drafts.Count; k++)
        {
            var draft = drafts[k];
            if (draft.Action is not { Kind: ActionKind.Formation, Method: Store.Domain.FormationMethod.Joint })
            {
                continue;
            }

            var (start, end) = SentenceAround(ClauseAt(draft.Position));
            var inSentence = memberPhrases.Where(p => !p.Approximate && p.Category is null && p.Start >= start && p.End <= end).ToList();
            var sums = inSentence.Where(SaidAfterSumWord).ToList();
            if (sums.Count != 1)
            {
                continue;
            }

            foreach (var part in inSentence)
            {
                part.Consumed = true;
            }

            drafts[k] = draft with { Action = draft.Action with { Members = sums[0].Value } };
        }
    }

    /// <summary>"共有党员3名", "一共4名党员", "俩单位一共十个党员": a sum word right before the figure, or before 党员/有 and the figure.</summary>
    private bool SaidAfterSumWord(NumberPhrase phrase)
    {
        var before = text[Math.Max(0, phrase.Start - 8)..phrase.Start].TrimEnd(' ');
        foreach (var gap in new[] { "党员", "有", "是", "为" })
        {
            before = before.EndsWith(gap, StringComparison.Ordinal) ? before[..^gap.Length].TrimEnd(' ') : before;
        }

        return rules.Unmeant.SumWords.Any(w => before.EndsWith(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// "新招聘社工3名", "新入职了5个人": a head count right after a hire verb (its noun, 了 or blanks between, no figure and
    /// no 现在) counts those hired, a change, not the unit's total.
    /// </summary>
    private bool CountsThoseHired(NumberPhrase phrase)
    {
        var from = Math.Max(ClauseAt(phrase.Start).Start, phrase.Start - HireReach);
        foreach (var (at, word) in rules.Hire.FindAll(text, from, phrase.Start))
        {
            var between = text.AsSpan(at + word.Length, phrase.Start - at - word.Length);
            if (at + word.Length <= phrase.Start && !InMention(at) && !between.ContainsAny("0123456789一二两三四五六七八九十百俩仨") && !between.Contains("现在", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "新招聘社工3名，其中党员1名", "新入职了5个人，其中2个是党员": members counted among those hired (a subset word, 其中/当中/
    /// 里面, right after the hire count) are members who came with the hire, not the unit's total.
    /// </summary>
    private bool CountedAmongThoseHired(NumberPhrase phrase) =>
        employeePhrases.Any(hired => hired.End <= phrase.Start && phrase.Start - hired.End <= SubsetReach && CountsThoseHired(hired)
            && SubsetWords.Any(w => text.IndexOf(w, hired.End, phrase.Start - hired.End, StringComparison.Ordinal) >= 0));

    /// <summary>The words that take a part of the group counted before them.</summary>
    private static readonly string[] SubsetWords = ["其中", "当中", "里面", "里头", "这里面"];

    /// <summary>How far after the hire count the members among them may be said ("，其中党员").</summary>
    private const int SubsetReach = 6;

    /// <summary>"一名党员律师跳槽去了福田", "有个党员司机调去了北站": a departure verb ending right at the motion verb.</summary>
    private bool IsDeparture(int motionAt) =>
        rules.Motion.MatchAt(text, motionAt) is not null && rules.Unmeant.DepartureVerbs.LongestEndingAt(text, motionAt) > 0 && !InMention(motionAt - 1);

    /// <summary>
    /// The message moves only members leaving: motion verbs, each a departure, and no visit verb. The relaxed visit frame
    /// (anchored at the units named) then reads no visit.
    /// </summary>
    private bool OnlyDeparturesMove()
    {
        var motions = rules.Motion.FindAll(text).Where(m => !InMention(m.Position)).ToList();
        return motions.Count > 0 && motions.All(m => IsDeparture(m.Position)) && !rules.Visit.FindAll(text).Any(v => !InMention(v.Position));
    }

    /// <summary>A formation with no members said takes the count of those present said in its sentence ("一共7个人参加").</summary>
    private void MembersFromThosePresent()
    {
        for (var k = 0; k < drafts.Count; k++)
        {
            var draft = drafts[k];
            if (draft.Action is not { Kind: ActionKind.Formation, Members: null })
            {
                continue;
            }

            var (start, end) = SentenceAround(ClauseAt(draft.Position));
            var present = memberPhrases.Concat(employeePhrases)
                .Where(p => !p.Consumed && !p.Approximate && p.Start >= start && p.End <= end && CountsThosePresent(p)).ToList();
            if (present.Count == 1)
            {
                present[0].Consumed = true;
                drafts[k] = draft with { Action = draft.Action with { Members = present[0].Value } };
            }
        }
    }
}
