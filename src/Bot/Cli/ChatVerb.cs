namespace InstructorBot.Bot.Cli;

/// <summary>The <c>chat</c> verb.</summary>
public sealed class ChatVerb : ICliVerb
{
    public string Name => "chat";

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken) =>
        throw new CliException("该命令尚未实现", "verb chat is not implemented yet");
}
