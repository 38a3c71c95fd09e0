using InstructorBot.Store;

namespace InstructorBot.Bot.Cli;

/// <summary>Opens the store for a verb; a database held by another process becomes a clear CLI error.</summary>
internal static class StoreOpener
{
    public static InstructorStore Open(CliContext context)
    {
        try
        {
            return InstructorStore.Open(context.DatabasePath);
        }
        catch (StoreException busy)
        {
            throw new CliException(
                $"无法打开数据库 {context.DatabasePath}：{busy.Message}",
                "cannot open the database: another process (the running bot?) holds it; stop it or use the bot's own commands");
        }
    }

    /// <summary>A scope name resolved against the ledger, or a CLI error naming it.</summary>
    public static Store.Domain.ScopeMatch Scope(InstructorStore store, string name) =>
        store.FindScope(name) ?? throw new CliException($"未知的辖区：{name}（台账中没有这个区、街道或社区）", $"unknown scope {name}");
}
