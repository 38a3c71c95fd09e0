namespace InstructorBot.Bot.Understanding;

// Stage: what the message does (speech act), read from its grammar with the word classes of vocabulary.json's speech_acts
// (SpeechActWords): a question about the bot's abilities (help), a question about how a unit should form whose facts are
// its slots (advice), a set of units asked for (progress), a question put by someone else and only reported (no act of the
// sender's). The hooks are in Parse (help), ProgressMetricAsked and FindAdvice (MessageParser.Requests.cs).
internal sealed partial class MessageParser
{
    private SpeechActWords Acts => rules.SpeechActs;

    /// <summary>
    /// "这个系统除了记走访还能干什么", "该系统能办理哪些事项", "第一次用，不知道怎么操作，能说说吗": the bot as the subject,
    /// an ability, a doing and a what-question closing the clause; or a first use and a how-question. Never with a unit
    /// named ("你能帮我查一下云启科技有什么情况" is a lookup).
    /// </summary>
    private bool HelpAskedInOtherWords()
    {
        if (UsableMentions().Any(m => !m.IsGeneric))
        {
            return false;
        }

        if (Acts.HelpFirstUse.FindFirst(text) is { } first && Acts.HelpHow.ContainsAny(text, first.Position + first.Word.Length))
        {
            return true;
        }

        foreach (var (position, subject) in Acts.HelpSubjects.FindAll(text))
        {
            var from = position + subject.Length;
            if (from < text.Length && text[from] == '们')
            {
                continue; // 你们街道: "you" as people, not the bot
            }

            var end = StretchEnd(from);
            if (CapabilityAsked(from, end))
            {
                return true; // MessageParser.Asking.cs: "你还有啥用处", "这个机器人会干嘛"
            }

            for (var i = from; i < end; i++)
            {
                if (Acts.HelpAbilities.MatchAt(text, i, end) is not { } ability)
                {
                    continue;
                }

                var at = i + ability.Length;
                if (Acts.HelpDoings.MatchAt(text, at, end) is not { } doing)
                {
                    continue;
                }

                at += doing.Length;
                if (at < end && text[at] is '些' or '点')
                {
                    at++;
                }

                if (Acts.HelpObjects.MatchAt(text, at, end) is { } asked && ClosesClause(at + asked.Length, end))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Only particles, a question mark or 事/事项/功能 follow in the stretch.</summary>
    private bool ClosesClause(int at, int end)
    {
        for (var i = at; i < end; i++)
        {
            if (text[i] is not ('吗' or '呢' or '啊' or '呀' or '吧' or '？' or '?' or '事' or '项' or '功' or '能' or '情' or ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The end of the stretch of speech that holds <paramref name="position"/> (the next pause or the text's end).</summary>
    private int StretchEnd(int position)
    {
        var end = position;
        while (end < text.Length && !IsSeparator(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// "依规定是否必须单独建立党支部？", "这样的规模该单建吗", "是不是该自己单独建了", "这种情况咋覆盖", "是自己建还是跟别人联合建":
    /// a clause that asks (a question clause, or one with an interrogative word) holding a modal or a manner question right
    /// before a forming verb, or a forming verb, 还是 and another way of forming. A question reported (程老板问能不能…) is
    /// not the sender's.
    /// </summary>
    private bool AdviceAskedByGrammar()
    {
        foreach (var clause in clauses)
        {
            if (ReportedQuestionAt(clause) is not null && !QuestionPassedOn(clause))
            {
                continue; // MessageParser.PassedOn.cs: a question reported and answered by the sender
            }

            var asks = clause.IsQuestion || Acts.InterrogativeClosers.ContainsAny(text, clause.Start, clause.End);
            if (!asks)
            {
                continue;
            }

            foreach (var (position, verb) in Acts.FormingVerbs.FindAll(text, clause.Start, clause.End))
            {
                if (!FormsAnOrganisation(position, verb, clause.End))
                {
                    continue;
                }

                for (var gap = 0; gap <= 2; gap++)
                {
                    if (Acts.AskModals.EndsAt(text, position - gap, Math.Max(clause.Start, position - gap - 3)))
                    {
                        return true;
                    }
                }

                if (WayAskedAfter(position + verb.Length, clause.End))
                {
                    return true; // MessageParser.PassedOn.cs: "这种建个什么组织好", "建啥合适"
                }

                if (Acts.ChoiceWords.FindFirst(text, position + verb.Length, clause.End) is { } choice
                    && (Acts.ChoiceMethods.ContainsAny(text, choice.Position + choice.Word.Length, clause.End) || OtherWayLeftOpen(choice.Position + choice.Word.Length, clause.End)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A forming verb that forms an organisation: not 建议, 建设, 建立台账, 覆盖率.</summary>
    private bool FormsAnOrganisation(int position, string verb, int end)
    {
        var after = position + verb.Length;
        if (Acts.FormingObjectsNotParty.MatchAt(text, after, end) is not null)
        {
            return false;
        }

        // 建/成立 alone: the clause ends, a particle, a party or mass body, or the choice or judgement follows.
        return Acts.GenericFormingVerbs.MatchAt(text, position, after) is not { } generic || generic.Length != verb.Length
            || after >= end || text[after] is '了' or '吗' or '么' or '呢' or '啊' or '吧' or '好' or '合' or '比' or '？' or '?'
            || rules.PartyAndMassWords.MatchAt(text, after) is not null || Acts.ChoiceWords.MatchAt(text, after, end) is not null
            || (text[after] == '个' && Acts.ChoiceQuestionWords.MatchAt(text, after + 1, end) is not null); // 建个什么组织, 建个啥
    }

    /// <summary>
    /// "程老板问能不能单独建支部", "他们问哪些人能当指导员", "问了一下有多少党员": the position of a question speech verb in
    /// <paramref name="clause"/> whose question is someone's, reported (a subject other than the sender right before it, or
    /// 了/过 after it), not put to the bot (请问, 想问, 问一下, 我问你); null when the clause reports no question.
    /// </summary>
    private int? ReportedQuestionAt(Clause clause)
    {
        foreach (var (position, verb) in Acts.QuestionSpeechVerbs.FindAll(text, clause.Start, clause.End))
        {
            if (Covered(Acts.SpeechVerbOtherWords, clause, position))
            {
                continue; // 问题, 访问, 问出来两个党员
            }

            if (Covered(rules.RequestMarkers, clause, position) && !Acts.ReportedAfterSpeech.ContainsAny(text, position + verb.Length, position + verb.Length + 1))
            {
                continue; // 请问, 问一下, 想问问: put to the bot
            }

            var after = position + verb.Length;
            if (after < clause.End && Acts.ReportedAfterSpeech.MatchAt(text, after, after + 1) is not null)
            {
                return position;
            }

            if (position > clause.Start && TextNormalizer.IsHan(text[position - 1]) && Acts.BotDirectedBeforeSpeech.MatchAt(text, position - 1, position) is null)
            {
                return position;
            }
        }

        return null;
    }

    /// <summary>A word of <paramref name="words"/> covers <paramref name="position"/> (请问, 想问, 问问 of request markers).</summary>
    private bool Covered(KeywordSet words, Clause clause, int position)
    {
        for (var start = Math.Max(clause.Start, position - 3); start <= position; start++)
        {
            if (words.MatchAt(text, start, clause.End) is { } marker && start + marker.Length > position)
            {
                return true;
            }
        }

        return false;
    }

    private bool? asksOnlyInReportedSpeech;

    /// <summary>True when every clause that asks is a reported one: the message reports a question, it puts none.</summary>
    private bool AsksOnlyInReportedSpeech() => asksOnlyInReportedSpeech ??= FindAsksOnlyInReportedSpeech();

    private bool FindAsksOnlyInReportedSpeech()
    {
        var reported = false;
        foreach (var clause in clauses)
        {
            if (ReportedQuestionAt(clause) is { } at)
            {
                reported = true;
                continue;
            }

            if (clause.IsQuestion || rules.AsksAdvice(text[clause.Start..clause.End]))
            {
                return false;
            }
        }

        return reported;
    }

    /// <summary>
    /// "职工五十人以上却无党员的企业还有哪几家", "50人以上还没党员的企业，按街道通报一下", "还有几家五十人以上没党员的": the
    /// units with no member said as a noun phrase (没党员的), and the set asked for (哪几家, 名单, 通报, 列) anywhere in the
    /// message, with no unit named: the 应建未建 list (metric unformed).
    /// </summary>
    private bool UnformedSetAsked()
    {
        if (Acts.UnformedSetNouns.FindFirst(text) is not { } set || UsableMentions().Any(m => !m.IsGeneric))
        {
            return false;
        }

        foreach (var (position, word) in Acts.SetAskingWords.FindAll(text))
        {
            if (position + word.Length <= set.Position || position >= set.Position + set.Word.Length)
            {
                if (word[0] != '几' || !rules.IsFew(text, position))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"建了多少、没建多少": the units formed and those not formed, both asked: the coverage figure.</summary>
    private bool BothSidesOfCoverageAsked() => Acts.BuiltAsked.ContainsAny(text) && Acts.UnbuiltAsked.ContainsAny(text);

    /// <summary>
    /// "本月2日本人走访华鼎精密制造时所录的职工人数是多少": a unit named and one of its facts asked (职工人数是多少): the
    /// unit's card, not a progress figure, though a visit verb and 多少 occur.
    /// </summary>
    private bool UnitFactAsked()
    {
        if (UsableMentions().FirstOrDefault(m => !m.IsGeneric) is not { } named)
        {
            return false;
        }

        foreach (var (position, word) in rules.LookupObjects.FindAll(text, named.End))
        {
            var after = position + word.Length;
            var end = Math.Min(text.Length, after + 3);
            if (rules.LookupQuestions.FindFirst(text, after, end) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "有家做跨境电商的小公司 8个人1个党员 这种咋建啊": one unit introduced (有家, 一家) before the class word that points back
    /// to it (这种), with its figures given: advice for that one unit, not for a class.
    /// </summary>
    private bool OneUnitDescribed() =>
        (rules.Singular.FindFirst(text) ?? rules.UnitIntroducers.FindFirst(text)) is { } one && rules.ClassDescription.FindFirst(text) is { } kind && one.Position < kind.Position
        && (memberPhrases.Any(p => !p.Approximate) || employeePhrases.Any(p => !p.Approximate));

    /// <summary>
    /// Hook in <see cref="Parse"/>: the message is one act though it holds a report's words, so it is not cut into a report
    /// and a request: a question only reported ("程老板问能不能单独建支部，我说…"), an undo whose record words name the record
    /// undone ("刚才所报顺达快递走访一条日期有误，请撤回"), a progress figure whose visit words are nouns ("这周走访量跟上周比一下").
    /// </summary>
    private bool IsOneAct(bool undo, ProgressMetric? metric) =>
        AsksOnlyInReportedSpeech()
        || (undo && Acts.RecordReferences.ContainsAny(text))
        || (metric is not null && !UsableMentions().Any() && VisitWordsAreMetricNouns());

    /// <summary>Every visit verb is the head of a figure's noun (走访量, 走访次数, 走访情况), and there is one.</summary>
    private bool VisitWordsAreMetricNouns()
    {
        var visits = rules.Visit.FindAll(text);
        return visits.Count > 0 && visits.All(v => Acts.MetricNounSuffixes.MatchAt(text, v.Position + v.Word.Length) is not null);
    }

    /// <summary>
    /// "今天走访了青禾文化，走访情况挺好": a figure's noun said alone (走访情况, 走访记录) in a message that reports a visit to a
    /// named unit and asks nothing (no question clause, no request word) is part of the report, not a progress question.
    /// </summary>
    private bool FigureNounInAReport() =>
        UsableMentions().Any(m => !m.IsGeneric) && !clauses.Any(c => c.IsQuestion) && !rules.RequestMarkers.ContainsAny(text)
        && !rules.Lookup.ContainsAny(text) && !rules.ShowFollowups.ContainsAny(text)
        && rules.Visit.FindAll(text).Any(v => Acts.MetricNounSuffixes.MatchAt(text, v.Position + v.Word.Length) is null);
}
