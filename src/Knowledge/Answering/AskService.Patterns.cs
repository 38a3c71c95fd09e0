using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Answering;

// The patterns a question and a sentence are read with (generated regexes), and the sentence tests built on them:
// definitions and lists, counts, quantities, dates, negation.
public sealed partial class AskService
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])|[（(][^）)]*\d[^）)]*[）)]")]
    private static partial System.Text.RegularExpressions.Regex HeadingNoise();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\s+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial System.Text.RegularExpressions.Regex SpokenBreak();

    /// <summary>A heading number opening a line of the answer: （三） 4、 一、 2.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^[ \t]*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．](?!\d))")]
    private static partial System.Text.RegularExpressions.Regex LeadingNumber();

    [System.Text.RegularExpressions.GeneratedRegex("[，,；;。？?！!](?=.)")]
    private static partial System.Text.RegularExpressions.Regex Clauses();

    /// <summary>A numbered item of a document: 附件2, 附表1, 第3条.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<l>附件|附表|第)(?<n>\d+)(?!\d)")]
    private static partial System.Text.RegularExpressions.Regex LabelledNumber();

    [System.Text.RegularExpressions.GeneratedRegex("在哪|哪里|哪儿|什么地方|在何处")]
    private static partial System.Text.RegularExpressions.Regex WherePattern();

    private static bool AsksDefinition(string question) => DefinitionPattern().IsMatch(question);

    /// <summary>
    /// True when every quoted name in the sentence that the question asks about stands in a list ("“三会一课”、…",
    /// "“三会一课”等"), and there is at least one.
    /// </summary>
    private static bool? OnlyListed(string sentence, string question)
    {
        var any = false;
        foreach (System.Text.RegularExpressions.Match m in QuotedName().Matches(sentence))
        {
            var name = QuestionAnalyzer.MatchForm(m.Groups["n"].Value);
            if (name.Length < 2 || !question.Contains(name, StringComparison.Ordinal))
            {
                continue;
            }

            var after = m.Index + m.Length < sentence.Length ? sentence[m.Index + m.Length] : '。';
            if (after is not ('、' or '等' or ','))
            {
                return false;
            }

            any = true;
        }

        return any ? true : null;
    }

    /// <summary>What a definition question asks about: "入党誓词的内容是什么" → 入党誓词, "什么是五个清" → 五个清.</summary>
    private static string? DefinedSubject(string question)
    {
        var m = SubjectPattern().Match(question);
        return m.Success ? m.Groups["t"].Value : null;
    }

    /// <summary>
    /// True when the subject stands in the sentence only as one item of a list of other things ("重温入党誓词、集中上党课",
    /// "…等"); a list of its own kind ("片区联建、同业共建": same head or same shape, "党员找组织、党员找党员") still tells
    /// what it is.
    /// </summary>
    private static bool OnlyListedPlain(string sentence, string subject)
    {
        var any = false;
        for (var at = sentence.IndexOf(subject, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(subject, at + subject.Length, StringComparison.Ordinal))
        {
            var end = at + subject.Length;
            var after = end < sentence.Length ? sentence[end] : '。';
            if (after == '、')
            {
                var next = sentence[(end + 1)..];
                var stop = next.IndexOfAny(['、', '，', ',', '。', '；', ';', '等']);
                var item = stop < 0 ? next : next[..stop];
                if (item.Length == 0 || item[^1] == subject[^1] || item.Length == subject.Length)
                {
                    return false;
                }
            }
            else if (after != '等')
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(请问)?(?<t>\p{IsCJKUnifiedIdeographs}{2,10}?)(的具体内容|的内容|具体指的是|具体指|指的是|是指|是什么意思|什么意思|是什么|指什么|的含义|的意思|是啥)|(什么是|什么叫|何为)(?<t>\p{IsCJKUnifiedIdeographs}{2,10})")]
    private static partial System.Text.RegularExpressions.Regex SubjectPattern();

    [System.Text.RegularExpressions.GeneratedRegex("^[一二三四五六七八九十]是")]
    private static partial System.Text.RegularExpressions.Regex OrdinalStart();

    [System.Text.RegularExpressions.GeneratedRegex("(什么时候|什么时间|啥时候|几月份|几月|何时|哪天|怎么|如何|怎样|什么|咋|几人|几名|多少人)(?<v>[\\p{IsCJKUnifiedIdeographs}]{2})|的(?<v>[\\p{IsCJKUnifiedIdeographs}]{2})(是什么|有哪些|是啥|指什么)")]
    private static partial System.Text.RegularExpressions.Regex PredicatePattern();

    [System.Text.RegularExpressions.GeneratedRegex("指什么|是什么|什么是|什么叫|啥意思|什么意思|含义|具体指|指的是|包括哪些|包括什么|哪些内容|是指")]
    private static partial System.Text.RegularExpressions.Regex DefinitionPattern();

    [System.Text.RegularExpressions.GeneratedRegex("[“\"](?<n>[^”\"]{2,12})[”\"]")]
    private static partial System.Text.RegularExpressions.Regex QuotedName();

    /// <summary>A count in the unit the question asks for: "多少天" is answered by "100天左右", not by "40号".</summary>
    private static bool HasCount(string sentence, string unit) =>
        System.Text.RegularExpressions.Regex.IsMatch(sentence, @"(\d|[一二两三四五六七八九十百千半])" + UnitPattern(unit));

    /// <summary>The pattern of a count's unit: any of 人/名/位 for <see cref="PersonUnits"/>, else the unit itself.</summary>
    private static string UnitPattern(string unit) => unit == PersonUnits ? "[人名位]" : System.Text.RegularExpressions.Regex.Escape(unit);

    /// <summary>Items set apart by semicolons ("登记审批时，同步…；生产运营时，同步…；"): a list of long items.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("[；;]")]
    private static partial System.Text.RegularExpressions.Regex Semicolons();

    /// <summary>Characters that negate the word right after them (不具备, 未建立, 没有, 无党员; not 非, which makes words: 非公).</summary>
    private const string Negators = "不未没无";

    /// <summary>What a term held only negated earns of its credit (<see cref="OnlyNegated"/>).</summary>
    public const double NegatedCredit = 0.5;

    /// <summary>Whether every place <paramref name="sentence"/> holds the term (its own words or their expansions) is negated.</summary>
    private static bool OnlyNegated(KeyTerm term, string sentence)
    {
        var found = false;
        foreach (var word in term.Words)
        {
            if (word.Length == 0 || Negators.Contains(word[0]))
            {
                // A word that is itself negated ("不超过" of 最多) is held as it is.
                if (word.Length > 0 && sentence.Contains(word, StringComparison.Ordinal))
                {
                    return false;
                }

                continue;
            }

            for (var at = sentence.IndexOf(word, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (at == 0 || !Negators.Contains(sentence[at - 1]))
                {
                    return false;
                }

                found = true;
            }
        }

        return found;
    }

    /// <summary>The measure words that count people: one unit for <see cref="HasCount"/>.</summary>
    private const string PersonUnits = "人名位";

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+[名人个家]?(及)?以上")]
    private static partial System.Text.RegularExpressions.Regex LeastFigure();

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+[名人个家]?(及)?以下")]
    private static partial System.Text.RegularExpressions.Regex MostFigure();

    /// <summary>A word negated by 非 ("非党员"); 非公 is a word of its own, which the documents use.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"非(?<w>\p{IsCJKUnifiedIdeographs}{2})")]
    private static partial System.Text.RegularExpressions.Regex Negated();

    [System.Text.RegularExpressions.GeneratedRegex("吗[？?]?$|能不能|可不可以|是不是|要不要|是否|能否|行不行|算不算")]
    private static partial System.Text.RegularExpressions.Regex YesNo();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\d)(?<n>\d+)(?<u>[天人名个年月次家项条所周%])")]
    private static partial System.Text.RegularExpressions.Regex ProposedFigure();

    [System.Text.RegularExpressions.GeneratedRegex("(多少|几)(?<u>[天人名位个年月次家项条所周])(?<p>(?<=多少个)(党员|职工|员工|工人|人))?")]
    private static partial System.Text.RegularExpressions.Regex AskedUnit();

    private static bool HasQuantity(string sentence) =>
        sentence.Any(char.IsAsciiDigit) || QuantityPattern().IsMatch(sentence);

    private static bool HasDate(string sentence) => DatePattern().IsMatch(sentence);

    [System.Text.RegularExpressions.GeneratedRegex("[一二两三四五六七八九十百千半]+[个名人项条次批类种家所天年月]|不重复|不超过|不少于|至少|以上|以下|每[年月季周天]")]
    private static partial System.Text.RegularExpressions.Regex QuantityPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+月|\d+日|年底|月底|上旬|中旬|下旬|季度|每[年月季周天]|半个月")]
    private static partial System.Text.RegularExpressions.Regex DatePattern();
}
