namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The words of records the user did not mean (vocabulary unmeant_records, round 18, branch r18-uextra). Read by
/// <see cref="MessageParser"/> (MessageParser.Unmeant.cs, and the mood, aspect and facts stages that ask it).
/// </summary>
internal sealed class UnmeantWords(Vocabulary v)
{
    /// <summary>未能成行, 没能去成: the plan said before it was not kept (joined to the unmet-plan outcomes).</summary>
    public IReadOnlyList<string> FailedOutcomes { get; } = Class(v, "failed_outcomes");

    /// <summary>
    /// 聊聊, 商量, 沟通: a talk verb before "建支部的事" makes the formation the topic of the talk, told done or not. Not 问问/说说:
    /// said to the bot they ask about the topic ("问问建支部的事"), a request the rules read on their own.
    /// </summary>
    public KeywordSet TalkVerbs { get; } = new(Class(v, "talk_verbs"));

    /// <summary>参加, 出席, 都到了: a count said right before it counts those present, not a unit's total.</summary>
    public KeywordSet AttendanceVerbs { get; } = new(Class(v, "attendance_verbs"));

    /// <summary>没动静, 没下文: said after a set-up in its sentence, the set-up was meant and is not done.</summary>
    public KeywordSet NoProgress { get; } = new(Class(v, "no_progress_after"));

    /// <summary>以后, 之后, 的时候: a clause ending with one leads into the clause after it; with that a question, it is asked too.</summary>
    public IReadOnlyList<string> QuestionSubordinators { get; } = Class(v, "question_subordinators");

    /// <summary>一共, 共有, 合计: in a joint formation's sentence the figure said after one sums the units: the new body's members.</summary>
    public IReadOnlyList<string> SumWords { get; } = Class(v, "sum_words");

    /// <summary>跳槽, 调, 离职: right before a motion verb ("党员律师跳槽去了福田") a member leaving, no trip of the sender's.</summary>
    public KeywordSet DepartureVerbs { get; } = new(Class(v, "departure_verbs"));

    private static List<string> Class(Vocabulary v, string name) => v.UnmeantRecords.TryGetValue(name, out var words) ? words : [];
}
