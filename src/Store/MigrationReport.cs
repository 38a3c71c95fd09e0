namespace InstructorBot.Store;

/// <summary>
/// What <see cref="StoreMigration.CopyAsync"/> copied and checked: rows per collection (the same on both sides, or the copy
/// would have failed) and how many scopes' figures were compared.
/// </summary>
public sealed record MigrationReport(IReadOnlyList<(string Collection, int Count)> Counts, int StreetsCompared, int DistrictsCompared)
{
    /// <summary>One Chinese line for the command line.</summary>
    public string Describe() =>
        "迁移完成并已校验：" + string.Join("、", Counts.Select(c => $"{c.Collection} {c.Count}"))
        + $"；{DistrictsCompared} 个区、{StreetsCompared} 个街道的覆盖数据两边一致";
}
