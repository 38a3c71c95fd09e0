using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Hosting;
using InstructorBot.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Demo;

/// <summary>
/// The first minutes: once the host listens, an empty database gets the demo workspace (unless <see cref="DemoPolicy"/>
/// refuses), and while the demo is there every start prints, on the console, a sign-in link with a fresh one-time code
/// for a demo 指导员 and a demo 协调员. The code travels in the link's fragment (<c>/#code=…</c>), which browsers never
/// send to the server, so it appears in no request log. An empty database without the demo gets the two commands that
/// fill it instead.
/// </summary>
public sealed partial class DemoStart(
    DemoWorkspace demo, InstructorStore store, OneTimeCodes codes, IServer server, IHostApplicationLifetime lifetime,
    IOptions<DemoOptions> options, ILogger<DemoStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => OfferAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OfferAsync(CancellationToken stopping)
    {
        try
        {
            var address = LoopbackAddress.Of(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) ?? "";
            var lines = new List<string>();
            if (demo.DatabaseIsEmpty)
            {
                if (DemoPolicy.Refusal(options.Value, store.Path, Environment.GetEnvironmentVariable) is { } refusal)
                {
                    NotCreated(logger, refusal);
                    lines.Add($"数据库是空的：{store.Path}");
                    lines.Add("  导入台账：InstructorBot import --ledger 台账.xlsx --db " + store.Path);
                    lines.Add("  导入用户：InstructorBot import --users 用户.csv --db " + store.Path + "，再用 users code --user ID 发放登录码");
                    await WriteAsync(lines);
                    return;
                }

                lines.Add(await demo.CreateAsync(stopping));
                Created(logger);
            }

            if (!demo.IsActive || !options.Value.Enabled)
            {
                return;
            }

            lines.Add($"【演示数据】数据库：{store.Path}；网页聊天：{address}/");
            foreach (var (userId, role) in DemoWorkspace.SignIns)
            {
                if (store.FindUser(userId) is not { } user)
                {
                    continue;
                }

                var code = await codes.IssueAsync(userId, options.Value.CodeLifetime, stopping);
                lines.Add($"  {role} {user.Name} 登录：{address}/#code={code}   （验证码 {code}，{options.Value.CodeLifetime.TotalMinutes:0} 分钟内有效，只能用一次）");
            }

            lines.Add($"  删除演示数据：InstructorBot demo remove --db {store.Path}");
            await WriteAsync(lines);
        }
        catch (OperationCanceledException)
        {
            // Stopping before the offer was made: nothing to print.
        }
#pragma warning disable CA1031 // The demo is a convenience: whatever fails here must not stop the host.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            OfferFailed(logger, failure.GetType().Name);
        }
    }

    private static async Task WriteAsync(IEnumerable<string> lines)
    {
        var text = Environment.NewLine + string.Join(Environment.NewLine, lines) + Environment.NewLine;
        await Console.Out.WriteAsync(text);
        await Console.Out.FlushAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo workspace created in an empty database (fictional ledger and users)")]
    private static partial void Created(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database is empty; no demo workspace because {Reason}")]
    private static partial void NotCreated(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo workspace could not be offered: {ExceptionType}")]
    private static partial void OfferFailed(ILogger logger, string exceptionType);
}
