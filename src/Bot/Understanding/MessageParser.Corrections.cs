using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: corrections inside a message (不对, 说错了, 不是 … 是): the day, figure or name said after the marker replaces the last one of its kind.
internal sealed partial class MessageParser
{
    /// <summary>
    /// "昨天去了青禾文化，不对，是前天" → "前天去了青禾文化": the message as meant, the day, figure or name after a correction
    /// marker put in place of the last one of its kind said before it. Null when there is no correction of that shape
    /// ("刚才那条不对，撤销" takes a record back instead).
    /// </summary>
    private string? Corrected()
    {
        if ((rules.Corrections.FindFirst(text) ?? PauseCorrection()) is not { } marker)
        {
            return null;
        }

        var at = marker.Position + marker.Word.Length;
        while (at < text.Length && (IsSeparator(text[at]) || text[at] is '哦' or '啊' or '呃' or ':' or '：'))
        {
            at++;
        }

        if (rules.CorrectionLeads.MatchAt(text, at) is { } lead)
        {
            at += lead.Length;
        }

        var cut = marker.Position;
        while (cut > 0 && (IsSeparator(text[cut - 1]) || text[cut - 1] is '哦' or '啊' or '呃'))
        {
            cut--;
        }

        (int Start, int End)? said = null;
        var replacementEnd = at;
        if (dates.FirstOrDefault(d => d.Start == at) is { } date)
        {
            replacementEnd = date.Start + date.Length;
            said = dates.LastOrDefault(d => d.Start + d.Length <= cut) is { } before ? (before.Start, before.Start + before.Length) : null;
        }
        else if (mentions.FirstOrDefault(m => m.Start == at && !m.IsGeneric) is { } name)
        {
            replacementEnd = name.End;
            said = mentions.LastOrDefault(m => m.End <= cut && !m.IsGeneric) is { } before ? (before.Start, before.End) : null;
        }
        else if (ChineseNumber.TryRead(text, at, out _, out var length) && !(length == 1 && text[at] == '一' && at + 1 < text.Length && !IsMeasure(text[at + 1])))
        {
            replacementEnd = at + length;
            said = LastFigureBefore(cut);
        }
        else if (RepeatedNounFigure(at, cut) is { } figure)
        {
            // "党员2名，更正一下，党员是3名": the noun said again, then the figure that replaces the one after it.
            (at, replacementEnd, said) = figure;
        }

        if (said is not { } replaced)
        {
            return null;
        }

        var rest = replacementEnd;
        while (rest < text.Length && !IsSeparator(text[rest]))
        {
            rest++; // "是前天去的": the rest of the replacing words says nothing new
        }

        return string.Concat(text.AsSpan(0, replaced.Start), text.AsSpan(at, replacementEnd - at), text.AsSpan(replaced.End, cut - replaced.End), text.AsSpan(rest));

        static bool IsMeasure(char c) => c is '名' or '人' or '个' or '位' or '家';
    }

    /// <summary>
    /// "党员是3名" after a correction marker at <paramref name="at"/>: the figure (start, end) and the figure said after the same
    /// noun before <paramref name="cut"/>.
    /// </summary>
    private (int At, int End, (int Start, int End)? Said)? RepeatedNounFigure(int at, int cut)
    {
        if (cut <= 0)
        {
            return null; // a message that opens with the marker corrects nothing said before it
        }

        for (var q = at + 2; q < Math.Min(text.Length, at + 8) && !IsSeparator(text[q]); q++)
        {
            if (!ChineseNumber.IsNumeralChar(text[q]) || !ChineseNumber.TryRead(text, q, out _, out var length))
            {
                continue;
            }

            var noun = text[at..q];
            while (rules.CorrectionLeads.EndsAt(noun, noun.Length) && noun.Length > 0)
            {
                var lead = rules.CorrectionLeads.FindAll(noun).LastOrDefault(l => l.Position + l.Word.Length == noun.Length);
                noun = noun[..lead.Position];
            }

            // The noun must end before the marker: a marker that opens the message ("不对，撤销…") has nothing before it.
            var said = noun.Length >= 2 && cut >= noun.Length ? text.LastIndexOf(noun, cut - 1, StringComparison.Ordinal) : -1;
            if (said < 0 || LastFigureBefore(Math.Min(cut, said + noun.Length + 6)) is not { } figure || figure.Start < said + noun.Length)
            {
                return null;
            }

            return (q, q + length, figure);
        }

        return null;
    }

    /// <summary>"不是 是大前天", "错了，是5个": 不是/错了 corrects only between two pauses, before what replaces.</summary>
    private (int Position, string Word)? PauseCorrection()
    {
        foreach (var (position, word) in rules.PauseCorrections.FindAll(text))
        {
            var end = position + word.Length;
            var echo = end;
            while (echo < text.Length && echo - end < 8 && !IsSeparator(text[echo]))
            {
                echo++; // "不是前天 是大前天": the wrong value said again before the right one
            }

            if (word == "不是" && echo > end && echo < text.Length && position > 0 && IsSeparator(text[position - 1]) && (position < 2 || text[position - 2] != '是'))
            {
                var lead = echo;
                while (lead < text.Length && IsSeparator(text[lead]))
                {
                    lead++;
                }

                if (lead > echo && rules.CorrectionLeads.MatchAt(text, lead) is not null)
                {
                    return (position, text[position..echo]);
                }
            }

            if (position > 0 && IsSeparator(text[position - 1]) && end < text.Length && IsSeparator(text[end]))
            {
                var next = end;
                while (next < text.Length && IsSeparator(text[next]))
                {
                    next++;
                }

                if (rules.CorrectionLeads.MatchAt(text, next) is not null)
                {
                    return (position, word);
                }
            }
        }

        return null;
    }

    /// <summary>The last figure (digits or a Chinese numeral, not part of a date) that ends by <paramref name="end"/>.</summary>
    private (int Start, int End)? LastFigureBefore(int end)
    {
        for (var i = end - 1; i >= 0; i--)
        {
            if (!ChineseNumber.IsNumeralChar(text[i]) || dates.Any(d => d.Start <= i && i < d.Start + d.Length) || InsideMention(i))
            {
                continue;
            }

            var start = i;
            while (start > 0 && ChineseNumber.IsNumeralChar(text[start - 1]))
            {
                start--;
            }

            if (ChineseNumber.TryRead(text, start, out _, out var length) && start + length == i + 1)
            {
                return (start, i + 1);
            }

            i = start;
        }

        return null;
    }
}
