using InstructorBot.Store.Export;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Cli;

/// <summary><c>export --scope NAME --out FILE.xlsx</c>: the ledger of a scope and its figures as an Excel workbook.</summary>
public sealed class ExportVerb : ICliVerb
{
    public string Name => "export";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.Args.Required("--scope");
        var outFile = context.Args.Required("--out");
        if (!outFile.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"导出文件应以 .xlsx 结尾：{outFile}", "the output file must end in .xlsx");
        }

        using var lease = await StoreOpener.OpenForReadingAsync(context, cancellationToken);
        var match = StoreOpener.Scope(lease.Store, scope);
        var organizations = lease.Store.OrganizationsIn(match.Jurisdiction);
        var report = new CoverageCalculator().Compute(match.Name, organizations);
        try
        {
            new LedgerExporter().Export(report, organizations, outFile, lease.Store.FormationPlans(match.Jurisdiction), Conversation.ChinaTime.Today(DateTimeOffset.UtcNow));
        }
        catch (IOException failed)
        {
            throw new CliException($"无法写入 {outFile}：{failed.Message}", $"cannot write {outFile}");
        }

        await context.Output.WriteLineAsync($"已导出 {match.Name} 台账 {organizations.Count} 个单位到 {outFile}");
        return 0;
    }
}
