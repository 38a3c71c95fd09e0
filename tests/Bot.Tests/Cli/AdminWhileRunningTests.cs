using System.Net;
using System.Net.Http.Headers;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Cli;

/// <summary>
/// The data-changing verbs while the host runs (CLI.md additions): they reach the running host (Kestrel on loopback, a real
/// LiteDB file it holds) through its admin endpoint; with no host they work directly; a stale admin file is ignored.
/// </summary>
public sealed class AdminWhileRunningTests : IDisposable
{
    private readonly BotHost host = new(kestrel: true);

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

    [Fact]
    public async Task A_code_issued_while_the_host_runs_is_redeemable_by_the_host()
    {
        var (code, output, error) = await RunAsync("users", "code", "--user", "u_zhang");

        Assert.True(code == 0, error);
        Assert.DoesNotContain("数据库", error, StringComparison.Ordinal);
        var user = await host.Services.GetRequiredService<OneTimeCodes>().RedeemAsync(output, "test:admin", CancellationToken.None);
        Assert.Equal("u_zhang", user.UserId);
    }

    [Fact]
    public async Task A_binding_made_while_the_host_runs_is_in_the_host_s_store()
    {
        var (code, _, error) = await RunAsync("users", "bind", "--user", "u_liu", "--channel", "wecom", "--id", "liuyang01");

        Assert.True(code == 0, error);
        Assert.Equal("u_liu", host.Store.FindUserByChannel("wecom", "liuyang01")?.Id);
    }

    [Fact]
    public async Task An_import_while_the_host_runs_goes_through_the_host_and_a_refusal_keeps_its_reason()
    {
        var (code, output, error) = await RunAsync("import", "--ledger", BotHost.DataFile("ledger.csv"));
        Assert.True(code == 0, error);
        Assert.Contains("未变 32", output, StringComparison.Ordinal);

        var unknown = await RunAsync("users", "code", "--user", "u_nobody");
        Assert.NotEqual(0, unknown.Code);
        Assert.Contains("未找到用户 u_nobody", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_indexed_while_the_host_runs_is_answered_by_the_host()
    {
        var document = Path.Combine(host.Folder, "新文件.txt");
        await File.WriteAllTextAsync(document, "关于开展测试工作的通知\n一、工作要求\n各单位应当在每月15日前报送青松计划的进展情况。\n");

        var (code, output, error) = await RunAsync("index", document);

        Assert.True(code == 0, error);
        Assert.Contains("已索引：新文件.txt", output, StringComparison.Ordinal);
        var answer = host.Services.GetRequiredService<InstructorBot.Knowledge.KnowledgeBase>().Ask("青松计划的进展情况什么时候报送？");
        Assert.True(answer.Answered, answer.Text);
        Assert.Contains("15日", answer.Text, StringComparison.Ordinal);
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
