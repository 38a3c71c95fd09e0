namespace InstructorBot.Bot.Understanding;

// 几 read as "several" where a total follows it (round 18, branch r18-uform).
internal sealed partial class UnderstandingRules
{
    /// <summary>
    /// "商会秘书处的加上几个常务理事，一共5名党员。": 几 + a measure in a stretch that a later stretch of its sentence sums up (a total
    /// word opening it, then a figure: 一共5名, 总共六个) is "several", a part of the total told; the sentence asks nothing (no ？).
    /// </summary>
    private bool IsSeveralBeforeTotal(string text, int position)
    {
        if (position + 1 >= text.Length || text[position + 1] is not ('个' or '家' or '位' or '名'))
        {
            return false;
        }

        var stretchEnd = position;
        while (stretchEnd < text.Length && !Tokens.Tokenizer.IsPause(text[stretchEnd]))
        {
            stretchEnd++;
        }

        var sentenceEnd = text.IndexOfAny(['。', '！', '？', '!', '?', '\n'], position) is var stop and >= 0 ? stop : text.Length;
        if (sentenceEnd < text.Length && text[sentenceEnd] is '？' or '?')
        {
            return false;
        }

        foreach (var (at, word) in TotalWords.FindAll(text, stretchEnd, sentenceEnd))
        {
            if (Tokens.Tokenizer.IsPause(text[at - 1]) && ChineseNumber.TryReadSpoken(text, at + word.Length, out _, out _, out _))
            {
                return true;
            }
        }

        return false;
    }
}
