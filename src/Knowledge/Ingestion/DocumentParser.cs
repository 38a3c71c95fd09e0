using System.Text;
using System.Text.RegularExpressions;
using InstructorBot.Knowledge.Documents;

namespace InstructorBot.Knowledge.Ingestion;

/// <summary>
/// Splits cleaned paragraphs on the document's own structure (一、 / （一） / 1. / （1）, a notice forwarded inside
/// another) into passages that carry their heading path, and detects title, 文号 and date when no metadata is given.
/// </summary>
public static partial class DocumentParser
{
    /// <summary>Passages longer than this are cut at a paragraph boundary (same heading path).</summary>
    private const int MaxPassageLength = 1600;

    public static ParsedDocument Parse(IReadOnlyList<string> paragraphs, DocumentMetadata? metadata, string fallbackTitle)
    {
        var detected = Detect(paragraphs, fallbackTitle);
        var meta = metadata is null
            ? detected
            : metadata with
            {
                DocumentNumber = metadata.DocumentNumber ?? detected.DocumentNumber,
                Date = metadata.Date ?? detected.Date,
                IssuingBody = metadata.IssuingBody ?? detected.IssuingBody,
            };

        var passages = new List<PassageBuilder>();
        var headings = new string?[5];
        string? part = null;
        var parts = 0;
        PassageBuilder? current = null;

        foreach (var paragraph in paragraphs)
        {
            if (IsTitleLine(paragraph) || IsLetterheadFile(paragraph))
            {
                if (IsTitleLine(paragraph))
                {
                    parts++;
                    part = parts > 1 && TextCleaner.Normalize(paragraph) != TextCleaner.Normalize(meta.Title) ? paragraph : null;
                    Array.Clear(headings);
                }

                current = null;
                continue;
            }

            if (DocumentNumber().Match(paragraph) is { Success: true } number && number.Length >= paragraph.Length - 2)
            {
                // The 文号 line is metadata, not text to answer from.
                continue;
            }

            var level = HeadingLevel(paragraph);
            if (level > 0)
            {
                var title = HeadingTitle(paragraph);
                for (var l = level; l < headings.Length; l++)
                {
                    headings[l] = null;
                }

                headings[level] = title;
                var parent = passages.LastOrDefault(p => p.Level < level && p.Part == part);
                parent?.Children.Add(title);
                current = new PassageBuilder(SectionPath(part, headings), level, part);
                passages.Add(current);
                if (HasBody(paragraph))
                {
                    current.Append(paragraph);
                }

                continue;
            }

            if (current is null || current.Text.Length > MaxPassageLength)
            {
                var section = SectionPath(part, headings);
                current = new PassageBuilder(section.Length > 0 ? section : meta.Title, current?.Level ?? 0, part);
                passages.Add(current);
            }

            current.Append(paragraph);
        }

        var result = passages
            .Where(p => p.Text.Length > 0 || p.Children.Count > 0)
            .Select(p => new Passage(p.Section, p.Text.ToString(), p.Level, [.. p.Children]))
            .ToList();
        return new ParsedDocument(meta, result);
    }

    /// <summary>0 for body text; 1 一、 2 （一） 3 1. / 1、 4 （1）.</summary>
    internal static int HeadingLevel(string paragraph)
    {
        var m = HeadingMarker().Match(paragraph);
        if (!m.Success)
        {
            return 0;
        }

        if (m.Groups["l1"].Success)
        {
            return 1;
        }

        if (m.Groups["l2"].Success)
        {
            return 2;
        }

        return m.Groups["l3"].Success ? 3 : 4;
    }

    private static DocumentMetadata Detect(IReadOnlyList<string> paragraphs, string fallbackTitle)
    {
        var head = paragraphs.Take(12).ToList();
        var title = head.FirstOrDefault(IsTitleLine) ?? fallbackTitle;
        var number = head.Select(p => DocumentNumber().Match(p)).FirstOrDefault(m => m.Success)?.Value;
        var date = paragraphs.Select(p => DateLine().Match(p)).LastOrDefault(m => m.Success)?.Value;
        var body = head.FirstOrDefault(IsLetterheadFile)?.Replace("文件", string.Empty, StringComparison.Ordinal);
        return new DocumentMetadata(title, body, number, date);
    }

    private static bool IsTitleLine(string paragraph) =>
        paragraph.Length <= 100 && HeadingLevel(paragraph) == 0 && TitleLine().IsMatch(paragraph);

    private static bool IsLetterheadFile(string paragraph) =>
        paragraph.Length <= 24 && paragraph.EndsWith("文件", StringComparison.Ordinal);

    private static string HeadingTitle(string paragraph)
    {
        var stop = paragraph.IndexOf('。', StringComparison.Ordinal);
        var title = stop > 0 && stop <= 40 ? paragraph[..stop] : paragraph;
        return title.Length > 60 ? title[..60] + "…" : title;
    }

    private static bool HasBody(string paragraph)
    {
        var stop = paragraph.IndexOf('。', StringComparison.Ordinal);
        return stop > 0 && stop < paragraph.Length - 1 || paragraph.Length > 40;
    }

    private static string SectionPath(string? part, string?[] headings)
    {
        var path = headings.Where(h => h is not null).ToList();
        if (part is not null)
        {
            path.Insert(0, part);
        }

        return string.Join(" / ", path);
    }

    [GeneratedRegex(@"^((?<l1>[一二三四五六七八九十]+、)|(?<l2>[（(][一二三四五六七八九十]+[）)])|(?<l3>\d{1,2}[、.．](?!\d))|(?<l4>[（(]\d{1,2}[）)]))")]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"^[^，。,；;：:]{4,100}(通知|方案|意见|办法|决定|规定|细则|计划)$")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]{1,12}\s*[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d{1,4}\s*号")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex DateLine();

    private sealed class PassageBuilder(string section, int level, string? part)
    {
        public string Section { get; } = section;

        public int Level { get; } = level;

        public string? Part { get; } = part;

        public StringBuilder Text { get; } = new();

        public List<string> Children { get; } = [];

        public void Append(string paragraph)
        {
            if (Text.Length > 0)
            {
                Text.Append('\n');
            }

            Text.Append(paragraph);
        }
    }
}
