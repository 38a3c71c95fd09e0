namespace InstructorBot.Bot.Understanding;

// Round 15 (r15-utime): a day said by voice after the report it dates ("那家公司我去过了 就是上礼拜五 老板说可以考虑建支部"):
// a unit of the message that says only a day, with fillers, belongs to the report before it (MessageParser.Compound.cs).
internal sealed partial class MessageParser
{
    /// <summary>Words that may stand beside a day said on its own after a report ("就是上礼拜五", "是前天去的", "应该是周三那次").</summary>
    private static readonly string[] DayOnlyWords = ["应该是", "好像是", "就是", "那次", "那天", "去的", "来的", "是", "嗯", "呃", "哦", "的", "吧"];

    /// <summary>The unit says one day and nothing else but the words of <see cref="DayOnlyWords"/> and pauses.</summary>
    private bool OnlyADay(Unit unit)
    {
        var day = dates.FindIndex(d => d.Start >= unit.Start && d.Start + d.Length <= unit.End);
        if (day < 0)
        {
            return false;
        }

        var (from, to) = (dates[day].Start, dates[day].Start + dates[day].Length);
        return OnlyDayWords(unit.Start, from) && OnlyDayWords(to, unit.End);
    }

    private bool OnlyDayWords(int start, int end)
    {
        for (var at = start; at < end;)
        {
            if (IsSeparator(text[at]))
            {
                at++;
            }
            else if (DayOnlyWords.FirstOrDefault(w => at + w.Length <= end && text.AsSpan(at).StartsWith(w, StringComparison.Ordinal)) is { } word)
            {
                at += word.Length;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
