namespace InstructorBot.Bot.Understanding;

// Stage: modality: who did it. A visit or a discovery is the sender's record only where the sender did it (or nobody
// else is said to have); what the sender heard of from others is no record of the sender's.
internal sealed partial class MessageParser
{
    private enum Agent
    {
        None,
        Self,
        Other,
    }

    /// <summary>
    /// "我们网格员去看了", "是街道王干事去走访的", "孙建国说他昨天又发现了一个流动党员", "孙委员替我去了一趟", "上个月已经有人来排查过了
    /// 发现了三个党员": a visit or a discovery whose doer, the nearest agent word before the verb, is someone other than the
    /// sender. The doer is looked for in the verb's clause and the two before it in the same sentence (a subject carries
    /// over pauses: "…是区里的同志去走访的 不是我 当时查出来一个"), up to a clause that opens with a day (a new account).
    /// A person after 陪/跟/带着 went along and after 替/帮 was stood in for: neither is the doer ("今天我陪他去的",
    /// "网格员带我去了" are the sender's visits; "孙委员替我去了" is not). Verbs whose subject is the member or the unit
    /// (新来了, 发展了) and hires (the unit hires) have no finder to ask about.
    /// </summary>
    private bool IsAnothersAct(int position)
    {
        if (rules.Hire.MatchAt(text, position) is not null || rules.Agents.FinderlessDiscoveries.MatchAt(text, position) is not null
            || (rules.Visit.MatchAt(text, position) is null && rules.Motion.MatchAt(text, position) is null && rules.Discovery.MatchAt(text, position) is null))
        {
            return false;
        }

        return DoerBefore(position) switch
        {
            Agent.Other => true,
            Agent.None => IsNamedOthersAct(position) || FamiliarNameBefore(position), // MessageParser.People.cs, MessageParser.Mood.cs
            _ => false,
        };
    }

    /// <summary>The doer of the verb at <paramref name="position"/>: the nearest agent word before it (see <see cref="IsAnothersAct"/>).</summary>
    private Agent DoerBefore(int position)
    {
        var index = clauses.FindIndex(c => c.Start <= position && position <= c.End);
        if (index < 0)
        {
            return Agent.None;
        }

        if (CleftDoer(clauses[index], position) is { } cleft)
        {
            return cleft; // "今天去青禾文化的是老周": the doer after 的是
        }

        if (SelfDeniedAfter(index))
        {
            return Agent.Other; // "老赵自己去了趟微光软件 我没去"
        }

        for (var k = index; k >= Math.Max(0, index - 2); k--)
        {
            var clause = clauses[k];
            if (k < index && text.AsSpan(clause.End, Math.Max(0, clauses[k + 1].Start - clause.End)).IndexOfAny("。！!？?\n；;") >= 0)
            {
                break; // another sentence
            }

            if (k < index && ClosedAt(clauses[k + 1]))
            {
                break; // "…是小邓去的 不是我 倒是昨天到云启科技走了一趟": a closer (MessageParser.Mood.cs) starts the sender's own account
            }

            if (k == index && AppointeeBefore(clause, position) is { } sent)
            {
                return sent; // "街道安排刘洋去云启科技当指导员": the one sent goes
            }

            var words = rules.Agents.All.FindAll(text, clause.Start, k == index ? position : clause.End);
            for (var w = words.Count - 1; w >= 0; w--)
            {
                if (AgentOf(words[w].Position, words[w].Word, position) is { } agent)
                {
                    return agent;
                }
            }

            if (dates.Any(d => d.Start >= clause.Start && d.Start <= clause.Start + 1))
            {
                break; // "今天发现了两个": a day opening the clause starts the sender's own account
            }
        }

        return Agent.None;
    }

    private bool InMention(int position) => mentions.Any(m => m.Start <= position && position < m.End);

    /// <summary>The person an appointing or sending verb before <paramref name="position"/> in its clause names: the one who goes.</summary>
    private Agent? AppointeeBefore(Clause clause, int position)
    {
        if (rules.InstructorVerbs.FindAll(text, clause.Start, position).LastOrDefault() is not { Word: not null } verb)
        {
            return null;
        }

        var at = verb.Position + verb.Word.Length;
        while (at < position && text[at] is '了' or '个')
        {
            at++;
        }

        return at < position && PersonAt(at) is { Name: { } name } ? name == sender.Name ? Agent.Self : Agent.Other : null;
    }

    /// <summary>Who the agent word at <paramref name="at"/> says did the verb at <paramref name="verb"/>; null when it is no doer.</summary>
    private Agent? AgentOf(int at, string word, int verb)
    {
        if (InMention(at))
        {
            return null; // a character of an organisation's name
        }

        if (word is "他" or "她" && ((at + 1 < text.Length && text[at + 1] == '们') || (at > 0 && text[at - 1] == '其')))
        {
            return null; // 他们 is mostly the unit ("他们新招的"); 其他 is no person
        }

        var self = rules.Agents.Self.MatchAt(text, at) == word;
        var end = at + word.Length;
        if (self && rules.Agents.NotSelf.EndsAt(text, at, Math.Max(0, at - 3)))
        {
            return Agent.Other; // "不是我"
        }

        // The words in front of the person's noun phrase ("陪街道的李委员", "陪同区委组织部领导", "替我"): no pause, ten characters at most.
        var from = at;
        while (from > 0 && at - from < 10 && !IsSeparator(text[from - 1]))
        {
            from--;
        }

        var companion = rules.Agents.Companions.FindAll(text, from, at).Any(c => !InMention(c.Position));
        var standIn = rules.Agents.StandIns.FindAll(text, from, at).Any(c => !InMention(c.Position));
        if (self)
        {
            if (standIn && !companion)
            {
                // "替我去了一趟": someone else went for the sender; "帮我记一下 今天去了…" asks the bot, the sender went
                return verb - end <= 2 ? Agent.Other : null;
            }

            return Agent.Self;
        }

        return companion || standIn ? null : Agent.Other;
    }

    /// <summary>
    /// "听街道办同志讲，…", "听社区书记讲，云启科技上礼拜已经有人去过了": 听, the one who said it, and a verb of telling (讲,
    /// 提起) before the verb in its sentence: heard of, not done or seen by the sender (听…说 and 听说 are read in
    /// MessageParser.Discourse.cs).
    /// </summary>
    private bool IsHeardFromOthers(int position)
    {
        var sentenceStart = position;
        while (sentenceStart > 0 && text[sentenceStart - 1] is not ('。' or '！' or '!' or '？' or '?' or '\n' or '；' or ';'))
        {
            sentenceStart--;
        }

        sentenceStart = Math.Max(sentenceStart, ContrastStart(position)); // MessageParser.Mood.cs: "听…讲 … 结果今天…"
        for (var at = text.IndexOf('听', sentenceStart, position - sentenceStart); at >= 0; at = at + 1 < position ? text.IndexOf('听', at + 1, position - at - 1) : -1)
        {
            if (at + 1 < text.Length && text[at + 1] is '取' or '了')
            {
                continue; // "听取了负责人介绍": a briefing the sender sat in, first-hand
            }

            for (var i = at + 2; i < position && i <= at + 10; i++)
            {
                if (IsSeparator(text[i - 1]))
                {
                    break;
                }

                if (rules.Agents.HeardFrom.MatchAt(text, i, position) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "刚才所报顺达快递走访一条日期有误，请撤回", "前面发的智联物流那条不算，请删除": a reference to a record sent before (an
    /// opener — 刚才, 前面, 所报, 发的 — then what the record said, then 一条/那条/记录, in one clause) that a retraction verb
    /// after it takes back. The words inside the reference describe the old record: no new one is read from them.
    /// </summary>
    private (int Start, int End)? RetractedRecord()
    {
        if (retracted is { } known)
        {
            return known.Found ? (known.Start, known.End) : null;
        }

        retracted = (false, 0, 0);
        foreach (var (at, noun) in rules.Agents.RecordNouns.FindAll(text))
        {
            var opener = -1;
            for (var i = at - 1; i >= 0 && at - i <= 20 && (text[i] == ' ' || !IsSeparator(text[i])); i--)
            {
                if (rules.Agents.EarlierRecordOpeners.MatchAt(text, i, at) is not null)
                {
                    opener = i;
                }
            }

            if (opener < 0 && rules.Agents.EarlierRecordOpeners.MatchAt(text, at) is { } self && self.Length == noun.Length)
            {
                opener = at; // "上条删了": a record noun that names the earlier record by itself (上条, 上一条)
            }

            var end = at + noun.Length;
            if (opener >= 0 && rules.Agents.Retractions.ContainsAny(text, end, Math.Min(text.Length, end + 16)))
            {
                retracted = (true, opener, end);
                return (opener, end);
            }
        }

        return null;
    }

    private (bool Found, int Start, int End)? retracted;

    /// <summary>A verb inside a reference to an earlier record that is taken back (<see cref="RetractedRecord"/>).</summary>
    private bool InRetractedRecord(int position) => RetractedRecord() is { } span && span.Start <= position && position < span.End;

    /// <summary>
    /// The instructor an appointment names: the person after an appointing verb who then serves as instructor in the same
    /// clause ("街道安排刘洋去德润物业当党建指导员", "街道选派我到汇通汽车担任党建指导员", "街道派他当诚信的党建指导员" with 他
    /// the person named before), or the person right after the word that settles the post, with who appoints between
    /// ("电商协会的党建指导员街道定了张伟"). The sender's name for 我/本人; null when no person is said that way.
    /// </summary>
    private string? AppointedInstructor()
    {
        foreach (var (position, verb) in rules.InstructorVerbs.FindAll(text))
        {
            var at = position + verb.Length;
            while (at < text.Length && text[at] is '了' or '个')
            {
                at++;
            }

            // "安排了社区党建专干黄晓明当他们的指导员": else a holder phrase (places, 的, titles) before the name.
            // A name read at the verb that no name boundary closes ("党群服|务中心…") comes after the holder phrase.
            var direct = PersonAt(at);
            var closed = direct is not { Name: { } read } || read != rules.Names.ReadAt(text, at) || rules.Names.ClosedAt(text, at + direct.Value.Length);
            foreach (var candidate in closed ? (ReadOnlySpan<(string? Name, int Length)?>)[direct, HolderPhraseAt(at)] : [HolderPhraseAt(at), direct])
            {
                if (candidate is not { } person)
                {
                    continue;
                }

                // The post after the person, in the same stretch of speech (past the pause that closes a name in apposition:
                // "派社区的小邱，邱文斌，去当…"): 当/担任 … 指导员.
                var from = at + person.Length;
                while (from < text.Length && from - at - person.Length < 1 && text[from] is '，' or ',' or ' ')
                {
                    from++;
                }

                var end = from;
                while (end < text.Length && end - at < 28 && text[end] is not ('，' or ',' or '。' or '；' or ';' or '！' or '!' or '？' or '?' or '\n'))
                {
                    end++;
                }

                if (rules.Agents.ServeVerbs.FindFirst(text, from, end) is { } serve
                    && rules.InstructorWords.ContainsAny(text, serve.Position + serve.Word.Length, end))
                {
                    return person.Name;
                }
            }
        }

        foreach (var (position, word) in rules.InstructorWords.FindAll(text))
        {
            var at = position + word.Length;
            if (rules.Agents.Appointers.MatchAt(text, at) is not { } appointer)
            {
                continue;
            }

            at += appointer.Length;
            if (rules.SettledWords.MatchAt(text, at) is { } settled && PersonAt(at + settled.Length) is { Name: not null } named
                && (at + settled.Length + named.Length >= text.Length || IsSeparator(text[at + settled.Length + named.Length])))
            {
                return named.Name;
            }
        }

        return null;
    }

    /// <summary>The name a holder phrase at <paramref name="position"/> ends in, with the phrase's length (PersonNames.ReadHolder).</summary>
    private (string? Name, int Length)? HolderPhraseAt(int position)
    {
        if (rules.Names.ReadHolder(text, position) is not { } name || text.IndexOf(name, position, StringComparison.Ordinal) is var at && at < 0 || InsideOrAtMention(at))
        {
            return null;
        }

        return (name, at + name.Length - position);
    }

    /// <summary>The person said at <paramref name="position"/>: 我/本人 (the sender), 他/她 (the person named before), or a name.</summary>
    private (string? Name, int Length)? PersonAt(int position)
    {
        if (position >= text.Length)
        {
            return null;
        }

        if (rules.Agents.Self.MatchAt(text, position) is { } self && !(self == "我" && position + 1 < text.Length && text[position + 1] == '们'))
        {
            return (sender.Name, self.Length);
        }

        if (text[position] is '他' or '她' && !(position + 1 < text.Length && text[position + 1] == '们'))
        {
            return PersonNamedBefore(position) is { } antecedent ? (antecedent, 1) : null;
        }

        return rules.Names.ReadAt(text, position) is { Length: >= 2 } name && rules.Titles.MatchAt(text, position + 1) is null
            && !mentions.Any(m => m.Start <= position && position < m.End)
            ? (name, name.Length)
            : null;
    }

    /// <summary>"今天陪刘洋去了…… 街道派他当……": the last person named after 陪/跟/带着 or an appointing verb before <paramref name="position"/>.</summary>
    private string? PersonNamedBefore(int position)
    {
        string? found = null;
        for (var i = 1; i < position; i++)
        {
            if ((rules.Agents.Companions.EndsAt(text, i, Math.Max(0, i - 2)) || rules.InstructorVerbs.EndsAt(text, i, Math.Max(0, i - 2)))
                && rules.Names.ReadAt(text, i, position) is { Length: >= 2 } name && rules.Titles.MatchAt(text, i + 1) is null
                && !mentions.Any(m => m.Start <= i && i < m.End))
            {
                found = name;
            }
        }

        return found;
    }

    /// <summary>
    /// "刚招聘进来一个厨师长 是党员", "后厨新招的两个师傅里有一个是党员": the people counted right after a hire verb (its
    /// complement 进来/过来 and 的/了 between) are the people hired, found by the unit, not its staff: no head count.
    /// </summary>
    private void SetHiresAside()
    {
        foreach (var (position, word) in rules.Hire.FindAll(text))
        {
            var end = position + word.Length;
            while (end < text.Length && end - position - word.Length < 4 && text[end] is '进' or '来' or '过' or '了' or '的')
            {
                end++;
            }

            foreach (var phrase in employeePhrases.Where(p => p.Start == end))
            {
                phrase.Consumed = true;
            }
        }
    }

    /// <summary>"去青禾文化的是老周", "仁爱医院是小邓去的": the doer of a cleft (的是 + the person after the verb, or 是 + the person
    /// before it with 的 after); null when the clause is no cleft.</summary>
    private Agent? CleftDoer(Clause clause, int verb)
    {
        var after = text.IndexOf("的是", verb, clause.End - verb, StringComparison.Ordinal);
        if (after > verb)
        {
            var at = after + 2;
            if (at >= clause.End || mentions.Any(m => m.Start <= at && at < m.End + 1))
            {
                return null; // "3号去的是佳和餐饮": the place, not the doer
            }

            return rules.Agents.Self.MatchAt(text, at, clause.End) is not null ? Agent.Self : Agent.Other;
        }

        var be = text.LastIndexOf('是', verb, Math.Max(0, verb - clause.Start));
        if (be >= clause.Start && be + 1 < verb && verb - be <= 12 && text.IndexOf('的', verb, clause.End - verb) > verb && !InMention(be)
            && !mentions.Any(m => m.Start > be && m.Start < verb))
        {
            return rules.Agents.Self.MatchAt(text, be + 1, verb) is not null ? Agent.Self : Agent.Other;
        }

        return null;
    }

    /// <summary>"…去了趟微光软件 我没去", "…不是我": the clause right after, in the same sentence, denies the sender did it.</summary>
    private bool SelfDeniedAfter(int index)
    {
        if (index + 1 >= clauses.Count)
        {
            return false;
        }

        var next = clauses[index + 1];
        if (text.AsSpan(clauses[index].End, Math.Max(0, next.Start - clauses[index].End)).IndexOfAny("。！!？?\n；;") >= 0)
        {
            return false;
        }

        var lead = next.Start;
        while (lead < next.End && text[lead] == ' ')
        {
            lead++;
        }

        if (text.AsSpan(lead).StartsWith("不是我", StringComparison.Ordinal) || text.AsSpan(lead).StartsWith("并不是我", StringComparison.Ordinal))
        {
            return true;
        }

        return rules.Agents.Self.MatchAt(text, lead, next.End) is { } self && rules.Agents.NegatedGoing.MatchAt(text, lead + self.Length, next.End) is not null;
    }
}
