using System.Globalization;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Hosting;
using InstructorBot.Store;

namespace InstructorBot.Bot.Cli;

/// <summary>The <c>chat</c> verb: <c>chat --user ID</c>, one message a line from stdin, the replies on stdout, until EOF.</summary>
public sealed class ChatVerb(TextReader? input = null) : ICliVerb
{
    public string Name => "chat";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var userId = context.Args.Required("--user");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Path"] = context.DatabasePath,
            ["Knowledge:Corpus"] = context.CorpusDirectory,
        });
        builder.Services.AddBotStore(builder.Configuration);
        builder.Services.AddBotKnowledge(builder.Configuration);
        builder.Services.AddBotUnderstanding(builder.Configuration);
        builder.Services.AddBotConversation(builder.Configuration);
        builder.Services.AddBotCoordination(builder.Configuration);
        using var host = builder.Build();
        if (host.Services.GetRequiredService<InstructorStore>().FindUser(userId) is null)
        {
            throw new CliException($"未找到用户 {userId}（请先 import --users）", $"unknown user {userId} (import users first)");
        }

        var turns = host.Services.GetRequiredService<ITurnPipeline>();
        var session = Guid.NewGuid().ToString("N");
        var line = 0;
        var lines = input ?? Console.In;
        while (await lines.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var message = new IncomingMessage(
                "terminal", userId, $"terminal:{session}", $"{session}:{line.ToString(CultureInfo.InvariantCulture)}", text, DateTimeOffset.Now);
            var result = await turns.HandleAsync(message, cancellationToken);
            foreach (var reply in result.Replies)
            {
                await context.Output.WriteLineAsync(reply.Text);
                if (reply.Attachment is { } file)
                {
                    await context.Output.WriteLineAsync($"（文件：{file.Name}）");
                }
            }

            await context.Output.WriteLineAsync();
            await context.Output.FlushAsync(cancellationToken);
        }

        return 0;
    }
}
