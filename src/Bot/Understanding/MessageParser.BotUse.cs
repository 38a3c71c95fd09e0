namespace InstructorBot.Bot.Understanding;

// Stage: a question about using the bot (help), read clause by clause. A clause asks about the bot's use when it asks (a
// question clause, or where/how/whether words: 在哪, 怎么, 就行, 吗) and holds a reporting verb (报, 录, 记, 登记) with the bot
// addressed or pointed at (你, 它, 在这, 小助手, 这东西), or a way of putting a message (打字, 发文字, 说话), or a tool pointed
// at and asked how it is used (这个东西到底咋用). A message whose every asking clause asks about the bot's use, naming no unit,
// is one help act: it is not cut into a question for the documents and a help request ("走访完了要怎么跟你报？直接打字说就
// 行吗"). Words as data: vocabulary.json, speech_acts.use_* (SpeechActWords).
internal sealed partial class MessageParser
{
    /// <summary>
    /// "小助手 我要报帮扶的单位 在哪报啊 怎么弄", "请问这个怎么用？走访能直接在这报吗": at least one clause asks about the bot's
    /// use, every other asking clause asks about it or is a help phrase, no unit is named and no document's rule is asked.
    /// </summary>
    private bool UseOfTheBotAsked()
    {
        if (UsableMentions().Any(m => !m.IsGeneric) || rules.PolicyDefinition.ContainsAny(text) || rules.AsksAdvice(text))
        {
            return false;
        }

        var botNamed = BotSignAt(0, text.Length) || Acts.HelpFirstUse.ContainsAny(text);
        var any = false;
        foreach (var clause in clauses)
        {
            var asks = clause.IsQuestion || Acts.UseAskingWords.ContainsAny(text, clause.Start, clause.End);
            if (!asks)
            {
                continue;
            }

            if (UseAskedIn(clause, botNamed))
            {
                any = true;
                continue;
            }

            if (!rules.Help.ContainsAny(text[clause.Start..clause.End]) && !BareHowQuestion(clause))
            {
                return false; // another question (a rule, a figure) stands beside it
            }
        }

        return any;
    }

    /// <summary>"怎么弄", "咋办啊": a manner question and particles only, asking again what the clause before it asked.</summary>
    private bool BareHowQuestion(Clause clause) =>
        rules.How.MatchAt(text, clause.Start, clause.End) is { } how && ClosesClause(clause.Start + how.Length, clause.End);

    /// <summary>The clause asks about the bot's use: a reporting verb with the bot named, a way of input, or a tool and 咋用.</summary>
    private bool UseAskedIn(Clause clause, bool botNamed)
    {
        if (Acts.UseFigureAsked.ContainsAny(text, clause.Start, clause.End))
        {
            return false; // "我今天报的走访你记了几家": a count of the records asked
        }

        if (Acts.UseInputModes.ContainsAny(text, clause.Start, clause.End))
        {
            return true; // "直接打字说就行吗"
        }

        foreach (var (position, pointer) in Acts.HelpToolPointers.FindAll(text, clause.Start, clause.End))
        {
            var at = position + pointer.Length;
            if (Acts.UseGapWords.MatchAt(text, at, clause.End) is { } gap)
            {
                at += gap.Length;
            }

            if (Acts.HelpHow.MatchAt(text, at, clause.End) is not null)
            {
                return true; // "这个东西到底咋用"
            }
        }

        return (botNamed || BotSignAt(clause.Start, clause.End)) && ReportingVerbIn(clause);
    }

    /// <summary>报/录/记 standing as a verb, not inside 报表, 书记, 记得.</summary>
    private bool ReportingVerbIn(Clause clause)
    {
        foreach (var (position, _) in Acts.UseRecordVerbs.FindAll(text, clause.Start, clause.End))
        {
            if (!Acts.UseRecordNot.Covers(text, clause.Start, clause.End, position))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>你 (not 你们), 它 (not 其它), 在这, 小助手: the bot is addressed or pointed at between the positions.</summary>
    private bool BotSignAt(int start, int end)
    {
        foreach (var (position, sign) in Acts.UseBotSigns.FindAll(text, start, end))
        {
            var after = position + sign.Length;
            if ((sign == "你" && after < text.Length && text[after] == '们') || (sign == "它" && position > 0 && text[position - 1] == '其'))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// "刚才那个先别记了我再核实一下", "上条先不要登记": an earlier record pointed at (刚才, 上条: earlier-record openers), then the bot
    /// told not to keep it (别记, 不要登记: speech_acts.records_withheld): an undo, whatever plan follows.
    /// </summary>
    private bool EarlierRecordWithheld() =>
        rules.Agents.EarlierRecordOpeners.FindFirst(text) is { } opener && Acts.RecordsWithheld.ContainsAny(text, opener.Position + opener.Word.Length);
}
