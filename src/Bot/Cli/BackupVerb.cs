namespace InstructorBot.Bot.Cli;

/// <summary>The <c>backup</c> verb.</summary>
public sealed class BackupVerb : ICliVerb
{
    public string Name => "backup";

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken) =>
        throw new CliException("该命令尚未实现", "verb backup is not implemented yet");
}
