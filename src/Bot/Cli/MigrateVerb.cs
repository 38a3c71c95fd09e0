using InstructorBot.Store;

namespace InstructorBot.Bot.Cli;

/// <summary>
/// <c>migrate --from FILE.db --to CONNECTION_STRING</c> (CLI.md, 2026-12-05): copies the store's data from a LiteDB file
/// into an empty PostgreSQL database and verifies it (counts per collection, the figures of every district and street on
/// both sides). The bot must be stopped first: a write it took after the copy would be left behind.
/// </summary>
public sealed class MigrateVerb : ICliVerb
{
    public string Name => "migrate";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var from = context.Args.Required("--from");
        var to = context.Args.Required("--to");
        try
        {
            var report = await StoreMigration.CopyAsync(from, to, cancellationToken);
            await context.Output.WriteLineAsync(report.Describe());
            await context.Output.WriteLineAsync("对话状态、轮次、通知等宿主数据仍在 LiteDB 文件中，本阶段不迁移（见 docs/store.md）");
            return 0;
        }
        catch (StoreException failed) when (failed.Message.Contains("另一个进程", StringComparison.Ordinal))
        {
            throw new CliException($"迁移失败：{failed.Message}。请先停止正在运行的服务再迁移", "migrate failed: the database is in use; stop the bot first", 1);
        }
        catch (StoreException failed)
        {
            throw new CliException($"迁移失败：{failed.Message}", "migrate failed", 1);
        }
    }
}
