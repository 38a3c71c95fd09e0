namespace InstructorBot.Store.Import;

/// <summary>The outcome of an import: counts when it was written, or every error when the file was refused whole.</summary>
public sealed record ImportReport(int Added, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public static ImportReport Refused(IReadOnlyList<ImportError> errors) => new(0, 0, 0, errors);

    public bool Succeeded => Errors.Count == 0;

    /// <summary>"新增 3、更新 1、未变 28", or the refusal with one line per error.</summary>
    public string Describe() =>
        Succeeded
            ? $"新增 {Added}、更新 {Updated}、未变 {Unchanged}"
            : $"文件有 {Errors.Count} 处错误，未导入任何数据：\n" + string.Join('\n', Errors);
}
