using System.Globalization;

namespace InstructorBot.Knowledge.Answering;

/// <summary>One thesaurus entry: a word a question may use, the documents' words for it, their credit and where the pair comes from.</summary>
public sealed record ThesaurusEntry(string Word, IReadOnlyList<string> DocumentWords, double Credit, string Source);

/// <summary>The campaign thesaurus (Resources/thesaurus.tsv): query expansion from the words people use to the documents' words.</summary>
public static class Thesaurus
{
    public static IReadOnlyList<ThesaurusEntry> LoadDefault()
    {
        using var stream = typeof(Thesaurus).Assembly.GetManifestResourceStream("InstructorBot.Knowledge.thesaurus.tsv")
            ?? throw new InvalidOperationException("thesaurus.tsv resource missing");
        using var reader = new StreamReader(stream);
        var entries = new List<ThesaurusEntry>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 4)
            {
                throw new InvalidOperationException("thesaurus.tsv: four tab-separated cells per line: " + line);
            }

            entries.Add(new ThesaurusEntry(cells[0], cells[1].Split('/'), double.Parse(cells[2], CultureInfo.InvariantCulture), cells[3]));
        }

        return entries;
    }
}
