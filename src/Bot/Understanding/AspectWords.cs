namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The words that say when a body was set up, or that it is not set up yet (vocabulary mood_operators, round 14): a time
/// before this year (background_times: 去年, 前年, 早在), the nouns a formation verb phrase modifies when it names the
/// paperwork and not the act (pending_nouns: 建支部的材料/申请/报告; the topic of a talk: 聊了聊建支部的事), the words that say approval is still awaited
/// (pending_status: 还在等批复, 批复还没下来), and the deadlines and efforts of a step still ahead (prospective_efforts:
/// 争取, 力争, 春节前). Read by <see cref="MessageParser"/> (MessageParser.Aspect.cs).
/// </summary>
internal sealed class AspectWords(Vocabulary v)
{
    /// <summary>去年, 前年, 早在, 多年前: a time before this year; a formation said with it is background, not news.</summary>
    public KeywordSet BackgroundTimes { get; } = new(Class(v, "background_times"));

    /// <summary>材料, 申请, 报告, 请示: "建支部的材料" names the paperwork of a formation, not a formation.</summary>
    public KeywordSet PendingNouns { get; } = new(Class(v, "pending_nouns"));

    /// <summary>还在等批复, 在走审批, 批复还没下来: what the sentence sets up is awaiting approval.</summary>
    public KeywordSet PendingStatus { get; } = new(Class(v, "pending_status"));

    /// <summary>争取, 力争, 春节前, 开春: an effort or a deadline ahead governs the verb after it.</summary>
    public KeywordSet ProspectiveEfforts { get; } = new(Class(v, "prospective_efforts"));

    /// <summary>事, 问题, 想法: "聊了聊建支部的事" names the topic of a talk told done, not a formation (round 17).</summary>
    public KeywordSet TopicNouns { get; } = new(Class(v, "topic_nouns"));

    /// <summary>不了, 不起来, 不成: a potential complement negated right after the verb ("暂时建不了支部") says it cannot be done.</summary>
    public KeywordSet PotentialNegatives { get; } = new(Class(v, "potential_negatives"));

    /// <summary>
    /// 非本人, 不是我去的, 都报过了: the visits told before it are someone else's or were reported already; none is recorded now
    /// (round 17, branch r17-uvisit).
    /// </summary>
    public KeywordSet VisitDisowners { get; } = new(Class(v, "visit_disowners"));

    /// <summary>的时候我在, 我也在场: the sender was there while the unit named before held its meeting (round 17).</summary>
    public KeywordSet MeetingPresence { get; } = new(Class(v, "meeting_presence"));

    private static IEnumerable<string> Class(Vocabulary v, string name) => v.MoodOperators.TryGetValue(name, out var words) ? words : [];
}
