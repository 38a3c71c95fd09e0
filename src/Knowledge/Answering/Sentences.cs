namespace InstructorBot.Knowledge.Answering;

/// <summary>Splits a passage into sentences (。！？ and line ends), as ranges so quotes stay the passage's own text.</summary>
internal static class Sentences
{
    public static List<Range> Split(string text)
    {
        var ranges = new List<Range>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '。' or '！' or '？' or '!' or '?' ? i + 1 : c == '\n' ? i : -1;
            if (end < 0)
            {
                continue;
            }

            // A closing quote right after the stop belongs to the sentence.
            while (end < text.Length && text[end] is '”' or '"' or '）' or ')')
            {
                end++;
                i++;
            }

            Add(ranges, text, start, end);
            start = c == '\n' ? i + 1 : end;
        }

        Add(ranges, text, start, text.Length);
        return ranges;
    }

    private static void Add(List<Range> ranges, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (end > start)
        {
            ranges.Add(start..end);
        }
    }
}
