using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InstructorBot.Knowledge.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace InstructorBot.Knowledge.Ingestion;

/// <summary>Reads .txt, .md, .docx and .pdf files into parsed documents; a sidecar <c>NAME.meta.json</c> gives metadata.</summary>
public static class DocumentReader
{
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".docx", ".pdf" };

    private static readonly JsonSerializerOptions MetadataJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
    };

    public static bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path));

    public static ParsedDocument Read(string path)
    {
        var lines = ReadLines(path);
        var paragraphs = TextCleaner.ToParagraphs(lines);
        return DocumentParser.Parse(paragraphs, ReadMetadata(path), Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>The raw lines of a file as its format gives them, before cleaning.</summary>
    public static IReadOnlyList<string> ReadLines(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".docx" => ReadDocx(path),
        ".pdf" => ReadPdf(path),
        _ => File.ReadAllLines(path, Encoding.UTF8),
    };

    private static DocumentMetadata? ReadMetadata(string path)
    {
        var sidecar = path + ".meta.json";
        if (!File.Exists(sidecar))
        {
            return null;
        }

        try
        {
            var meta = JsonSerializer.Deserialize<DocumentMetadata>(File.ReadAllText(sidecar, Encoding.UTF8), MetadataJson);
            return meta is { Title.Length: > 0 } ? meta : null;
        }
        catch (JsonException)
        {
            // A broken sidecar falls back to detection from the text itself.
            return null;
        }
    }

    private static List<string> ReadDocx(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return [];
        }

        return body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    private static List<string> ReadPdf(string path)
    {
        var lines = new List<string>();
        using var pdf = PdfDocument.Open(path);
        foreach (var page in pdf.GetPages())
        {
            var text = ContentOrderTextExtractor.GetText(page);
            lines.AddRange(text.Split('\n').Select(l => l.TrimEnd('\r')));
        }

        return lines;
    }
}
