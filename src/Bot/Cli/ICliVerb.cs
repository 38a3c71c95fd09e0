namespace InstructorBot.Bot.Cli;

/// <summary>One verb of the command line contract (shared/contracts/CLI.md).</summary>
public interface ICliVerb
{
    string Name { get; }

    Task<int> RunAsync(CliContext context, CancellationToken cancellationToken);
}
