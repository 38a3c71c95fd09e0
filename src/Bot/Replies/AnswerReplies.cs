using System.Text;
using System.Text.RegularExpressions;
using InstructorBot.Bot.Plugins;
using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Bot.Replies;

/// <summary>
/// Answers from the documents with their citations, and formation advice with its reasons, written for a phone screen: the
/// answer once, without the section number it starts with; then where it comes from, as 《short title》section, with a
/// quote only when it says more than the answer.
/// </summary>
public static partial class AnswerReplies
{
    /// <summary>At most this many citations: the answer's own and one more that the answer draws on.</summary>
    private const int ShownCitations = 2;

    private const string NoAnswerHint = "可以换个说法再问，或发送“帮助”查看我能做什么。";

    public static string Document(DocumentAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!answer.Answered)
        {
            return answer.Answer.Contains("帮助", StringComparison.Ordinal) ? answer.Answer : answer.Answer + NoAnswerHint;
        }

        var lines = answer.Answer.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => LeadingNumber().Replace(l, string.Empty)).ToList();
        var text = new StringBuilder(string.Join('\n', lines));
        var shown = answer.Citations.Take(1)
            .Concat(answer.Citations.Skip(1).Where(c => lines.Skip(1).Any(l => Flat(c.Quote).Contains(Flat(l), StringComparison.Ordinal))))
            .DistinctBy(c => (c.Document, c.Section)).Take(ShownCitations).ToList();
        if (shown.Count == 0)
        {
            return text.ToString();
        }

        text.Append("\n\n出处：");
        foreach (var citation in shown)
        {
            text.Append("\n《").Append(ShortTitle(citation.Document)).Append('》');
            if (citation.Section is { Length: > 0 } section && section != citation.Document)
            {
                text.Append(section);
            }

            // The quote only where it says more than the answer: the answer is mostly the quoted sentence itself.
            if (Adds(citation.Quote, answer.Answer.Split('\n')) is { } more)
            {
                text.Append("：“").Append(Shorten(more, 80)).Append('”');
            }
        }

        return text.ToString();
    }

    public static string Advice(FormationAdvice advice, string? organization)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var text = new StringBuilder();
        if (organization is { Length: > 0 })
        {
            text.Append(organization).Append("：");
        }

        // The summary already lists every reason, numbered and cited.
        return text.Append(advice.Summary).ToString();
    }

    /// <summary>
    /// A title short enough for a phone: from its last quoted name to its end ("…质量专项工作方案" → "“两个覆盖”质量专项工作方案"),
    /// else what follows 关于, else the title; cut at 24 characters.
    /// </summary>
    public static string ShortTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var quoted = title.LastIndexOf('“');
        var about = title.IndexOf("关于", StringComparison.Ordinal);
        var shortened = quoted > 0 ? title[quoted..] : about >= 0 && about + 2 < title.Length ? title[(about + 2)..] : title;
        return shortened.Length <= 24 ? shortened : string.Concat("…", shortened.AsSpan(shortened.Length - 20));
    }

    /// <summary>
    /// The quote when it is evidence the answer does not already give: null when the answer draws on it (the answer's
    /// sentences are the quote's own; the sentences around them are context, not answer).
    /// </summary>
    private static string? Adds(string quote, IEnumerable<string> answerLines) =>
        answerLines.Any(l => Flat(l).Length >= 6 && Flat(quote).Contains(Flat(l), StringComparison.Ordinal)) ? null : quote;

    private static string Flat(string text) => Whitespace().Replace(text, string.Empty);

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "……");

    /// <summary>A heading number at the start of an answer line: 一、 / （二） / 4、 / 1. / （3）.</summary>
    [GeneratedRegex(@"^([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．](?!\d))\s*")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"[^。！？；\n]+[。！？；]?")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
