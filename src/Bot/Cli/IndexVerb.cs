namespace InstructorBot.Bot.Cli;

/// <summary>The <c>index</c> verb.</summary>
public sealed class IndexVerb : ICliVerb
{
    public string Name => "index";

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken) =>
        throw new CliException("该命令尚未实现", "verb index is not implemented yet");
}
