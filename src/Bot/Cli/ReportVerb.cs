using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Cli;

/// <summary><c>report --scope NAME [--json]</c>: the coverage figures of DOMAIN.md §Figures for a 区, 街道 or 社区.</summary>
public sealed class ReportVerb : ICliVerb
{
    public string Name => "report";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.Args.Option("--scope") ?? context.Args.Positionals.FirstOrDefault()
                    ?? throw new CliException("缺少参数 --scope（区、街道或社区的名称）", "missing option --scope");
        using var lease = await StoreOpener.OpenForReadingAsync(context, cancellationToken);
        var match = StoreOpener.Scope(lease.Store, scope);
        var report = new CoverageCalculator().Compute(match.Name, lease.Store.OrganizationsIn(match.Jurisdiction));
        if (context.Args.Flag("--json"))
        {
            context.WriteJson(report);
        }
        else
        {
            await context.Output.WriteLineAsync(CoverageText.Describe(report));
        }

        return 0;
    }
}
