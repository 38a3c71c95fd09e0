using System.Text;
using InstructorBot.Bot.Plugins;

namespace InstructorBot.Bot.Replies;

/// <summary>Answers from the documents with their citations, and formation advice with its reasons.</summary>
public static class AnswerReplies
{
    /// <summary>The answer, then each citation as 《title》section：“quote”.</summary>
    public static string Document(DocumentAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder(answer.Answer);
        if (answer.Answered && answer.Citations.Count > 0)
        {
            text.Append("\n\n依据：");
            foreach (var citation in answer.Citations.Take(3))
            {
                text.Append("\n《").Append(citation.Document).Append('》');
                if (citation.Section is { Length: > 0 } section)
                {
                    text.Append(section);
                }

                text.Append("：“").Append(Shorten(citation.Quote, 160)).Append('”');
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

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "……");
}
