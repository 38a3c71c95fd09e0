using System.Globalization;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Demo;
using InstructorBot.Bot.Hosting;
using InstructorBot.Bot.Understanding;
using InstructorBot.Knowledge;
using InstructorBot.Store;

namespace InstructorBot.Bot.Cli;

/// <summary>
/// The <c>chat</c> verb: <c>chat --user ID</c>, one message a line from stdin, the replies on stdout, until 退出 or EOF
/// (Ctrl-D). A banner says who is talking (and 演示数据 on the demo workspace); a prompt shows when a person types; an
/// exported file is copied into the current folder and its path printed.
/// </summary>
public sealed class ChatVerb(TextReader? input = null) : ICliVerb
{
    /// <summary>Words that end the conversation, as typed alone on a line.</summary>
    private static readonly HashSet<string> ExitWords = new(StringComparer.OrdinalIgnoreCase) { "退出", "再见", "exit", "quit" };

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
        var store = host.Services.GetRequiredService<InstructorStore>();
        if (store.FindUser(userId) is not { } user)
        {
            throw new CliException($"未找到用户 {userId}（请先 import --users）", $"unknown user {userId} (import users first)");
        }

        var demo = new DemoWorkspace(store).IsActive;
        var files = host.Services.GetRequiredService<DownloadFiles>();
        var interactive = input is null && !Console.IsInputRedirected;
        await context.Output.WriteLineAsync($"两个覆盖 · 党建助手（终端）  {user.Name}（{user.Id}）{(demo ? "  【演示数据】" : "")}");
        await context.Output.WriteLineAsync("输入消息后回车发送；发送“帮助”查看能说什么；输入“退出”或按 Ctrl-D 结束。");
        await context.Output.WriteLineAsync();

        // The hosted warm-ups do not run here (the host is never started): do their work before the first line is read, so
        // that the shipped corpus's index (with its bank questions) and the second opinion's model are not built inside the
        // first turn's budget (on a busy two-core machine they took longer than the budget and the first message failed).
        WarmUp(host.Services);
        var turns = host.Services.GetRequiredService<ITurnPipeline>();
        var session = Guid.NewGuid().ToString("N");
        var line = 0;
        var lines = input ?? Console.In;
        while (true)
        {
            if (interactive)
            {
                await context.Output.WriteAsync("> ");
                await context.Output.FlushAsync(cancellationToken);
            }

            if (await lines.ReadLineAsync(cancellationToken) is not { } text)
            {
                break;
            }

            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (ExitWords.Contains(text.Trim()))
            {
                break;
            }

            var message = new IncomingMessage(
                "terminal", userId, $"terminal:{session}", $"{session}:{line.ToString(CultureInfo.InvariantCulture)}", text, DateTimeOffset.Now);
            var result = await turns.HandleAsync(message, cancellationToken);
            if (demo)
            {
                await context.Output.WriteLineAsync("【演示数据】");
            }

            foreach (var reply in result.Replies)
            {
                await context.Output.WriteLineAsync(reply.Text);
                if (reply.Attachment is { } attachment)
                {
                    await context.Output.WriteLineAsync(Save(files, attachment, userId) is { } saved
                        ? $"文件已保存：{saved}"
                        : $"（文件 {attachment.Name} 未能保存，请重新导出）");
                }
            }

            await context.Output.WriteLineAsync();
            await context.Output.FlushAsync(cancellationToken);
        }

        await context.Output.WriteLineAsync("再见。");
        return 0;
    }

    /// <summary>
    /// Copies an exported file out of the host's short-lived exports folder into the current folder, under its own name
    /// (台账_坂田街道.xlsx, then 台账_坂田街道 (2).xlsx …); the full path, or null when the link no longer leads to a file.
    /// </summary>
    private static string? Save(DownloadFiles files, ReplyAttachment attachment, string userId)
    {
        var token = attachment.Url[(attachment.Url.LastIndexOf('/') + 1)..];
        if (files.Find(token, userId) is not { } file)
        {
            return null;
        }

        var fileName = Path.GetFileName(attachment.Name);
        var name = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        var target = Path.GetFullPath(fileName);
        for (var n = 2; File.Exists(target); n++)
        {
            target = Path.GetFullPath($"{name} ({n.ToString(CultureInfo.InvariantCulture)}){extension}");
        }

        File.Copy(file.Path, target);
        DownloadFiles.Delete(file);
        return target;
    }

    private static void WarmUp(IServiceProvider services)
    {
        try
        {
            KnowledgeWarmup.Run(services.GetRequiredService<KnowledgeBase>());
            SecondOpinionWarmup.Run(services.GetRequiredService<MessageUnderstanding>());
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Built again on first use, inside a turn, as before.
        }
        finally
        {
            // The warm-ups' work is done (or left to first use, as the hosted ones leave a failure): turns do not wait for
            // the hosted warm-ups, which never run in this host.
            services.GetService<HostReadiness>()?.CompleteAll();
        }
    }
}
