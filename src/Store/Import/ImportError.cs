namespace InstructorBot.Store.Import;

/// <summary>One bad cell or row: the line number Excel shows (header = 1), the column, and why, in Chinese.</summary>
public sealed record ImportError(int Line, string Column, string Reason)
{
    public override string ToString() =>
        Line > 0 ? $"第{Line}行 {Column}：{Reason}" : $"{Column}：{Reason}";
}
