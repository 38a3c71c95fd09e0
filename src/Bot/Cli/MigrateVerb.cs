using System.Text.Json;
using InstructorBot.Knowledge.Search;
using InstructorBot.Store;
using InstructorBot.Store.Postgres;

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
            await context.Output.WriteLineAsync(CopyKnowledgeDocuments(from, to));
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

    /// <summary>
    /// The documents the LiteDB host indexed with <c>index</c> (its index's manifest beside the file names them; the shipped
    /// corpus is in the product) go into the database's knowledge documents, from which every host on PostgreSQL indexes
    /// them; then each is read back and compared by hash. A document whose file is gone is named, not copied.
    /// </summary>
    internal static string CopyKnowledgeDocuments(string liteDbPath, string connectionString)
    {
        var manifest = Path.Combine(BotPaths.IndexFolderFor(liteDbPath), "documents.json");
        var added = File.Exists(manifest)
            ? (JsonSerializer.Deserialize<List<IndexedDocument>>(File.ReadAllText(manifest)) ?? []).Where(d => !d.Shipped).ToList()
            : [];
        var present = added.Where(d => File.Exists(d.Path)).ToList();
        var gone = added.Except(present).Select(d => Path.GetFileName(d.Path)).ToList();
        if (added.Count == 0)
        {
            return "知识文档：原库没有用 index 加入的文档";
        }

        var copied = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var shared = SharedKnowledgeDocuments.Open(connectionString))
        {
            foreach (var document in present)
            {
                var sidecarPath = document.Path + ".meta.json";
                var content = File.ReadAllBytes(document.Path);
                var sidecar = File.Exists(sidecarPath) ? File.ReadAllBytes(sidecarPath) : null;
                var name = Path.GetFileName(document.Path);
                shared.Put(name, content, sidecar);
                copied[name] = SharedKnowledgeDocuments.HashOf(content, sidecar);
            }

            var stored = shared.List().ToDictionary(d => d.Name, d => d.Hash, StringComparer.Ordinal);
            var differing = copied.Where(c => stored.GetValueOrDefault(c.Key) != c.Value).Select(c => c.Key).ToList();
            if (differing.Count > 0)
            {
                throw new StoreException("迁移后校验不一致，请勿切换到新库：知识文档 " + string.Join("、", differing));
            }
        }

        return $"知识文档：已复制并校验 {copied.Count} 个（{string.Join("、", copied.Keys.Order(StringComparer.Ordinal))}）"
            + (gone.Count == 0 ? "" : $"；{gone.Count} 个已索引文档的文件已不存在，未复制：{string.Join("、", gone)}");
    }
}
