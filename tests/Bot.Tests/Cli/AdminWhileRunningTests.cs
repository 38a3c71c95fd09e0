using System.Net;
using System.Net.Http.Headers;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Cli;

/// <summary>
/// The admin verbs while the host runs (CLI.md additions): the data-changing ones reach the running host (Kestrel on
/// loopback, a real LiteDB file it holds) through its admin endpoint, the reading ones read a copy it makes; with no host
/// they work directly; a stale admin file is ignored. (demo remove, both ways: FirstStart/DemoWorkspaceTests.)
/// </summary>
public sealed class AdminWhileRunningTests : IDisposable
{
    private BotHost host = new(kestrel: true);

    public AdminWhileRunningTests() => _ = host.Address; // start listening: the admin file is written then

    public void Dispose() => host.Dispose();

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--db", host.DatabasePath], stdout, stderr);
        return (code, stdout.ToString().Trim(), stderr.ToString());
    }

    [Fact]
    public void The_admin_file_is_private_to_the_service_user()
    {
        var path = AdminFile.PathFor(host.DatabasePath);
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    /// <summary>Every verb that changes data (CLI.md additions: import, index, users code, users bind) and the two that read.</summary>
    public static TheoryData<string, bool> Verbs()
    {
        var data = new TheoryData<string, bool>();
        foreach (var verb in new[] { "users code", "users bind", "import", "index", "report", "export" })
        {
            data.Add(verb, true);
            data.Add(verb, false);
        }

        return data;
    }

    /// <summary>
    /// Each verb with the host running (it goes through the host, which holds the database) and with it stopped (it opens
    /// the database itself): the same effect, checked by the host that serves the database afterwards (the running one, or
    /// one started on it), and never "database in use".
    /// </summary>
    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task A_verb_works_against_a_running_host_and_against_a_stopped_one(string verb, bool running)
    {
        if (!running)
        {
            host.Stop(); // the folder stays; the host deleted its admin file
            Assert.False(File.Exists(AdminFile.PathFor(host.DatabasePath)));
        }

        var ledger = Path.Combine(host.Folder, "新单位.csv");
        var document = Path.Combine(host.Folder, "新文件.txt");
        var workbook = Path.Combine(host.Folder, "坂田街道.xlsx");
        string[] args = verb switch
        {
            "users code" => ["users", "code", "--user", "u_zhang"],
            "users bind" => ["users", "bind", "--user", "u_liu", "--channel", "wecom", "--id", "liuyang01"],
            "import" => ["import", "--ledger", await NewUnitLedgerAsync(ledger)],
            "index" => ["index", await NewDocumentAsync(document)],
            "report" => ["report", "--scope", "坂田街道", "--json"],
            _ => ["export", "--scope", "坂田街道", "--out", workbook],
        };

        var (code, output, error) = await RunAsync(args);

        Assert.True(code == 0, error);
        Assert.DoesNotContain("数据库", error, StringComparison.Ordinal);
        Assert.DoesNotContain("内部错误", error, StringComparison.Ordinal);
        if (!running)
        {
            host = host.Restart();
        }

        switch (verb)
        {
            case "users code":
                var user = await host.Services.GetRequiredService<OneTimeCodes>().RedeemAsync(output, "test:admin", CancellationToken.None);
                Assert.Equal("u_zhang", user.UserId);
                break;
            case "users bind":
                Assert.Equal("u_liu", host.Store.FindUserByChannel("wecom", "liuyang01")?.Id);
                break;
            case "import":
                Assert.Contains("新增 1", output, StringComparison.Ordinal);
                Assert.NotNull(host.Store.FindOrganizationByName(NewUnit));
                break;
            case "index":
                Assert.StartsWith("已索引：", output, StringComparison.Ordinal); // the host names the file it was sent, the verb the path it was given
                Assert.Contains("新文件.txt", output, StringComparison.Ordinal);
                var answer = host.Services.GetRequiredService<InstructorBot.Knowledge.KnowledgeBase>().Ask("青松计划的进展情况什么时候报送？");
                Assert.True(answer.Answered, answer.Text);
                Assert.Contains("15日", answer.Text, StringComparison.Ordinal);
                break;
            case "report":
                using (var figures = System.Text.Json.JsonDocument.Parse(output))
                {
                    Assert.Equal(10, figures.RootElement.GetProperty("base").GetInt32());
                }

                break;
            default:
                Assert.True(new FileInfo(workbook).Length > 1000, "the workbook was not written");
                break;
        }
    }

    [Fact]
    public async Task A_refusal_by_the_running_host_keeps_its_reason()
    {
        var unknown = await RunAsync("users", "code", "--user", "u_nobody");
        Assert.NotEqual(0, unknown.Code);
        Assert.Contains("未找到用户 u_nobody", unknown.Error, StringComparison.Ordinal);
    }

    private const string NewUnit = "深圳市青松新材料有限公司";

    private static async Task<string> NewUnitLedgerAsync(string path)
    {
        var lines = await File.ReadAllLinesAsync(BotHost.DataFile("ledger.csv"));
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        row[Array.IndexOf(header, "单位名称")] = NewUnit;
        row[Array.IndexOf(header, "统一社会信用代码")] = "";
        await File.WriteAllLinesAsync(path, [lines[0], string.Join(',', row)]);
        return path;
    }

    private static async Task<string> NewDocumentAsync(string path)
    {
        await File.WriteAllTextAsync(path, "关于开展测试工作的通知\n一、工作要求\n各单位应当在每月15日前报送青松计划的进展情况。\n");
        return path;
    }

    [Fact]
    public async Task A_request_without_the_token_is_not_found()
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        using var response = await client.PostAsync(AdminClient.Path, new StringContent("{\"verb\":\"users code\",\"options\":{\"--user\":\"u_admin\"},\"files\":[]}",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_request_relayed_by_a_proxy_is_not_found_even_with_the_token()
    {
        var admin = AdminFile.Read(host.DatabasePath)!;
        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.PostAsync(AdminClient.Path, new StringContent("{\"verb\":\"users code\",\"options\":{\"--user\":\"u_admin\",\"--minutes\":\"5\"},\"files\":[]}",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_the_host_stopped_the_verbs_work_directly_even_beside_a_stale_admin_file()
    {
        var database = host.DatabasePath;
        var folder = host.Folder;
        host.Stop(); // the folder stays; the host deleted its admin file
        Assert.False(File.Exists(AdminFile.PathFor(database)));
        new AdminFile("http://127.0.0.1:9", "stale").Write(database); // as a host killed with -9 would leave it

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["users", "bind", "--user", "u_li", "--channel", "dingtalk", "--id", "lina", "--db", database], stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        using var store = InstructorBot.Store.InstructorStore.Open(database);
        Assert.Equal("u_li", store.FindUserByChannel("dingtalk", "lina")?.Id);
        Directory.Delete(folder, recursive: true);
    }
}
