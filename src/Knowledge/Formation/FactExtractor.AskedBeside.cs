using System.Text.RegularExpressions;

namespace InstructorBot.Knowledge.Formation;

/// <summary>
/// Round 19 (r19-uadvice): questions that name or describe a unit but ask something other than which way it should form,
/// each a class read wherever it stands (a–ar's advice given where the gold wants the documents' answer).
/// </summary>
public static partial class FactExtractor
{
    /// <summary>
    /// True when the question asks about something beside the formation method: a post (who becomes 书记, whether a
    /// 指导员 still comes), a procedure (程序, 审批, who approves), what else besides a known step (除了…还), the requirements
    /// of a rule (有啥要求), a mass organisation in the asking sentence, a supposed future past a rule's bound ("以后要是过了100人，能不能成立党委"), or many units at
    /// once (几十家, 企业扎堆: a building or a street, not one unit).
    /// </summary>
    private static bool AsksBesideTheMethod(string text) =>
        AsksAboutPost().IsMatch(text) || AsksProcedure().IsMatch(text) || SupposedBound().IsMatch(text) || ManyUnits().IsMatch(text)
        || MassOrganisation().IsMatch(AskingSentence(text));

    /// <summary>
    /// The asking sentence names a mass organisation ("工会团委这些是不是也得跟着一块建"): its forming words are about that
    /// organisation, not the party's. A fact said in an earlier sentence ("团支部已经建了。…怎么实现覆盖？") does not count.
    /// </summary>
    [GeneratedRegex("工会|团委|团支部|共青团|妇联|妇委会|群团")]
    private static partial Regex MassOrganisation();

    /// <summary>
    /// A post as the thing asked: 书记 or 指导员 followed, within its clause, by a question word or a verb of choosing
    /// ("书记一般是怎么产生的", "书记人选一般是上面派人还是…", "还得派指导员跟着联系指导吗"). A post that is the sender or
    /// the one who passes the question on ("我是社区书记，…", "书记让我问问…") asks nothing of itself.
    /// </summary>
    [GeneratedRegex(@"(书记|指导员)(?!让|叫|说|问|要我|托)(人选)?[^，,。？?！!；;]{0,10}?(怎么|咋|如何|谁|哪|产生|选|派|行不行|能不能|可以|吗|么|呢)")]
    private static partial Regex AsksAboutPost();

    /// <summary>
    /// A procedure or an approval asked ("要走什么程序", "需要履行什么审批程序", "要谁批"), or what else beside a known step
    /// ("除了派指导员，还能…"), or the requirements a rule sets ("有啥额外要求没", "有什么配套要求").
    /// </summary>
    [GeneratedRegex(@"程序|手续|流程|审批|报批|谁(来)?批|除了|(啥|什么|哪些|有没有|附加|额外|配套|硬性)要求")]
    private static partial Regex AsksProcedure();

    /// <summary>
    /// A supposed future in which the unit passes a bound ("以后要是过了100人", "要是超过五十个了", "以后党员要是过50了"):
    /// the question asks what the rule allows past that bound. "主要是" is no 要是; a supposed count ("要是党员到8个了") is a premise.
    /// </summary>
    [GeneratedRegex(@"(?<!主)(要是|如果|假如|万一|以后|将来|到时候|一旦)[^。？?！!]{0,12}?(超过|过了|过|上了)(\d|[一二两三四五六七八九十百])")]
    private static partial Regex SupposedBound();

    /// <summary>Many units at once: "几十家小公司", "上百家", "企业扎堆" (a building, a street, a park).</summary>
    [GeneratedRegex(@"(几十|上百|数十|成百|上千)家|扎堆")]
    private static partial Regex ManyUnits();
}
