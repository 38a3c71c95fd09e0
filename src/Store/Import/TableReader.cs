using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace InstructorBot.Store.Import;

/// <summary>Reads a .csv (RFC 4180 quoting, UTF-8 or GB18030) or the first sheet of an .xlsx into rows; the first non-empty row is the header.</summary>
internal static class TableReader
{
    /// <summary>The rows, or null with a Chinese reason when the file is missing or not a spreadsheet.</summary>
    public static IReadOnlyList<TableRow>? TryRead(string file, out string? problem)
    {
        problem = null;
        try
        {
            return Read(file);
        }
        catch (FileNotFoundException)
        {
            problem = $"找不到文件 {file}";
        }
#pragma warning disable CA1031 // A file that is not a spreadsheet is bad input, reported as a value.
        catch (Exception unreadable)
#pragma warning restore CA1031
        {
            problem = $"无法读取（{unreadable.GetType().Name}），请确认是 .csv 或 .xlsx 文件";
        }

        return null;
    }

    public static IReadOnlyList<TableRow> Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"找不到文件：{file}", file);
        }

        return System.IO.Path.GetExtension(file).ToUpperInvariant() switch
        {
            ".XLSX" or ".XLSM" => ReadWorkbook(file),
            _ => ParseCsv(TextDecoding.Decode(File.ReadAllBytes(file))),
        };
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; a record's line is its ordinal (what Excel shows).</summary>
    public static IReadOnlyList<TableRow> ParseCsv(string text)
    {
        var rows = new List<TableRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0 || cell.ToString().Trim().Length == 0:
                    cell.Clear();
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    cells.Add(cell.ToString());
                    cell.Clear();
                    rows.Add(new TableRow(line++, cells.ToArray()));
                    cells.Clear();
                    break;
                default:
                    cell.Append(c);
                    break;
            }

            i++;
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add(new TableRow(line, cells.ToArray()));
        }

        return rows;
    }

    private static List<TableRow> ReadWorkbook(string file)
    {
        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheets.First();
        var used = sheet.RangeUsed();
        var rows = new List<TableRow>();
        if (used is null)
        {
            return rows;
        }

        var lastColumn = used.LastColumn().ColumnNumber();
        foreach (var row in sheet.Rows(1, used.LastRow().RowNumber()))
        {
            var cells = new string[lastColumn];
            for (var column = 1; column <= lastColumn; column++)
            {
                cells[column - 1] = CellText(row.Cell(column));
            }

            rows.Add(new TableRow(row.RowNumber(), cells));
        }

        return rows;
    }

    private static string CellText(IXLCell cell) => cell.Value switch
    {
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => ((long)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        null => "",
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };
}
