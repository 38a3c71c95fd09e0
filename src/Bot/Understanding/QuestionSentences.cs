namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The time reference of a question told beside statements (round 14, branch r14-unarr): "横岗街道11月份一共新建了几个党组织？
/// 我要跟这个月的对比一下。" asks about November; the month of the sentence after it is what the answer will be compared
/// with, not the question's window. Where a message has question sentences and statement sentences and a question sentence
/// names a window, the window is read from the question sentences only; otherwise from the whole text, as before.
/// </summary>
public static class QuestionSentences
{
    private const string Ends = "。！!？?\n；;";

    /// <summary>The text a progress question's window is read from: its question sentences where they name one, else the whole text.</summary>
    public static string WindowText(string text, DateOnly today, DateOnly? campaignStart)
    {
        ArgumentNullException.ThrowIfNull(text);
        var asked = new System.Text.StringBuilder();
        var told = false;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !Ends.Contains(text[i], StringComparison.Ordinal))
            {
                continue;
            }

            var end = Math.Min(i + 1, text.Length);
            if (end > start && !string.IsNullOrWhiteSpace(text[start..end]))
            {
                if (i < text.Length && text[i] is '？' or '?')
                {
                    asked.Append(text, start, end - start);
                }
                else
                {
                    told = true;
                }
            }

            start = end;
        }

        if (!told || asked.Length == 0)
        {
            return text;
        }

        var question = asked.ToString();
        return TimeWindow.Find(question, today, campaignStart) is not null || TimeWindow.FindDay(question, today) is not null ? question : text;
    }
}
