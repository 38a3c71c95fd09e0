namespace InstructorBot.Bot.Cli;

/// <summary>The <c>understand</c> verb.</summary>
public sealed class UnderstandVerb : ICliVerb
{
    public string Name => "understand";

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken) =>
        throw new CliException("该命令尚未实现", "verb understand is not implemented yet");
}
