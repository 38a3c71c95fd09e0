using InstructorBot.Knowledge;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;
using InstructorBot.Store;
using InstructorBot.Store.Postgres;

namespace InstructorBot.Bot.Cli;

/// <summary>The <c>index</c> verb: adds .txt, .md, .docx and .pdf documents (files or folders) to the knowledge index.</summary>
public sealed class IndexVerb : ICliVerb
{
    public string Name => "index";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paths = context.Args.Positionals;
        if (paths.Count == 0)
        {
            throw new CliException("请给出要索引的文件或文件夹", "index needs at least one file or folder");
        }

        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                continue;
            }

            if (!File.Exists(path))
            {
                throw new CliException($"找不到文件：{path}", $"file not found: {path}");
            }

            if (!DocumentReader.IsSupported(path))
            {
                throw new CliException($"不支持的文件类型：{path}（只支持 .txt、.md、.docx、.pdf）", $"unsupported file type: {path} (.txt, .md, .docx, .pdf only)");
            }
        }

        if (context.Args.Option("--corpus") is { } corpus && !Directory.Exists(corpus))
        {
            throw new CliException($"找不到文档目录：{corpus}", $"corpus folder not found: {corpus}");
        }

        // While the host runs, its index is the one to add to (it holds the index and answers from it).
        var files = paths.SelectMany(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(DocumentReader.IsSupported).Order(StringComparer.Ordinal)
            : Enumerable.Repeat(p, 1)).Select(f => ("index", f));
        if (await AdminClient.TrySendAsync(context.DatabasePath, new AdminRequest("index", new Dictionary<string, string>(), AdminClient.Uploads(files)), cancellationToken) is { } reply)
        {
            return await AdminClient.PrintAsync(context, reply);
        }

        // On PostgreSQL the documents also go into the database, from which every host's index follows (docs/store.md).
        using var shared = context.Engine == StoreEngineKind.Postgres ? OpenShared(context.ConnectionString) : null;
        using var knowledge = new KnowledgeBase(BotPaths.IndexFolderFor(context.DatabasePath), context.CorpusDirectory);
        foreach (var line in Index(knowledge, paths, path => path, shared))
        {
            await context.Output.WriteLineAsync(line);
        }

        return 0;
    }

    /// <summary>
    /// Adds the files and folders to <paramref name="knowledge"/>; the lines to print, naming each file by
    /// <paramref name="display"/>. With <paramref name="shared"/> (PostgreSQL) every document the index took (added,
    /// replaced or already there) is also stored in the database, after the index read it, so only readable documents travel.
    /// </summary>
    internal static IReadOnlyList<string> Index(KnowledgeBase knowledge, IReadOnlyList<string> paths, Func<string, string> display,
        SharedKnowledgeDocuments? shared = null)
    {
        IReadOnlyList<IndexResult> results;
        try
        {
            results = knowledge.AddDocuments(paths);
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            throw new CliException("知识索引正被另一个进程写入，请稍后再试", "the knowledge index is locked by another process; try again");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or FormatException
                                      or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            throw new CliException($"无法读取文件：{e.Message}", $"cannot read a document: {e.Message}");
        }

        var stored = shared is null ? null : (int?)Share(shared, results);
        IEnumerable<string> lines = results.Select(result => result.Outcome switch
        {
            IndexOutcome.Added => $"已索引：{display(result.Path)}（{result.Title}，{result.Passages}段）",
            IndexOutcome.Replaced => $"已重新索引：{display(result.Path)}（{result.Title}，{result.Passages}段）",
            IndexOutcome.Unchanged => $"未变化，无需重新索引：{display(result.Path)}",
            IndexOutcome.Duplicate => $"内容相同的文件已索引（{result.Title}），跳过：{display(result.Path)}",
            IndexOutcome.Unreadable => $"文件无法读取（可能已损坏），跳过：{display(result.Path)}",
            _ => $"没有可索引的文字，跳过：{display(result.Path)}",
        });
        if (stored is { } count)
        {
            lines = lines.Append(count > 0
                ? $"已存入共享数据库：新增或更新 {count} 个文档，各服务器的知识索引随之更新"
                : "共享数据库中已是相同的内容，无需更新");
        }

        return [.. lines];
    }

    /// <summary>Stores the documents the index took in the shared table; how many were new or changed there.</summary>
    private static int Share(SharedKnowledgeDocuments shared, IReadOnlyList<IndexResult> results)
    {
        var changed = 0;
        try
        {
            foreach (var result in results.Where(r => r.Outcome is IndexOutcome.Added or IndexOutcome.Replaced or IndexOutcome.Unchanged))
            {
                var sidecar = result.Path + ".meta.json";
                if (shared.Put(Path.GetFileName(result.Path), File.ReadAllBytes(result.Path), File.Exists(sidecar) ? File.ReadAllBytes(sidecar) : null))
                {
                    changed++;
                }
            }
        }
        catch (StoreException failed)
        {
            throw new CliException($"文档已加入本机的知识索引，但未能存入数据库（其他服务器看不到）：{failed.Message}",
                "the documents were indexed here but could not be stored in the database", 1);
        }

        return changed;
    }

    private static SharedKnowledgeDocuments OpenShared(string connectionString)
    {
        try
        {
            return SharedKnowledgeDocuments.Open(connectionString);
        }
        catch (StoreException failed)
        {
            throw new CliException(failed.Message, "cannot open the PostgreSQL database", 1);
        }
    }
}
