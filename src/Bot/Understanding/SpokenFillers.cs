namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Stage 1b (after <see cref="TextNormalizer"/>): voice input carries words that mean nothing (嗯, 那个, 就是, 呃). They
/// are a word class of the vocabulary (<c>spoken_fillers</c>), taken out once before the message is read, so that no
/// later rule has to step over them ("党员就是六个" reads as "党员六个"). A filler next to a blank or the text's edge
/// goes with the blank; between two words it goes without a trace. Never inside a ledger name: the caller passes the
/// spans to keep.
/// </summary>
internal static class SpokenFillers
{
    public static string Remove(string text, KeywordSet fillers, IReadOnlyList<(int Start, int End)> keep)
    {
        if (text.Length == 0 || !fillers.ContainsAny(text))
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        var removedUpTo = -1;
        for (var i = 0; i < text.Length;)
        {
            if (fillers.MatchAt(text, i) is { } filler && !Inside(keep, i) && !IsPartOfWord(text, i, filler)
                && (!filler.StartsWith("就是", StringComparison.Ordinal) || i == 0 || IsPause(text[i - 1]) || i == removedUpTo))
            {
                // 就是 is a filler where a clause starts ("嗯就是智联物流那边…"); inside one it is a copula ("老板本人就是党员").
                i += filler.Length;
                removedUpTo = i;
                continue;
            }

            result.Append(text[i]);
            i++;
        }

        return result.ToString();
    }

    private static bool IsPause(char c) => c is ' ' or ',' or '，' or '。' or '.' or '!' or '！' or '?' or ';' or '；' or '~' or '…' or '\n';

    private static bool Inside(IReadOnlyList<(int Start, int End)> spans, int position)
    {
        foreach (var (start, end) in spans)
        {
            if (start <= position && position < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"就是" in "这就是" or "那个" as a pronoun before a measure word of its own ("那个的") stays; so does a
    /// self-talk filler of the speaker (我捋一下, 我数了一下) where 我 is the object of a word before it ("帮我捋一下": a request).</summary>
    private static bool IsPartOfWord(string text, int position, string filler)
    {
        var next = position + filler.Length;
        return (filler.StartsWith('那') && next < text.Length && text[next] is '的' or '时' or '月')
            || (filler.StartsWith('我') && position > 0 && text[position - 1] is '帮' or '给' or '让' or '替' or '叫' or '跟' or '和' or '请' or '与' or '教')
            || (filler == "就是" && next < text.Length && text[next] is '我' or '他' or '她'); // "指导员就是我自己": a copula
    }
}
