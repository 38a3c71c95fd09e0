using System.Globalization;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// The shipped tables of a word and the documents' words for it (Resources/thesaurus.tsv, Resources/unit-classes.tsv):
/// one row per line, four tab-separated cells (the word; the documents' words split by '/'; a credit; the source), lines
/// starting with '#' are comments.
/// </summary>
internal static class SourcedTable
{
    public static List<T> Read<T>(string resource, Func<string, string[], double, string, T> row)
    {
        var name = "InstructorBot.Knowledge." + resource;
        using var stream = typeof(SourcedTable).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(resource + " resource missing");
        using var reader = new StreamReader(stream);
        var rows = new List<T>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 4)
            {
                throw new InvalidOperationException(resource + ": four tab-separated cells per line: " + line);
            }

            rows.Add(row(cells[0], cells[1].Split('/'), double.Parse(cells[2], CultureInfo.InvariantCulture), cells[3]));
        }

        return rows;
    }
}
