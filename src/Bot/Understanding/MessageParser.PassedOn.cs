namespace InstructorBot.Bot.Understanding;

// Stage: a question reported and passed on. "他们问是自己单独建还是跟别家联合好", "他们主任问是建支部还是建啥，你给个建议":
// the unit's people asked the sender, and the sender, not answering it, brings the question to the bot: the sender's
// question (advice), with the unit's figures as its premise. "程老板问能不能单独建支部，我说要先看党员人数": the sender
// answered (我说, 我跟他说, 我建议: speech_acts.sender_answers as data) after the question: a report, no question put.
internal sealed partial class MessageParser
{
    /// <summary>
    /// The reported question of <paramref name="clause"/> is not answered by the sender anywhere after it (我说, 我已经解答了);
    /// a question put to the sender (问我…) is passed on only when the bot is then addressed ("问我是自己单独建好还是… 你帮我看看").
    /// </summary>
    private bool QuestionPassedOn(Clause clause)
    {
        if (Acts.SenderAnswers.ContainsAny(text, clause.Start) || ReportedQuestionAt(clause) is not { } asked)
        {
            return false;
        }

        var verb = Acts.QuestionSpeechVerbs.MatchAt(text, asked, clause.End) ?? "问";
        var after = asked + verb.Length;
        return after >= text.Length || text[after] != '我' || BotSignAt(clause.End, text.Length);
    }

    /// <summary>Every clause reporting a question passes it on (none is answered by the sender).</summary>
    private bool AllReportedPassedOn() => clauses.All(c => ReportedQuestionAt(c) is null || QuestionPassedOn(c));

    /// <summary>"还是建啥", "还是建哪种": after 还是, a forming verb or a question word leaves the other way open.</summary>
    private bool OtherWayLeftOpen(int from, int end)
    {
        var at = from;
        if (Acts.FormingVerbs.MatchAt(text, at, end) is { } verb)
        {
            at += verb.Length;
        }

        return at > from && Acts.ChoiceQuestionWords.MatchAt(text, at, end) is not null;
    }

    /// <summary>"建个什么组织", "建啥": right after a forming verb, a question word (个 between) asks which way.</summary>
    private bool WayAskedAfter(int at, int end)
    {
        if (at < end && text[at] == '个')
        {
            at++;
        }

        return Acts.ChoiceQuestionWords.MatchAt(text, at, end) is not null;
    }

    /// <summary>
    /// "回头我问问他啥情况", "我再问一下人家有几个党员": every question clause puts its question to someone else (a question
    /// verb, then 他/他们/人家 as its addressee): the sender will ask them, nothing is asked of the bot.
    /// </summary>
    private bool QuestionsPutToOthers()
    {
        var any = false;
        foreach (var clause in clauses.Where(c => c.IsQuestion))
        {
            if (!QuestionPutToOther(clause))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private bool QuestionPutToOther(Clause clause)
    {
        foreach (var (position, verb) in Acts.QuestionSpeechVerbs.FindAll(text, clause.Start, clause.End))
        {
            var at = position + verb.Length;
            if (at < clause.End && (text[at] == '问' || text[at] == '下'))
            {
                at++; // 问问, 问下
            }
            else if (text.AsSpan(at).StartsWith("一下", StringComparison.Ordinal))
            {
                at += 2;
            }

            if (Acts.ThirdPersonAddressees.MatchAt(text, at, clause.End) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
