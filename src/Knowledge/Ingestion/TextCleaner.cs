using System.Text;
using System.Text.RegularExpressions;

namespace InstructorBot.Knowledge.Ingestion;

/// <summary>
/// Undoes what PDF extraction does to a Chinese official document: hard line breaks mid-sentence, lone page numbers,
/// spaces inside numbers, dates and between characters. Everything else of the source text is kept as it is, so quotes
/// stay faithful.
/// </summary>
public static partial class TextCleaner
{
    private const string Terminal = "。；！？：;!?:";

    /// <summary>Raw lines (from any format) to logical paragraphs, one per item.</summary>
    public static IReadOnlyList<string> ToParagraphs(IEnumerable<string> rawLines)
    {
        var lines = new List<(string Text, bool Starts, bool Ends)>();
        foreach (var raw in rawLines)
        {
            var markdownHeading = MarkdownHeading().IsMatch(raw);
            var text = StripMarkdown(raw);
            text = RemoveSpaces(text.Trim());
            if (text.Length == 0 || PageNumber().IsMatch(text))
            {
                continue;
            }

            lines.Add((text, markdownHeading || StartsBlock(text), markdownHeading || EndsBlock(text)));
        }

        var paragraphs = new List<string>();
        var buffer = new StringBuilder();
        var bufferEnded = false;
        foreach (var (text, starts, ends) in lines)
        {
            if (buffer.Length > 0 && (bufferEnded || starts || EndsSentence(buffer)))
            {
                paragraphs.Add(buffer.ToString());
                buffer.Clear();
            }

            if (buffer.Length > 0 && char.IsAsciiLetterOrDigit(buffer[^1]) && char.IsAsciiLetterOrDigit(text[0]))
            {
                buffer.Append(' ');
            }

            buffer.Append(text);
            bufferEnded = ends;
        }

        if (buffer.Length > 0)
        {
            paragraphs.Add(buffer.ToString());
        }

        return paragraphs;
    }

    /// <summary>
    /// Removes whitespace except between two Latin letters or digits: "8月 26 日" → "8月26日", "2021 年" → "2021年",
    /// "专项攻坚行 动" → "专项攻坚行动", "Party branch" stays.
    /// </summary>
    public static string RemoveSpaces(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c))
            {
                result.Append(c);
                continue;
            }

            var next = i + 1;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (result.Length > 0 && next < text.Length && IsLatinWordChar(result[^1]) && IsLatinWordChar(text[next]))
            {
                result.Append(' ');
            }

            i = next - 1;
        }

        return result.ToString();
    }

    /// <summary>Text as the scorer compares it: full-width folded, quotes unified, no whitespace.</summary>
    public static string Normalize(string text) => RemoveAllWhitespace(Fold(text));

    /// <summary>Full-width folded (NFKC), quotes and brackets unified; whitespace kept.</summary>
    public static string Fold(string text) =>
        text.Normalize(NormalizationForm.FormKC)
            .Replace('“', '"').Replace('”', '"').Replace('‘', '\'').Replace('’', '\'')
            .Replace('〔', '[').Replace('〕', ']').Replace('【', '[').Replace('】', ']');

    /// <summary>Text as question terms are matched against it: folded, quotes and book-title marks removed, lower case.</summary>
    public static string MatchForm(string text)
    {
        var normalized = RemoveSpaces(Fold(text));
        var result = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c is not ('"' or '\'' or '《' or '》' or '「' or '」' or '*'))
            {
                result.Append(char.ToLowerInvariant(c));
            }
        }

        return result.ToString();
    }

    internal static bool IsHeadingStart(string text) => HeadingMarker().IsMatch(text);

    internal static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static string RemoveAllWhitespace(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static bool IsLatinWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    private static string StripMarkdown(string raw)
    {
        var text = MarkdownHeading().Replace(raw, string.Empty);
        text = MarkdownBullet().Replace(text, string.Empty);
        return text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal);
    }

    private static bool EndsSentence(StringBuilder buffer)
    {
        var last = buffer[^1];
        if (Terminal.Contains(last, StringComparison.Ordinal))
        {
            return true;
        }

        // A Latin full stop ends a sentence after a word ("members."), not inside "1." or "3.5".
        if (last == '.' && buffer.Length > 1 && char.IsAsciiLetter(buffer[^2]))
        {
            return true;
        }

        return last is '”' or '"' && buffer.Length > 1 && Terminal.Contains(buffer[^2], StringComparison.Ordinal);
    }

    /// <summary>A line that never continues onto the next: a short heading, a 文号, a date, a title, a letterhead.</summary>
    private static bool EndsBlock(string text)
    {
        if (text.Length <= 40 && HeadingMarker().IsMatch(text) && !text.Contains('。', StringComparison.Ordinal)
            && !text.Contains('，', StringComparison.Ordinal) && !text.Contains(',', StringComparison.Ordinal))
        {
            return true;
        }

        return DocumentNumberLine().IsMatch(text) || DateLine().IsMatch(text) || TitleEnd().IsMatch(text)
            || LetterheadEnd().IsMatch(text);
    }

    private static bool StartsBlock(string text) =>
        HeadingMarker().IsMatch(text) || DateLine().IsMatch(text) || DocumentNumberLine().IsMatch(text)
        || LetterheadEnd().IsMatch(text) || (text.Length <= 20 && text.EndsWith("文件", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*#{1,6}\s+")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^\s*[-*+]\s+")]
    private static partial Regex MarkdownBullet();

    [GeneratedRegex(@"^[-—－\s]*(第\s*)?\d{1,4}(\s*页)?[-—－\s]*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])")]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,12}[〔\[【(（]\d{4}[〕\]】)）]\d{1,4}号$")]
    private static partial Regex DocumentNumberLine();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日(印发)?$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^[^，。,；;]{2,90}(通知|方案|意见|办法|决定|规定|细则|计划|文件|印发)$")]
    private static partial Regex TitleEnd();

    [GeneratedRegex(@"^中共.{2,14}(组织部|委员会|办公室)$")]
    private static partial Regex LetterheadEnd();
}
