using InstructorBot.Store;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Cli;

/// <summary>Opens the store for a verb; a database held by another process becomes a clear CLI error, or for reading, a fresh copy.</summary>
internal static class StoreOpener
{
    private static readonly TimeSpan BackupWait = TimeSpan.FromSeconds(60);

    /// <summary>How long a verb waits for a host that is stopping to let the database go.</summary>
    private static readonly TimeSpan StoppingHostWait = TimeSpan.FromSeconds(3);

    public static InstructorStore Open(CliContext context)
    {
        if (context.Engine == StoreEngineKind.Postgres)
        {
            return OpenPostgres(context);
        }

        try
        {
            return InstructorStore.Open(context.DatabasePath, lockWait: StoppingHostWait);
        }
        catch (StoreException busy)
        {
            throw Busy(context, busy);
        }
    }

    /// <summary>The store on PostgreSQL: a server takes any number of clients, so there is no file to wait for or copy.</summary>
    private static InstructorStore OpenPostgres(CliContext context)
    {
        try
        {
            return InstructorStore.Open(context.StoreOptions);
        }
        catch (StoreException failed)
        {
            throw new CliException($"无法打开 PostgreSQL 数据库：{failed.Message}", "cannot open the PostgreSQL database");
        }
    }

    private static CliException Busy(CliContext context, StoreException busy) => new(
        $"无法打开数据库 {context.DatabasePath}：{busy.Message}。请先停止正在运行的程序",
        "cannot open the database: another process (the running bot?) holds it");

    /// <summary>
    /// For verbs that only read (report, export): the database itself, or while the bot holds it, a consistent copy the
    /// bot makes on request. The copy is deleted when the returned lease is disposed.
    /// </summary>
    public static async Task<ReadLease> OpenForReadingAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Engine == StoreEngineKind.Postgres)
        {
            return new ReadLease(OpenPostgres(context), null);
        }

        try
        {
            // No running host announced (its admin file goes first when it stops): one that is stopping gets the few
            // seconds the writing verbs give it, rather than a copy requested from a host that will never make it.
            var wait = AdminFile.Read(context.DatabasePath) is null ? StoppingHostWait : TimeSpan.Zero;
            return new ReadLease(InstructorStore.Open(context.DatabasePath, lockWait: wait), null);
        }
        catch (StoreException)
        {
            var folder = Directory.CreateTempSubdirectory("instructorbot-read-").FullName;
            var copy = Path.Combine(folder, "copy.db");
            try
            {
                await BackupRequest.RequestAsync(context.DatabasePath, copy, BackupWait, cancellationToken);
                return new ReadLease(InstructorStore.Open(copy), folder);
            }
            catch (StoreException failed)
            {
                Directory.Delete(folder, recursive: true);
                throw new CliException($"无法读取数据库 {context.DatabasePath}：{failed.Message}", "cannot read the database held by another process");
            }
        }
    }

    /// <summary>A scope name resolved against the ledger, or a CLI error naming it.</summary>
    public static ScopeMatch Scope(InstructorStore store, string name) =>
        store.FindScope(name) ?? throw new CliException($"未知的辖区：{name}（台账中没有这个区、街道或社区）", $"unknown scope {name}");

    /// <summary>An open store and the temporary copy folder behind it, if any.</summary>
    internal sealed class ReadLease(InstructorStore store, string? temporaryFolder) : IDisposable
    {
        public InstructorStore Store => store;

        public void Dispose()
        {
            store.Dispose();
            if (temporaryFolder is not null)
            {
                Directory.Delete(temporaryFolder, recursive: true);
            }
        }
    }
}
