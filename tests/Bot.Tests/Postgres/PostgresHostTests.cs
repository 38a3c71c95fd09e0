using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Tests;

namespace InstructorBot.Bot.Tests.Postgres;

/// <summary>
/// The real host (Program's wiring, Kestrel on loopback, real HTTP) with <c>Store:Engine=postgres</c> on a throwaway
/// database of <see cref="PostgresCluster"/>: one host, then two hosts sharing the database (issue 16).
/// </summary>
public sealed class PostgresHostTests : IDisposable
{
    private readonly string connection = PostgresCluster.Instance.CreateDatabase();
    private readonly List<BotHost> hosts = [];

    public void Dispose()
    {
        foreach (var host in hosts)
        {
            host.Dispose();
        }

        PostgresCluster.Instance.DropDatabase(connection);
    }

    private BotHost Host(bool import)
    {
        var host = new BotHost(
            new() { ["Store:Engine"] = "postgres", ["Store:ConnectionString"] = connection }, kestrel: true, import: import);
        hosts.Add(host);
        return host;
    }

    [Fact]
    public async Task The_host_on_postgres_records_a_web_chat_turn_and_a_replayed_message_writes_once_also_after_a_restart()
    {
        var host = Host(import: true);
        Assert.Equal(StoreEngineKind.Postgres, host.Store.Engine);
        var cookie = await host.SessionCookieAsync("u_zhang");

        var first = await SayOnWebAsync(host, cookie, "今天走访了云启科技", "pg-1");
        var replayed = await SayOnWebAsync(host, cookie, "今天走访了云启科技", "pg-1");

        Assert.Contains("已记录", first, StringComparison.Ordinal);
        Assert.Equal(first, replayed);
        var visit = Assert.IsType<Visit>(Assert.Single(host.Store.RecordsBy("u_zhang")));
        Assert.Equal(host.Organization("深圳市云启科技有限公司").Id, visit.OrganizationId);
        Assert.Equal(1, host.ProcessedTurns);
        Assert.Equal(1, Scalar("SELECT count(*) FROM documents WHERE collection = 'processed_turns' AND id = 'web:pg-1'"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM records WHERE kind = 'visit' AND reported_by = 'u_zhang'"));

        // A restarted host on the same database: the handled mark, the session and the record are all in PostgreSQL.
        var restarted = host.Restart();
        hosts.Add(restarted);
        Assert.Equal(first, await SayOnWebAsync(restarted, await restarted.SessionCookieAsync("u_zhang"), "今天走访了云启科技", "pg-1"));
        Assert.Single(restarted.Store.RecordsBy("u_zhang"));
    }

    [Fact]
    public async Task Two_hosts_on_one_database_answer_a_retry_storm_with_one_record_per_message_and_the_same_replies()
    {
        var one = Host(import: true);
        one.Bind("botframework", "bf-zhang", "u_zhang");
        var two = Host(import: false);
        using var toOne = one.Http();
        using var toTwo = two.Http();
        var clients = new[] { new BotFrameworkClient(toOne), new BotFrameworkClient(toTwo) };

        string[] reports = ["今天走访了云启科技", "今天走访了青禾文化", "今天走访了蓝海跨境", "今天走访了华鼎精密"];
        var answers = await Task.WhenAll(reports.Select((text, i) => Task.WhenAll(
            clients.SelectMany(client => Enumerable.Range(0, 2).Select(_ => client.SayAsync("bf-zhang", text, $"storm-{i}"))))));

        var records = one.Store.RecordsBy("u_zhang");
        Assert.Equal(reports.Length, records.Count);
        Assert.All(records, r => Assert.IsType<Visit>(r));
        Assert.Equal(reports.Length, records.Select(r => r.OrganizationId).Distinct().Count());
        Assert.Equal(reports.Length, two.ProcessedTurns);
        foreach (var sent in answers)
        {
            // Every copy, whichever host took it, is answered with the first replies.
            Assert.Contains("已记录", sent[0][0], StringComparison.Ordinal);
            Assert.All(sent, replies => Assert.Equal(sent[0], replies));
        }
    }

    [Fact]
    public async Task A_question_asked_by_one_host_is_answered_on_the_other()
    {
        var one = Host(import: true);
        one.Bind("botframework", "bf-zhang", "u_zhang");
        var two = Host(import: false);
        using var toOne = one.Http();
        using var toTwo = two.Http();

        var asked = Assert.Single(await new BotFrameworkClient(toOne).SayAsync("bf-zhang", "金桥投资已经注销了"));
        Assert.Contains("回复 1 确认", asked, StringComparison.Ordinal);
        Assert.Empty(two.Store.RecordsBy("u_zhang"));

        var done = Assert.Single(await new BotFrameworkClient(toTwo).SayAsync("bf-zhang", "1"));

        Assert.Contains("已记录", done, StringComparison.Ordinal);
        Assert.Equal(OperatingStatus.Deregistered, Assert.Single(one.Store.RecordsBy("u_zhang").OfType<OrganizationUpdate>()).Status);
        Assert.Equal(0, Scalar("SELECT count(*) FROM documents WHERE collection = 'pending_dialogues'"));
    }

    [Fact]
    public async Task A_session_and_an_export_link_made_on_one_host_work_on_the_other()
    {
        var one = Host(import: true);
        var two = Host(import: false);
        Assert.NotEqual(one.Folder, two.Folder);
        var cookie = await one.SessionCookieAsync("u_wang");

        // The web session signed on host one is good on host two (the Data Protection keys are in the database).
        var reply = await PostOnWebAsync(two, cookie, "坂田街道的台账导出来发给我", "pg-export");
        var url = reply.GetProperty("replies")[0].GetProperty("attachment").GetProperty("url").GetString()!;

        // The link host two made downloads on host one, for its user only.
        using var fromOne = await GetAsync(one, url, cookie);
        Assert.Equal(HttpStatusCode.OK, fromOne.StatusCode);
        var bytes = await fromOne.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        using var someoneElse = await GetAsync(one, url, await two.SessionCookieAsync("u_zhang"));
        Assert.Equal(HttpStatusCode.NotFound, someoneElse.StatusCode);
        Assert.Equal(1, Scalar("SELECT count(*) FROM documents WHERE collection = 'data_protection_keys'"));
    }

    [Fact]
    public async Task A_single_use_link_made_on_one_host_downloads_once_across_both()
    {
        var one = Host(import: true);
        one.Bind("botframework", "bf-wang", "u_wang");
        var two = Host(import: false);
        using var toOne = one.Http();
        using var toTwo = two.Http();
        using var posted = await new BotFrameworkClient(toOne).PostAsync(BotFrameworkClient.Message("bf-wang", "坂田街道的台账导出来发给我"));
        var sent = await posted.Content.ReadAsStringAsync();
        var url = System.Text.RegularExpressions.Regex.Match(sent, @"/api/files/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+").Value;
        Assert.NotEmpty(url);

        using var first = await toTwo.GetAsync(new Uri(url, UriKind.Relative));
        using var again = await toOne.GetAsync(new Uri(url, UriKind.Relative));
        using var forged = await toTwo.GetAsync(new Uri(url[..^2] + (url[^2] == 'A' ? "BB" : "AA"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((byte)'P', (await first.Content.ReadAsByteArrayAsync())[0]);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(0, Scalar("SELECT count(*) FROM documents WHERE collection = 'download_files'"));
    }

    [Fact]
    public async Task A_figure_changed_through_one_host_is_in_the_other_hosts_answer_without_a_restart()
    {
        var one = Host(import: true);
        one.Bind("botframework", "bf-zhang", "u_zhang");
        var two = Host(import: false);
        using var toOne = one.Http();
        using var toTwo = two.Http();
        const string Question = "坂田街道覆盖率多少？";
        var before = Assert.Single(await new BotFrameworkClient(toTwo).SayAsync("bf-zhang", Question));

        // A formation recorded by host one's store (as its chat turn would) moves 坂田街道's coverage.
        var yunqi = one.Organization("深圳市云启科技有限公司");
        await one.Store.RecordAsync("u_zhang", new Formation
        {
            OrganizationId = yunqi.Id, Date = new DateOnly(2026, 11, 17), Method = FormationMethod.Single,
            Level = PartyOrganizationLevel.Branch, Members = 6, Secretary = "周海涛",
        });
        var fromOne = Assert.Single(await new BotFrameworkClient(toOne).SayAsync("bf-zhang", Question));
        Assert.NotEqual(before, fromOne);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        string fromTwo;
        while ((fromTwo = Assert.Single(await new BotFrameworkClient(toTwo).SayAsync("bf-zhang", Question))) != fromOne)
        {
            Assert.True(DateTime.UtcNow < deadline, $"host two still answers: {fromTwo}");
            await Task.Delay(100);
        }

        Assert.Equal(fromOne, fromTwo);
    }

    private long Scalar(string sql)
    {
        using var db = new Npgsql.NpgsqlConnection(connection);
        db.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, db);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> GetAsync(BotHost host, string url, string cookie)
    {
        using var http = host.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<JsonElement> PostOnWebAsync(BotHost host, string cookie, string text, string clientMessageId)
    {
        using var http = host.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webchat/messages", UriKind.Relative))
        {
            Content = JsonContent.Create(new { text, clientMessageId }),
        };
        request.Headers.Add("X-InstructorBot-Request", "1");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    private static async Task<string> SayOnWebAsync(BotHost host, string cookie, string text, string clientMessageId)
    {
        var json = await PostOnWebAsync(host, cookie, text, clientMessageId);
        return string.Join("\n", json.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
    }
}
