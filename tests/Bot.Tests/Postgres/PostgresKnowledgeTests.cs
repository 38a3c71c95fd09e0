using System.Diagnostics;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Bot.Hosting;
using InstructorBot.Bot.Tests.Security;
using InstructorBot.Knowledge;
using InstructorBot.Store.Postgres;
using InstructorBot.Store.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Postgres;

/// <summary>
/// Issue 16: knowledge documents added with <c>index</c> on <c>Store:Engine=postgres</c> are stored in the database and
/// every host's Lucene index follows them: real hosts (Program's wiring, Kestrel on loopback) on a throwaway database of
/// <see cref="PostgresCluster"/>, each with its own folder (its own index).
/// </summary>
public sealed class PostgresKnowledgeTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>A document no shipped one resembles, so only it can answer the question.</summary>
    private const string Title = "南岭村党群服务驿站值守办法";

    private const string Text = Title + """


        一、开放时间
        南岭村党群服务驿站每周二至周六上午九点至下午五点开放，由党建工作指导员轮流值守。

        二、值守职责
        值守的党建工作指导员接待来访的两新组织负责人，登记党员组织关系转接需求，每月汇总报送街道党工委。
        """;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly string connection = PostgresCluster.Instance.CreateDatabase();
    private readonly string files = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "instructorbot-pgknowledge-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly List<BotHost> hosts = [];

    public void Dispose()
    {
        foreach (var host in hosts)
        {
            host.Dispose();
        }

        PostgresCluster.Instance.DropDatabase(connection);
        Directory.Delete(files, recursive: true);
    }

    private Dictionary<string, string?> Settings => new() { ["Store:Engine"] = "postgres", ["Store:ConnectionString"] = connection };

    private BotHost Host(bool import, string? folder = null, LogCapture? logs = null)
    {
        Action<IServiceCollection>? services = logs is null ? null : s => s.AddSingleton<ILoggerProvider>(logs);
        var host = new BotHost(Settings, folder, kestrel: true, import: import, services: services);
        hosts.Add(host);
        return host;
    }

    private string Document(string name, string text)
    {
        var path = Path.Combine(files, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static bool Has(BotHost host, string title) =>
        host.Services.GetRequiredService<KnowledgeBase>().Index.Documents.Any(d => !d.Shipped && d.Title == title);

    /// <summary>Waits until <paramref name="host"/>'s index holds the document; how long it took.</summary>
    private static async Task<TimeSpan> IndexedAsync(BotHost host, string title)
    {
        var watch = Stopwatch.StartNew();
        while (!Has(host, title))
        {
            Assert.True(watch.Elapsed < Bound, $"{title} not in the host's index after {Bound.TotalSeconds} s");
            await Task.Delay(20);
        }

        return watch.Elapsed;
    }

    /// <summary>
    /// Asks <paramref name="host"/> until its answer contains <paramref name="expected"/>. A question that meets the index
    /// while the sync swaps its reader can fail (KnowledgeIndex disposes the reader a search still holds: a turn may fail,
    /// the host may not); such a failure is counted and asked again.
    /// </summary>
    private async Task<string> AnswerAsync(BotHost host, string question, string expected)
    {
        var watch = Stopwatch.StartNew();
        var closed = 0;
        while (true)
        {
            string text;
            try
            {
                text = host.Services.GetRequiredService<KnowledgeBase>().Ask(question).Text;
            }
            catch (ObjectDisposedException)
            {
                closed++;
                text = "";
            }

            if (text.Contains(expected, StringComparison.Ordinal))
            {
                output.WriteLine($"answered with {expected} after {watch.ElapsedMilliseconds} ms ({closed} questions met a closed reader)");
                return text;
            }

            Assert.True(watch.Elapsed < Bound, $"no answer with {expected}: {text}");
            await Task.Delay(50);
        }
    }

    private long Scalar(string sql)
    {
        using var db = new NpgsqlConnection(connection);
        db.Open();
        using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_document_indexed_through_one_host_is_answered_by_the_other_and_a_restarted_host_rebuilds_it_from_the_database()
    {
        var one = Host(import: true);
        var two = Host(import: false);
        const string question = "南岭村党群服务驿站什么时候开放？";
        Assert.DoesNotContain("周二至周六", two.Services.GetRequiredService<KnowledgeBase>().Ask(question).Text, StringComparison.Ordinal);

        var lines = one.Services.GetRequiredService<AddedKnowledge>().Add(() => [Document("值守办法.txt", Text)], Path.GetFileName);

        Assert.Equal(["已索引：值守办法.txt（" + Title + "，2段）", "已存入共享数据库：新增或更新 1 个文档，各服务器的知识索引随之更新"], lines);
        Assert.Equal(1, Scalar("SELECT count(*) FROM knowledge_documents WHERE name = '值守办法.txt' AND content = convert_to(" + Quote(Text) + ", 'UTF8')"));
        var took = await IndexedAsync(two, Title);
        output.WriteLine($"indexed on the other host after {took.TotalMilliseconds:F0} ms");
        Assert.Contains("周二至周六", await AnswerAsync(two, question, "周二至周六"), StringComparison.Ordinal);
        Assert.Contains(two.Services.GetRequiredService<KnowledgeBase>().Ask(question).Citations, c => c.Document == Title);

        // Indexing the same file again changes nothing in the database (no notice); a changed file replaces it everywhere.
        Assert.Equal(["未变化，无需重新索引：值守办法.txt", "共享数据库中已是相同的内容，无需更新"],
            one.Services.GetRequiredService<AddedKnowledge>().Add(() => [Path.Combine(files, "值守办法.txt")], Path.GetFileName));
        var changed = Text.Replace("下午五点", "下午六点", StringComparison.Ordinal);
        one.Services.GetRequiredService<AddedKnowledge>().Add(() => [Document("值守办法.txt", changed)], Path.GetFileName);
        await AnswerAsync(two, question, "下午六点");

        // A host started on an empty folder (its index and documents lost) rebuilds them from the database at start.
        var folder = two.Folder;
        two.Stop();
        Directory.Delete(Path.Combine(folder, "index"), recursive: true);
        Directory.Delete(Path.Combine(folder, "documents"), recursive: true);
        var restarted = Host(import: false, folder);
        took = await IndexedAsync(restarted, Title);
        output.WriteLine($"rebuilt on the restarted host after {took.TotalMilliseconds:F0} ms");
        await AnswerAsync(restarted, question, "下午六点");
        Assert.Equal(1, Scalar("SELECT count(*) FROM knowledge_documents"));
    }

    [Fact]
    public async Task A_failed_rebuild_is_logged_and_tried_again_while_the_host_keeps_serving()
    {
        var one = Host(import: true);
        var logs = new LogCapture();
        var two = Host(import: false, logs: logs);
        _ = two.Address; // started: its first comparison runs now

        // Host two cannot write the document where it keeps it: a folder stands in the file's place.
        var blocker = Directory.CreateDirectory(Path.Combine(two.Folder, "documents", "值守办法.txt"));
        one.Services.GetRequiredService<AddedKnowledge>().Add(() => [Document("值守办法.txt", Text)], Path.GetFileName);
        var watch = Stopwatch.StartNew();
        while (!logs.Lines.Any(l => l.Contains("could not be indexed", StringComparison.Ordinal)))
        {
            Assert.True(watch.Elapsed < Bound, "no failure logged");
            await Task.Delay(20);
        }

        Assert.True(await two.IsHealthyAsync());
        var cookie = await two.SessionCookieAsync("u_zhang");
        Assert.False(Has(two, Title));

        // A turn on the web chat is still served.
        using (var http = two.Http())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webchat/messages", UriKind.Relative))
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { text = "什么是五个清？", clientMessageId = "pgk-1" }),
            };
            request.Headers.Add("X-InstructorBot-Request", "1");
            request.Headers.Add("Cookie", cookie);
            using var response = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        // Once the obstacle is gone, a later attempt (no notice needed) indexes the document.
        blocker.Delete();
        var took = await IndexedAsync(two, Title);
        output.WriteLine($"indexed after the obstacle went, {took.TotalMilliseconds:F0} ms; log: {string.Join(" | ", logs.Lines.Where(l => l.Contains("Knowledge documents", StringComparison.Ordinal)).Take(3))}");
    }

    [Fact]
    public async Task After_the_listening_connection_breaks_a_document_written_meanwhile_without_a_notice_is_indexed()
    {
        var one = Host(import: true);
        var watch = Stopwatch.StartNew();
        while (Scalar(Listeners) == 0)
        {
            Assert.True(watch.Elapsed < Bound, "the host does not listen");
            await Task.Delay(20);
        }

        // A document written the way no notice reaches any host, then host one's listening connection is killed.
        var content = System.Text.Encoding.UTF8.GetBytes(Text);
        using (var db = new NpgsqlConnection(connection))
        {
            db.Open();
            using var insert = new NpgsqlCommand("INSERT INTO knowledge_documents (name, hash, content) VALUES ('值守办法.txt', @hash, @content)", db);
            insert.Parameters.AddWithValue("hash", SharedKnowledgeDocuments.HashOf(content, []));
            insert.Parameters.AddWithValue("content", content);
            insert.ExecuteNonQuery();
        }

        await Task.Delay(300);
        Assert.False(Has(one, Title));
        Assert.Equal(1, Scalar($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE {ListenerQuery}"));

        var took = await IndexedAsync(one, Title);
        output.WriteLine($"indexed after the reconnect, {took.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task The_index_verb_on_postgres_stores_the_document_and_a_running_host_indexes_it()
    {
        var host = Host(import: false);
        var path = Document("值守办法.txt", Text);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(
            ["index", path, "--db", Path.Combine(files, "cli", "bot.db"), "--Store:Engine=postgres", $"--Store:ConnectionString={connection}"], stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("已存入共享数据库：新增或更新 1 个文档", stdout.ToString(), StringComparison.Ordinal);
        await IndexedAsync(host, Title);

        // On LiteDB the verb keeps today's behaviour: the local index only, nothing about a database.
        using var liteOut = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["index", path, "--db", Path.Combine(files, "lite", "bot.db")], liteOut, stderr));
        Assert.Equal($"已索引：{path}（{Title}，2段）", liteOut.ToString().Trim());
    }

    [Fact]
    public async Task Migrate_copies_the_documents_the_litedb_host_indexed_and_a_host_on_postgres_answers_from_them()
    {
        var lite = Path.Combine(files, "lite", "bot.db");
        var kept = Document("值守办法.txt", Text);
        var lost = Document("旧规程.txt", "已废止的走访登记规程\n\n一、登记\n走访后在纸质登记簿上签名，每季度交街道存档。\n");
        using var stderr = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["import", "--users", BotHost.DataFile("users.csv"), "--db", lite], new StringWriter(), stderr));
        Assert.Equal(0, await CliApp.RunAsync(["index", kept, lost, "--db", lite], new StringWriter(), stderr));
        File.Delete(lost);
        using var stdout = new StringWriter();

        var code = await CliApp.RunAsync(["migrate", "--from", lite, "--to", connection], stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("知识文档：已复制并校验 1 个（值守办法.txt）；1 个已索引文档的文件已不存在，未复制：旧规程.txt", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, Scalar("SELECT count(*) FROM knowledge_documents"));
        await IndexedAsync(Host(import: false), Title);
    }

    private const string ListenerQuery = "datname = current_database() AND query = 'LISTEN instructorbot_knowledge'";

    private const string Listeners = "SELECT count(*) FROM pg_stat_activity WHERE " + ListenerQuery;

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
