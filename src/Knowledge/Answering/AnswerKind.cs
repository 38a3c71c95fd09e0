using System.Text.RegularExpressions;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// What kind of thing a question's asking clause asks for, read from its grammar (the interrogative and the word it binds),
/// and whether a text holds a thing of that kind: "支部几年换一届" asks for a duration, which "2021年9月" (a date) does not
/// give and "每3年" does; "补贴多少钱" asks for a sum of money; "按什么比例" for a ratio; "有哪些" for a list. A question whose
/// asking words match a sentence in another sense ("党费按工资几个点交" against a sentence on 党费 and 工资) asks for a kind of
/// answer that sentence does not hold.
/// </summary>
public static partial class AnswerKind
{
    public enum Kind
    {
        None,

        /// <summary>How long, how often (多久, 多长时间, 几年, 几个月, 几年一次).</summary>
        Duration,

        /// <summary>How much money (多少钱, 补贴多少, 经费多少, and a payment verb with 多少: 交多少, 缴几块).</summary>
        Money,

        /// <summary>A share (比例, 几个点, 百分之几, 占多少).</summary>
        Ratio,

        /// <summary>A size of a room or a place (面积, 多大的场地, 多少平).</summary>
        Size,

        /// <summary>A count in a unit (几个人, 多少家, 几名).</summary>
        Count,

        /// <summary>A day or a month (什么时候, 哪天, 几号前).</summary>
        Date,

        /// <summary>Items (有哪些, 哪几, 包括什么).</summary>
        List,
    }

    /// <summary>
    /// The kind <paramref name="asked"/> (the asking part of a question, <see cref="QuestionAnalyzer.Asked"/>) asks for; the
    /// first of the typed kinds that applies (a duration before a count: "几年" is no count of years).
    /// </summary>
    public static Kind Asked(string asked)
    {
        if (DurationAsk().IsMatch(asked))
        {
            return Kind.Duration;
        }

        if (MoneyAsk().IsMatch(asked))
        {
            return Kind.Money;
        }

        if (RatioAsk().IsMatch(asked))
        {
            return Kind.Ratio;
        }

        if (SizeAsk().IsMatch(asked))
        {
            return Kind.Size;
        }

        if (CountAsk().IsMatch(asked))
        {
            return Kind.Count;
        }

        if (DateAsk().IsMatch(asked))
        {
            return Kind.Date;
        }

        return ListAsk().IsMatch(asked) ? Kind.List : Kind.None;
    }

    /// <summary>Whether <paramref name="text"/> (the answer, maybe with its headings) holds a thing of <paramref name="kind"/>.</summary>
    public static bool Holds(Kind kind, string text)
    {
        var undated = Dates().Replace(text, "|");
        return kind switch
        {
            Kind.Duration => Duration().IsMatch(undated),
            Kind.Money => Money().IsMatch(text),
            Kind.Ratio => Ratio().IsMatch(text),
            Kind.Size => Size().IsMatch(text),
            Kind.Count => Count().IsMatch(undated),
            Kind.Date => Dates().IsMatch(text) || DateWords().IsMatch(text),
            Kind.List => List().IsMatch(text),
            _ => true,
        };
    }

    // Asking forms. "多长" and "多久" ask a duration whatever follows; "几/多少" ask one before a unit of time (几年, 多少个月,
    // 几天); "几月" alone (几月几号) is a date, not a duration.
    [GeneratedRegex(@"多久|多长|多少(个)?(年|天|周|星期|小时|工作日)|多少个月|几(个)?(年|天|周|星期|小时|工作日)|几个月|期限是|期多长|任期")]
    private static partial Regex DurationAsk();

    // A payment verb with 多少 / 几块 asks for a sum ("党费每个月交多少", "会费缴多少", "每人给几块"), unless a unit other than
    // money follows ("给多少名额", "交多少份材料": a count).
    [GeneratedRegex(@"多少钱|几块钱|多少元|几元|(钱|经费|补贴|费用|资金|报酬|津贴|工资|奖励|奖金)\p{IsCJKUnifiedIdeographs}{0,3}(多少|几)|(多少|几)\p{IsCJKUnifiedIdeographs}{0,2}(钱|经费|补贴|费用|资金|报酬|津贴|奖金)"
        + @"|(交纳|缴纳|支付|交|缴|付|给)(多少|几块|几百|几千)(?![个名位家人项条所次批类种户届份张天年月周号点成])")]
    private static partial Regex MoneyAsk();

    [GeneratedRegex(@"比例|比率|百分之|百分比|几个点|几成|占多少|多大比")]
    private static partial Regex RatioAsk();

    [GeneratedRegex(@"面积|多少平|几平|多大的?(场地|地方|房间|屋|面积|场所)")]
    private static partial Regex SizeAsk();

    [GeneratedRegex(@"(多少|几)(个|名|位|家|人|项|条|所|次|批|类|种|户|届)|(多少|几)(党员|单位|企业|委员|成员)|最多|最少|至少|上限|下限")]
    private static partial Regex CountAsk();

    [GeneratedRegex(@"什么时候|什么时间|啥时候|何时|哪天|哪一天|几号|几月|截止|期限|日期|之前")]
    private static partial Regex DateAsk();

    // "哪几" is read with its 几 blanked (QuestionAnalyzer.Asked: no count): "哪|个条件".
    [GeneratedRegex(@"哪些|哪几|哪\|\p{IsCJKUnifiedIdeographs}|包括什么|包括啥|有什么内容|几个方面|几类|几种")]
    private static partial Regex ListAsk();

    // What a text holds. Dates are taken out before a duration or a count is looked for: "2021年" and "8月26日" are days.
    [GeneratedRegex(@"(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}月)?(\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{1,2}月(份|底|初|中旬|上旬|下旬)?")]
    private static partial Regex Dates();

    // A day of the month of a recurring deadline ("每月15日前", "每月10日、25日前", "第三个月10日前") is a date too; it is not
    // taken out with Dates() (a duration's "每月" stays).
    [GeneratedRegex(@"年底|月底|年初|上旬|中旬|下旬|季度|前完成|之前|月\d{1,2}日|\d{1,2}日(前|之前|以前)")]
    private static partial Regex DateWords();

    [GeneratedRegex(@"(\d+|[一二两三四五六七八九十百半])(个)?(年|月|天|日|周|星期|小时|工作日)|每(年|月|季|季度|半年|周|天|日)|百日|定期|长期|期满")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\d(\.\d+)?\s*(万|千)?元|[一二两三四五六七八九十百千万]+元|经费\p{IsCJKUnifiedIdeographs}{0,4}(不低于|不少于|标准)")]
    private static partial Regex Money();

    [GeneratedRegex(@"%|％|百分之|分之[一二三四五六七八九十]|比例|[一二三四五六七八九]成(?![立员为效果绩])")]
    private static partial Regex Ratio();

    [GeneratedRegex(@"平方米|平米|㎡|面积")]
    private static partial Regex Size();

    [GeneratedRegex(@"(\d+|[一二两三四五六七八九十百千半]+)(多|余|来)?(个|名|位|家|人|项|条|所|次|批|类|种|户|届)|不超过|不少于|不低于|以上|以下|至少|最多")]
    private static partial Regex Count();

    // A list: three items in a row with 、, an enumeration (一是, （一）, 1.), or a colon announcing what follows.
    [GeneratedRegex(@"[^、，,。;；]{1,20}、[^、，,。;；]{1,20}、|[一二三四五六七八九十]是|[（(][一二三四五六七八九十][)）]|^\s*\d[.、]|[:：]")]
    private static partial Regex List();
}
