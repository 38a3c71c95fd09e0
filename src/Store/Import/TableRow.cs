namespace InstructorBot.Store.Import;

/// <summary>One row of a spreadsheet: the line number Excel shows and its cells as text.</summary>
internal sealed record TableRow(int Line, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column].Trim() : "";

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}
