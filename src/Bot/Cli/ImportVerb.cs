namespace InstructorBot.Bot.Cli;

/// <summary>The <c>import</c> verb.</summary>
public sealed class ImportVerb : ICliVerb
{
    public string Name => "import";

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken) =>
        throw new CliException("该命令尚未实现", "verb import is not implemented yet");
}
