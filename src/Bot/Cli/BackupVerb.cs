using InstructorBot.Store;

namespace InstructorBot.Bot.Cli;

/// <summary>
/// <c>backup --out FILE</c>: a consistent copy of the database. Taken by this process when the database is free, or by
/// the running bot on request (its writer copies the file between two commits), so it works while the bot runs.
/// </summary>
public sealed class BackupVerb : ICliVerb
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    public string Name => "backup";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outFile = Path.GetFullPath(context.Args.Required("--out"));
        if (context.Engine == StoreEngineKind.Postgres)
        {
            return await BackupPostgresAsync(context, outFile, cancellationToken);
        }

        if (outFile == Path.GetFullPath(context.DatabasePath))
        {
            throw new CliException("备份文件不能是数据库本身", "the backup file cannot be the database itself");
        }

        try
        {
            InstructorStore? store = null;
            try
            {
                store = InstructorStore.Open(context.DatabasePath);
            }
            catch (StoreException)
            {
                await BackupRequest.RequestAsync(context.DatabasePath, outFile, Wait, cancellationToken);
                await context.Output.WriteLineAsync($"已由运行中的程序备份到 {outFile}");
                return 0;
            }

            using (store)
            {
                await store.BackupAsync(outFile, cancellationToken);
            }
        }
        catch (StoreException failed)
        {
            throw new CliException($"备份失败：{failed.Message}", "backup failed");
        }
        catch (IOException failed)
        {
            throw new CliException($"备份失败：无法写入 {outFile}（{failed.Message}）", $"backup failed: cannot write {outFile}");
        }

        await context.Output.WriteLineAsync($"已备份到 {outFile}");
        return 0;
    }

    /// <summary>pg_dump's custom format (restore with <c>pg_restore</c>), a consistent snapshot taken while the bot runs.</summary>
    private static async Task<int> BackupPostgresAsync(CliContext context, string outFile, CancellationToken cancellationToken)
    {
        using var store = StoreOpener.Open(context);
        try
        {
            await store.BackupAsync(outFile, cancellationToken);
        }
        catch (StoreException failed)
        {
            throw new CliException($"备份失败：{failed.Message}", "backup failed");
        }
        catch (IOException failed)
        {
            throw new CliException($"备份失败：无法写入 {outFile}（{failed.Message}）", $"backup failed: cannot write {outFile}");
        }

        await context.Output.WriteLineAsync($"已备份到 {outFile}（PostgreSQL {store.Path}，pg_dump 归档，用 pg_restore 恢复）");
        return 0;
    }
}
