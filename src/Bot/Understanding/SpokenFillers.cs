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
        for (var i = 0; i < text.Length;)
        {
            if (fillers.MatchAt(text, i) is { } filler && !Inside(keep, i) && !IsPartOfWord(text, i, filler))
            {
                i += filler.Length;
                continue;
            }

            result.Append(text[i]);
            i++;
        }

        return result.ToString();
    }

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

    /// <summary>"就是" in "这就是" or "那个" as a pronoun before a measure word of its own ("那个的") stays.</summary>
    private static bool IsPartOfWord(string text, int position, string filler)
    {
        var next = position + filler.Length;
        return filler.StartsWith('那') && next < text.Length && text[next] is '的' or '时' or '月';
    }
}
