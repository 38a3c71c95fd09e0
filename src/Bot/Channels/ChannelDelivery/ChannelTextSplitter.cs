using System.Globalization;
using System.Text;

namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>
/// Splits a reply too long for one vendor message into several, in order, each within the channel's
/// <see cref="ChannelTextLimit"/>: at line boundaries, a single over-long line at a punctuation mark (else between
/// characters, never inside one). Parts are numbered "（1/3）" when there is more than one; past the limit's
/// <see cref="ChannelTextLimit.MaxParts"/> the remaining lines are left out with a note.
/// </summary>
public static class ChannelTextSplitter
{
    private const string Breaks = "。！？；，、：.!?;, ";

    public static IReadOnlyList<string> Split(string text, ChannelTextLimit limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limit);
        if (Measure(text, limit.Measure) <= limit.Max)
        {
            return [text];
        }

        var digits = limit.MaxParts.ToString(CultureInfo.InvariantCulture).Length;
        var budget = limit.Max - Measure(Number(new string('9', digits), new string('9', digits)), limit.Measure);
        if (budget < 16)
        {
            throw new ArgumentException($"A limit of {limit.Max} leaves no room for text.", nameof(limit));
        }

        // Every part has room for the numbering; the last kept one also for the note on what was left out.
        var noteBudget = budget - Measure("\n" + Omitted(99_999), limit.Measure);
        var lines = text.Split('\n')
            .SelectMany(line => Measure(line, limit.Measure) > noteBudget ? Cut(line, noteBudget, limit.Measure) : [line])
            .ToList();
        var parts = Pack(lines, 0, budget, limit.Measure);
        if (parts.Count > limit.MaxParts)
        {
            var kept = parts.Take(limit.MaxParts - 1).ToList();
            var last = Pack(lines, kept.Count > 0 ? kept[^1].Next : 0, noteBudget, limit.Measure)[0];
            var omitted = lines.Skip(last.Next).Count(line => line.Trim().Length > 0);
            kept.Add(last with { Text = last.Text + "\n" + Omitted(omitted) });
            parts = kept;
        }

        if (parts.Count == 1)
        {
            return [parts[0].Text];
        }

        var count = parts.Count.ToString(CultureInfo.InvariantCulture);
        return [.. parts.Select((p, i) => Number((i + 1).ToString(CultureInfo.InvariantCulture), count) + p.Text)];
    }

    /// <summary>The length of <paramref name="text"/> as the vendor counts it.</summary>
    public static int Measure(string text, TextMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        return measure == TextMeasure.Utf8Bytes ? Encoding.UTF8.GetByteCount(text) : text.Length;
    }

    private static string Number(string index, string count) => "（" + index + "/" + count + "）\n";

    private static string Omitted(int lines) =>
        $"（内容较长，其余 {lines.ToString(CultureInfo.InvariantCulture)} 行未发送，请缩小查询范围或在网页端查看。）";

    /// <summary>Packs lines (each within <paramref name="budget"/>) from <paramref name="start"/> greedily into parts.</summary>
    private static List<Part> Pack(List<string> lines, int start, int budget, TextMeasure measure)
    {
        var parts = new List<Part>();
        var current = new StringBuilder();
        var size = 0;
        for (var i = start; i < lines.Count; i++)
        {
            var lineSize = Measure(lines[i], measure);
            if (size > 0 && size + 1 + lineSize > budget)
            {
                Flush(i);
            }

            if (size == 0 && lines[i].Trim().Length == 0)
            {
                // A part does not start with a blank line.
                continue;
            }

            current.Append(size > 0 ? "\n" : string.Empty).Append(lines[i]);
            size += (size > 0 ? 1 : 0) + lineSize;
        }

        Flush(lines.Count);
        return parts;

        void Flush(int next)
        {
            var text = current.ToString().TrimEnd();
            if (text.Length > 0)
            {
                parts.Add(new Part(text, next));
            }

            current.Clear();
            size = 0;
        }
    }

    /// <summary>Cuts one line into pieces within <paramref name="budget"/>, preferring a break after punctuation late in a piece.</summary>
    private static List<string> Cut(string line, int budget, TextMeasure measure)
    {
        var pieces = new List<string>();
        var start = 0;
        while (start < line.Length)
        {
            var size = 0;
            var end = start;
            var lastBreak = -1;
            while (end < line.Length)
            {
                Rune.DecodeFromUtf16(line.AsSpan(end), out var rune, out var length);
                var runeSize = measure == TextMeasure.Utf8Bytes ? rune.Utf8SequenceLength : length;
                if (size + runeSize > budget)
                {
                    break;
                }

                size += runeSize;
                end += length;
                if (Breaks.Contains(line[end - length], StringComparison.Ordinal))
                {
                    lastBreak = end;
                }
            }

            if (end < line.Length && lastBreak > start + (end - start) * 3 / 5)
            {
                end = lastBreak;
            }

            pieces.Add(line[start..end]);
            start = end;
        }

        return pieces;
    }

    /// <param name="Text">The part's lines.</param>
    /// <param name="Next">The index of the first line after it.</param>
    private sealed record Part(string Text, int Next);
}
