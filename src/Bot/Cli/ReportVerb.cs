namespace InstructorBot.Bot.Cli;

/// <summary>The <c>report</c> verb.</summary>
public sealed class ReportVerb : ICliVerb
{
    public string Name => "report";

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken) =>
        throw new CliException("该命令尚未实现", "verb report is not implemented yet");
}
