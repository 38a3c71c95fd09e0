namespace InstructorBot.Bot.Cli;

/// <summary>The <c>users</c> verb.</summary>
public sealed class UsersVerb : ICliVerb
{
    public string Name => "users";

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken) =>
        throw new CliException("该命令尚未实现", "verb users is not implemented yet");
}
