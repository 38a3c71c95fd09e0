using InstructorBot.Bot.Demo;

namespace InstructorBot.Bot.Cli;

/// <summary><c>demo remove</c>: empties a database that holds only the demo workspace, through the running host if there is one.</summary>
public sealed class DemoVerb : ICliVerb
{
    public string Name => "demo";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Args.SubVerb != "remove")
        {
            throw new CliException("用法：demo remove [--db FILE]", "usage: demo remove [--db FILE]");
        }

        if (await AdminClient.TrySendAsync(context.DatabasePath, new AdminRequest("demo remove", new Dictionary<string, string>(), []), cancellationToken) is { } reply)
        {
            return await AdminClient.PrintAsync(context, reply);
        }

        using var store = StoreOpener.Open(context);
        await context.Output.WriteLineAsync(await new DemoWorkspace(store).RemoveAsync(cancellationToken));
        return 0;
    }
}
