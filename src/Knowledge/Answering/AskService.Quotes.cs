using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Answering;

// Quoting the answer: the answering sentence with what it introduces (Expand), the passage text around it (QuoteOf),
// the enumerated sentences after it, and a section's own heading.
public sealed partial class AskService
{
    /// <summary>
    /// The answering sentence, and when it introduces a list ("即：", "如下", a trailing colon) what follows it in the
    /// passage, or the headings of the sections below it.
    /// </summary>
    private static (string Text, int End) Expand(ScoredSentence best)
    {
        var text = best.Hit.Text;
        var range = best.Sentences[best.Index];
        var sentence = text[range];
        var trimmed = sentence.TrimEnd();
        var introducesList = trimmed.EndsWith('：') || trimmed.EndsWith(':') || trimmed.Contains("即：", StringComparison.Ordinal)
            || trimmed.Contains("如下", StringComparison.Ordinal) || trimmed.Contains("以下", StringComparison.Ordinal) && trimmed.EndsWith(':');
        if (!introducesList)
        {
            return (sentence, range.End.Value);
        }

        var end = range.End.Value;
        for (var i = best.Index + 1; i < best.Sentences.Count && best.Sentences[i].End.Value - range.Start.Value <= 600; i++)
        {
            end = best.Sentences[i].End.Value;
        }

        if (end > range.End.Value)
        {
            return (text[range.Start.Value..end], end);
        }

        return best.Hit.ChildHeadings.Count > 0
            ? (sentence + string.Join("；", best.Hit.ChildHeadings) + "。", end)
            : (sentence, end);
    }

    /// <summary>The passage's own text around the answer, long enough to carry it.</summary>
    private static string QuoteOf(ScoredSentence scored, int answerEnd)
    {
        var text = scored.Hit.Text;
        var sentences = scored.Sentences;
        var first = scored.Index;
        var start = sentences[first].Start.Value;
        var end = Math.Max(answerEnd, sentences[first].End.Value);
        var next = sentences.FindIndex(r => r.Start.Value >= end);
        while (end - start < 80)
        {
            if (next >= 0 && next < sentences.Count)
            {
                end = sentences[next++].End.Value;
            }
            else if (first > 0)
            {
                start = sentences[--first].Start.Value;
            }
            else
            {
                break;
            }
        }

        var quote = text[start..end];
        if (scored.Hit.ChildHeadings.Count > 0 && end >= text.TrimEnd().Length && (quote.TrimEnd().EndsWith('：') || quote.TrimEnd().EndsWith(':')))
        {
            quote += string.Join("；", scored.Hit.ChildHeadings);
        }

        return quote.Length > MaxQuote * 2 ? quote[..(MaxQuote * 2)] : quote;
    }

    /// <summary>The sentences after the answer that spell it out one by one ("一是…。", "二是…。"), when the next one starts so.</summary>
    private static List<Range> Enumerated(ScoredSentence best, int answerEnd)
    {
        var text = best.Hit.Text;
        var next = best.Sentences.FindIndex(r => r.Start.Value >= answerEnd);
        if (next < 0 || !text[best.Sentences[next]].TrimStart().StartsWith("一是", StringComparison.Ordinal))
        {
            return [];
        }

        return [.. best.Sentences.Skip(next).Where(r => OrdinalStart().IsMatch(text[r].TrimStart())).Take(10)];
    }

    /// <summary>The last heading of a section path without its number or dates: "二、工作安排 / （三）全面排查摸底（8月26日前）" → 全面排查摸底.</summary>
    private static string OwnHeading(string section)
    {
        var last = section[(section.LastIndexOf('/') + 1)..];
        return QuestionAnalyzer.MatchForm(HeadingNoise().Replace(last, string.Empty));
    }
}
