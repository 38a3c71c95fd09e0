namespace InstructorBot.Bot.Cli;

/// <summary>The <c>ask</c> verb.</summary>
public sealed class AskVerb : ICliVerb
{
    public string Name => "ask";

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken) =>
        throw new CliException("该命令尚未实现", "verb ask is not implemented yet");
}
