namespace InstructorBot.Bot.Understanding;

// Stage: mood (round 10, branch r10-umood): did it happen? Each clause frame is marked happened or not by the operators said
// in it or carried over from the clause before, with the grammar of their scope. Vocabulary as data: mood_operators
// (AgentWords). Who did it is read in MessageParser.Agents.cs.
internal sealed partial class MessageParser
{
    /// <summary>What a clause says of its facts.</summary>
    private enum Mood
    {
        /// <summary>Told as done: a record may be read.</summary>
        Happened,

        /// <summary>如果/要是/假如 … 就, 希望, 就好了: supposed or wished.</summary>
        Supposed,

        /// <summary>估计/说不定/好像/八成: guessed.</summary>
        Estimated,

        /// <summary>回头/改天/年后/考虑/原定: planned or intended, or put off.</summary>
        Prospective,

        /// <summary>听说/据说/据…反映/听…讲: heard from others, facts and events alike.</summary>
        Heard,

        /// <summary>表示/反馈说/透露: what the unit's people said they did or will do; their figures stay facts.</summary>
        Reported,
    }

    /// <summary>A clause's mood and where in it the mood begins (its operator, or the clause's start when carried over).</summary>
    private readonly record struct ClauseMood(Mood Mood, int From, int To = int.MaxValue);

    private ClauseMood[]? clauseMoods;

    /// <summary>
    /// True where the verb or figure at <paramref name="position"/> lies in the scope of a mood operator: no record. Facts
    /// (<paramref name="fact"/>: totals, head counts) stay where only the unit's people reported them (老板表示现在…).
    /// </summary>
    private bool IsUnrealized(int position, bool fact = false)
    {
        var index = clauses.FindIndex(c => c.Start <= position && position <= c.End);
        if (index < 0)
        {
            return false;
        }

        if (fact && NoneFound(position))
        {
            return true;
        }

        if (rules.Agents.UnfinishedAfter.ContainsAny(text, position, clauses[index].End))
        {
            return true; // "优品超市的一对一帮扶还没落实"
        }

        var mood = ClauseMoods()[index];
        return mood.Mood != Mood.Happened && position >= mood.From && position < mood.To && !(fact && mood.Mood == Mood.Reported);
    }

    /// <summary>
    /// The scope grammar, clause by clause. An operator opens its frame at its word; the frame goes on into the next clause
    /// of the same sentence when that clause opens (after fillers and a subject pronoun) with a joiner (就/那/也/还/都/再: the
    /// consequence, more of the same), when the frame is a condition and the next clause is its consequence, when it is a
    /// plan and the next clause says what for (看看/问问), or when the frame is hearsay (to the sentence's end); it ends at a
    /// clause opened by a closer (但是/不过/结果/现在/已经) or by a day that is not ahead (今天/昨天: a new account). 就好了 casts
    /// its wish back over the clauses of its sentence before it.
    /// </summary>
    private ClauseMood[] ClauseMoods()
    {
        if (clauseMoods is not null)
        {
            return clauseMoods;
        }

        var moods = new ClauseMood[clauses.Count];
        var ownOperator = new bool[clauses.Count];
        var open = Mood.Happened;
        var consequencePending = false;
        var sentenceStart = 0;
        for (var k = 0; k < clauses.Count; k++)
        {
            var clause = clauses[k];
            if (k > 0 && text.AsSpan(clauses[k - 1].End, Math.Max(0, clause.Start - clauses[k - 1].End)).IndexOfAny("。！!？?\n；;") >= 0)
            {
                open = Mood.Happened; // a new sentence
                consequencePending = false;
                sentenceStart = k;
            }

            var lead = ClauseLead(clause);
            var closes = rules.Agents.ScopeClosers.MatchAt(text, lead, clause.End) is not null
                || dates.Any(d => d.Start >= clause.Start && d.Start <= lead && d.Date <= today);
            var joins = rules.Agents.ScopeJoiners.MatchAt(text, lead, clause.End) is not null;
            var purpose = open == Mood.Prospective
                && (rules.Agents.PurposeLeads.MatchAt(text, lead, clause.End) is not null || rules.Agents.PurposeVerbs.MatchAt(text, lead, clause.End) is not null);
            if (closes || !(joins || consequencePending || purpose || open is Mood.Heard))
            {
                open = Mood.Happened;
            }

            consequencePending = false;
            moods[k] = new ClauseMood(open, clause.Start);
            if (OperatorIn(clause) is { } own)
            {
                moods[k] = own;
                ownOperator[k] = true;
                open = own.To == int.MaxValue ? own.Mood : Mood.Happened;
                consequencePending = own.Mood == Mood.Supposed;
            }

            if (rules.Agents.WishesAfter.FindFirst(text, clause.Start, clause.End) is not null)
            {
                // "要是佳和餐饮年底前能再招一两名党员就好了": the wish covers its sentence up to here.
                for (var j = k; j >= sentenceStart; j--)
                {
                    if (j < k && (OpensNewFrame(clauses[j]) || ClosedAt(clauses[j + 1])))
                    {
                        break; // "昨天去了仁爱医院 要是能抽空去微光软件看看就好了": the wish is the clauses after the day's account
                    }

                    var ownWish = ownOperator[j] && moods[j].Mood == Mood.Supposed;
                    moods[j] = new ClauseMood(Mood.Supposed, clauses[j].Start);
                    if (ownWish)
                    {
                        break; // back to its 要是
                    }
                }

                open = Mood.Supposed;
                consequencePending = true;
            }
        }

        return clauseMoods = moods;
    }

    private bool ClosedAt(Clause clause) => rules.Agents.ScopeClosers.MatchAt(text, ClauseLead(clause), clause.End) is not null;

    /// <summary>The first operator said in <paramref name="clause"/>, with the mood it opens; null when none.</summary>
    private ClauseMood? OperatorIn(Clause clause)
    {
        (int Position, Mood Mood)? first = null;
        void Consider((int Position, string Word)? found, Mood mood, bool wholeClause = false)
        {
            if (found is { } f && !InMention(f.Position) && (first is null || f.Position < first.Value.Position))
            {
                first = (wholeClause ? clause.Start : f.Position, mood);
            }
        }

        foreach (var (at, word) in rules.Agents.Conditions.FindAll(text, clause.Start, clause.End))
        {
            // "主要是", "就是要是": 要是 after these is no condition (as HasCondition).
            if (word != "要是" || at == 0 || !"主只需重总正就还也都而".Contains(text[at - 1]))
            {
                Consider((at, word), Mood.Supposed, wholeClause: word == "的话");
                break;
            }
        }

        Consider(rules.Agents.WishesBefore.FindFirst(text, clause.Start, clause.End), Mood.Supposed);
        var estimate = rules.Agents.Estimates.FindFirst(text, clause.Start, clause.End);
        Consider(estimate, Mood.Estimated);
        Consider(rules.Agents.Prospects.FindFirst(text, clause.Start, clause.End), Mood.Prospective);
        if (rules.Agents.Hearsay.FindFirst(text, clause.Start, clause.End) is { } heard)
        {
            Consider(heard, heard.Word is "表示" or "反馈说" or "反映说" or "透露" or "转述" ? Mood.Reported : Mood.Heard);
        }

        foreach (var (opener, closers) in rules.Agents.HearsayFrames)
        {
            for (var at = text.IndexOf(opener, clause.Start, clause.End - clause.Start, StringComparison.Ordinal); at >= 0;
                 at = at + 1 < clause.End ? text.IndexOf(opener, at + 1, clause.End - at - 1, StringComparison.Ordinal) : -1)
            {
                // 听 + the one who said it (up to ten characters, no pause) + 说/讲: "听罗岗社区的小何讲", "据社区网格员反映".
                for (var i = at + opener.Length + 1; i < clause.End && i <= at + 11; i++)
                {
                    if (closers.MatchAt(text, i, clause.End) is not null)
                    {
                        Consider((at, opener), Mood.Heard);
                        break;
                    }
                }
            }
        }

        if (first is not { } op)
        {
            return null;
        }

        // "员工大概七十来号人 党员有俩": a guess said of a figure is that figure's only (up to its measure and noun).
        var to = op.Mood == Mood.Estimated && estimate is { } e && e.Position == op.Position ? GuessedFigureEnd(e.Position + e.Word.Length, clause.End) : int.MaxValue;
        // "下个月打算帮他们建工会 党员现在是五名": a word of the present later in the clause (现在/目前), with the words after the last pause
        // before it, is said of what is.
        var opEnd = op.Position + 1;
        if (rules.TotalStates.FindFirst(text, opEnd, clause.End) is { } closer)
        {
            var pause = text.LastIndexOf(' ', closer.Position, closer.Position - opEnd);
            to = Math.Min(to, pause > op.Position ? pause : closer.Position);
        }

        var from = op.Position;
        if (to != int.MaxValue && op.Mood == Mood.Estimated)
        {
            // "党员八成有五个": the figure's noun may come before the guess word.
            while (from > clause.Start && !IsSeparator(text[from - 1]))
            {
                from--;
            }
        }

        return new ClauseMood(op.Mood, from, to);
    }

    private const string NumeralCharacters = "0123456789一二两三四五六七八九十百千俩仨几";

    /// <summary>Where the figure a guess word governs ends: its numeral within four characters, then up to four characters of
    /// measure and noun before a pause; the clause's end when no numeral follows.</summary>
    private int GuessedFigureEnd(int from, int clauseEnd)
    {
        var at = from;
        while (at < clauseEnd && at - from < 4 && !NumeralCharacters.Contains(text[at]) && !IsSeparator(text[at]))
        {
            at++;
        }

        if (at >= clauseEnd || !NumeralCharacters.Contains(text[at]))
        {
            return int.MaxValue;
        }

        while (at < clauseEnd && NumeralCharacters.Contains(text[at]))
        {
            at++;
        }

        for (var guard = 0; guard < 4 && at < clauseEnd && !IsSeparator(text[at]) && !NumeralCharacters.Contains(text[at]); guard++)
        {
            at++;
        }

        return at;
    }

    /// <summary>Where a clause's own words begin: after blanks, fillers and a subject pronoun (我/我们/他们/那边).</summary>
    private int ClauseLead(Clause clause)
    {
        var at = clause.Start;
        for (var guard = 0; guard < 6 && at < clause.End; guard++)
        {
            if (text[at] is ' ' or '，' or ',')
            {
                at++;
            }
            else if (rules.SpokenFillers.MatchAt(text, at, clause.End) is { } filler)
            {
                at += filler.Length;
            }
            else if (rules.Agents.Self.MatchAt(text, at, clause.End) is { } self)
            {
                at += self.Length + (at + self.Length < clause.End && text[at + self.Length] == '们' ? 1 : 0);
            }
            else if (text.AsSpan(at).StartsWith("他们", StringComparison.Ordinal) || text.AsSpan(at).StartsWith("那边", StringComparison.Ordinal))
            {
                at += 2;
            }
            else
            {
                break;
            }
        }

        return at;
    }

    /// <summary>
    /// "我估摸着电商协会那边能有三四个党员 回头去摸一摸", "今天没出去 在办公室整理台账呢", "要是…就好了，到时候也许就能单独建支部":
    /// a message that tells only what did not happen (every clause in a mood's scope, or a day of going nowhere) and asks
    /// nothing: no question mark, no request to the bot, no question word outside the frames but a closing 呢 or the 啥/哪 of
    /// 啥也没. It is neither advice asked nor a lookup.
    /// </summary>
    private bool ToldNotAsked()
    {
        if (toldNotAsked is { } known)
        {
            return known;
        }

        toldNotAsked = false;
        if (clauses.Count == 0 || text.Contains('？') || text.Contains('?') || rules.RequestMarkers.ContainsAny(text))
        {
            return false;
        }

        var moods = ClauseMoods();
        for (var k = 0; k < clauses.Count; k++)
        {
            if (moods[k].Mood == Mood.Happened && rules.Agents.BotRequests.ContainsAny(text, clauses[k].Start, clauses[k].End))
            {
                return false; // "到时候再跟你报" inside a supposition asks nothing; "帮我查一下" does
            }
        }

        var framed = moods.Any(m => m.Mood != Mood.Happened) || rules.Agents.NegatedGoing.ContainsAny(text) || rules.Agents.UniversalNegation.ContainsAny(text);
        if (!framed)
        {
            return false;
        }

        if (clauses.Any(AsksIn))
        {
            return false;
        }

        toldNotAsked = true;
        return true;
    }

    private bool? toldNotAsked;

    /// <summary>
    /// A question word in <paramref name="clause"/> beyond a closing 呢, the 啥/哪 of 啥也没, a few (几个), and the indirect
    /// question after a purpose verb (看看他们有没有…).
    /// </summary>
    private bool AsksIn(Clause clause)
    {
        var negations = rules.Agents.UniversalNegation.FindAll(text, clause.Start, clause.End);
        var end = clause.End;
        while (end > clause.Start && IsSeparator(text[end - 1]))
        {
            end--;
        }

        var indirectFrom = rules.Agents.PurposeVerbs.FindFirst(text, clause.Start, clause.End) is { } purpose ? purpose.Position : int.MaxValue;
        foreach (var (at, word) in rules.Question.FindAll(text, clause.Start, clause.End))
        {
            if (at > indirectFrom)
            {
                continue;
            }

            if ((word == "呢" && at + 1 >= end) || negations.Any(n => n.Position <= at && at < n.Position + n.Word.Length))
            {
                continue;
            }

            if (word[0] == '几' && (rules.IsFew(text, at) || IsUnrealized(at))) // "估摸着还得有几个": a few, guessed
            {
                continue;
            }

            return true;
        }

        return IsEitherOrQuestion(clause.Start, Math.Min(clause.End, indirectFrom));
    }

    /// <summary>A clause that opens a new account: a closer (但是/不过/结果/现在) or a day not ahead (今天/昨天) at its lead.</summary>
    private bool OpensNewFrame(Clause clause)
    {
        var lead = ClauseLead(clause);
        return rules.Agents.ScopeClosers.MatchAt(text, lead, clause.End) is not null
            || dates.Any(d => d.Start >= clause.Start && d.Start <= lead && d.Date <= today);
    }

    /// <summary>
    /// The start of the clause of <paramref name="position"/> or of the latest before it that a closer opens (但/不过/倒是):
    /// what was heard or done by others before it is over ("听说X今天有人去过了 但今天到Y走了一趟"); 0 when none.
    /// </summary>
    private int ContrastStart(int position)
    {
        var start = 0;
        foreach (var clause in clauses)
        {
            if (clause.Start > position)
            {
                break;
            }

            if (ClosedAt(clause))
            {
                start = clause.Start;
            }
        }

        return start;
    }

    /// <summary>"一个党员也没找到", "没发现党员": a discovery verb negated in the clause of <paramref name="position"/>: no figure.</summary>
    private bool NoneFound(int position)
    {
        var clause = clauses.FirstOrDefault(c => c.Start <= position && position <= c.End);
        if (clause is null)
        {
            return false;
        }

        foreach (var (at, word) in rules.Negation.FindAll(text, clause.Start, clause.End))
        {
            if (rules.Discovery.MatchAt(text, at + word.Length, clause.End) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "万一仁爱医院还能找到仨流动党员": the figures said in a mood's scope count for nothing: set aside before the records
    /// and the facts are read, so no discovery said before takes them as its own.
    /// </summary>
    private void SetUnrealizedFiguresAside()
    {
        foreach (var phrase in memberPhrases.Concat(employeePhrases).Where(p => !p.Consumed))
        {
            var index = clauses.FindIndex(c => c.Start <= phrase.Start && phrase.Start <= c.End);
            if (index >= 0 && ClauseMoods()[index] is { Mood: not (Mood.Happened or Mood.Reported) } mood && phrase.Start >= mood.From && phrase.Start < mood.To)
            {
                phrase.Consumed = true;
                phrase.Supposed = mood.Mood == Mood.Supposed;
            }
        }
    }

    /// <summary>"小何前天去智联物流…", "街道办的老黄前天去…", "社区的钱书记前天去…": 老/小 and a surname, or a surname and a title,
    /// at a clause's start or after 的, before the verb: a person other than the sender, named as people call each other.</summary>
    private bool FamiliarNameBefore(int position)
    {
        var clause = clauses.FirstOrDefault(c => c.Start <= position && position <= c.End);
        if (clause is null)
        {
            return false;
        }

        for (var i = clause.Start; i + 2 < position; i++)
        {
            var opens = i == clause.Start || text[i - 1] is ' ' or '的';
            if (!opens || InMention(i) || rules.Agents.Companions.ContainsAny(text, clause.Start, i))
            {
                continue;
            }

            if (text[i] is '老' or '小' && rules.Vocabulary.Surnames.Contains(text[i + 1]) && rules.Titles.MatchAt(text, i) is null)
            {
                return true;
            }

            // "社区的钱书记前天去…": a surname and a title.
            if (rules.Vocabulary.Surnames.Contains(text[i]) && rules.Titles.MatchAt(text, i + 1) is not null && rules.Agents.Self.MatchAt(text, i) is null)
            {
                return true;
            }
        }

        return false;
    }
}
