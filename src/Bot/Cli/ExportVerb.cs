namespace InstructorBot.Bot.Cli;

/// <summary>The <c>export</c> verb.</summary>
public sealed class ExportVerb : ICliVerb
{
    public string Name => "export";

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken) =>
        throw new CliException("该命令尚未实现", "verb export is not implemented yet");
}
