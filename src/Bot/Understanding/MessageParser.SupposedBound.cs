using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Understanding;

// Stage: advice requests — a supposed future past a rule's bound asks the rule (round 19, r19-uadvice).
internal sealed partial class MessageParser
{
    /// <summary>
    /// "瑞康支部以后党员要是过50了，能升总支吗", "华鼎精密以后党员要是超过一百个了，能不能改成党委": a supposed future (如果/要是…,
    /// 以后/将来/一旦) in which the unit passes a bound (超过/过/上 a figure) asks what the rule allows past that bound: a policy
    /// question, not advice on the unit as it is. A supposed count ("要是党员到8个了，能单独建吗") stays the advice's premise.
    /// </summary>
    private bool SupposesPastABound()
    {
        foreach (var (position, word) in rules.Conditional.FindAll(text).Concat(FutureWords().Matches(text).Select(m => (m.Index, m.Value))))
        {
            if (word == "要是" && position > 0 && text[position - 1] == '主')
            {
                continue; // 主要是
            }

            if (PastBound().Match(text, position + word.Length) is { Success: true } bound && bound.Index - position <= 16)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("以后|将来|到时候|一旦")]
    private static partial Regex FutureWords();

    /// <summary>Passing a bound: 超过/过了/过/上了 before a figure.</summary>
    [GeneratedRegex(@"(超过|过了|过|上了)(\d|[一二两三四五六七八九十百])")]
    private static partial Regex PastBound();
}
