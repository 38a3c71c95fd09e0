using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.WebChat;

/// <summary>The web chat's HTTP API over the real host and a real LiteDB file.</summary>
public sealed class WebChatTests : IDisposable
{
    private readonly BotHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task The_page_is_served_at_the_root_with_its_script_and_style()
    {
        var client = host.CreateClient();
        var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("width=device-width", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("/api/webchat/messages", await client.GetStringAsync("/app.js"), StringComparison.Ordinal);
        Assert.Contains(".bubble", await client.GetStringAsync("/app.css"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_time_code_signs_in_once_with_an_HttpOnly_SameSite_Strict_cookie()
    {
        var code = await host.IssueCodeAsync("u_zhang");
        var client = Client();

        var signIn = await PostJsonAsync(client, "/api/webchat/signin", new { code });
        var me = await client.GetAsync("/api/webchat/me");
        var reuse = await PostJsonAsync(Client(), "/api/webchat/signin", new { code });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("instructorbot.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("张伟", Json(await me.Content.ReadAsStringAsync()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.DoesNotContain(code, host.Store.Read(db => string.Join(",", db.GetCollection(OneTimeCodes.Collection).FindAll())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("12")]
    [InlineData("not a code")]
    public async Task A_wrong_code_gets_a_4xx_problem_in_Chinese(string code)
    {
        var response = await PostJsonAsync(Client(), "/api/webchat/signin", new { code });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("验证码", Json(await response.Content.ReadAsStringAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_code_does_not_sign_in()
    {
        var code = await host.Services.GetRequiredService<OneTimeCodes>().IssueAsync("u_zhang", TimeSpan.FromMilliseconds(1), CancellationToken.None);
        await Task.Delay(20);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostJsonAsync(Client(), "/api/webchat/signin", new { code })).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_codes_from_one_address_lock_it_even_for_the_right_code()
    {
        var client = Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await PostJsonAsync(client, "/api/webchat/signin", new { code = "2222-2222" })).StatusCode);
        }

        var right = await PostJsonAsync(client, "/api/webchat/signin", new { code = await host.IssueCodeAsync("u_zhang") });

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("分钟后再试", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(14));
    }

    [Fact]
    public async Task A_request_without_the_custom_header_is_refused_as_possible_CSRF()
    {
        var client = await SignedInAsync("u_zhang");
        client.DefaultRequestHeaders.Remove("X-InstructorBot-Request");

        var response = await PostJsonAsync(client, "/api/webchat/messages", new { text = "今天走访了云启科技", clientMessageId = "c1" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.RecordCount);
    }

    [Fact]
    public async Task Messages_need_a_signed_in_user()
    {
        var response = await PostJsonAsync(Client(), "/api/webchat/messages", new { text = "今天走访了云启科技", clientMessageId = "c1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("登录", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
    }

    [Fact]
    public async Task A_report_is_recorded_answered_and_kept_in_the_history()
    {
        var client = await SignedInAsync("u_zhang");

        var response = await PostJsonAsync(client, "/api/webchat/messages", new { text = "今天走访了云启科技", clientMessageId = "c1" });
        var reply = Json(await response.Content.ReadAsStringAsync());
        var history = Json(await client.GetStringAsync("/api/webchat/history")).GetProperty("messages");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已记录", reply.GetProperty("replies")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(host.Store.RecordsBy("u_zhang").OfType<Visit>());
        Assert.Equal(2, history.GetArrayLength());
        Assert.True(history[0].GetProperty("fromUser").GetBoolean());
        Assert.Equal("今天走访了云启科技", history[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Candidates_come_back_as_quick_replies()
    {
        var client = await SignedInAsync("u_zhang");

        var reply = Json(await (await PostJsonAsync(client, "/api/webchat/messages", new { text = "今天走访了华鼎", clientMessageId = "c1" })).Content.ReadAsStringAsync());

        var quick = reply.GetProperty("replies")[0].GetProperty("quickReplies");
        Assert.Equal(2, quick.GetArrayLength());
        Assert.Equal("1", quick[0].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("{\"text\": ", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"clientMessageId\": \"c1\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\": \"今天走访了云启科技\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\": \"   \", \"clientMessageId\": \"c1\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\": 42, \"clientMessageId\": \"c1\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("text=今天走访了云启科技", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Bad_message_input_gets_a_4xx_problem_and_writes_nothing(string body, string contentType, HttpStatusCode expected)
    {
        var client = await SignedInAsync("u_zhang");
        var turns = host.ProcessedTurns;

        var response = await client.PostAsync("/api/webchat/messages", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Json(await response.Content.ReadAsStringAsync()).GetProperty("detail").GetString()!);
        Assert.Equal(0, host.RecordCount);
        Assert.Equal(turns, host.ProcessedTurns);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var client = await SignedInAsync("u_zhang");

        var response = await PostJsonAsync(client, "/api/webchat/messages", new { text = new string('云', 70_000), clientMessageId = "c1" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, host.RecordCount);
    }

    [Theory]
    [InlineData(2_001, HttpStatusCode.BadRequest, "消息不能超过 2000 个字")]
    [InlineData(5_000, HttpStatusCode.BadRequest, "消息不能超过 2000 个字")]
    [InlineData(20_000, HttpStatusCode.RequestEntityTooLarge, "请求体超过 64 KB 的上限")] // escaped in JSON: 120 KB
    [InlineData(200_000, HttpStatusCode.RequestEntityTooLarge, "请求体超过 64 KB 的上限")]
    public async Task A_message_over_2000_characters_is_refused_with_a_4xx_in_Chinese_and_nothing_runs(int length, HttpStatusCode status, string detail)
    {
        var client = await SignedInAsync("u_zhang");
        var turns = host.ProcessedTurns;

        var response = await PostJsonAsync(client, "/api/webchat/messages", new { text = new string('云', length), clientMessageId = "c1" });

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
        Assert.Equal(turns, host.ProcessedTurns);
    }

    [Fact]
    public async Task Bad_sign_in_input_gets_a_4xx_problem()
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/webchat/signin", new StringContent("{", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/webchat/signin", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/api/webchat/signin", new StringContent("123456", Encoding.UTF8, "text/plain"))).StatusCode);
    }

    [Fact]
    public async Task An_export_comes_as_a_download_only_for_the_user_it_was_made_for()
    {
        var coordinator = await SignedInAsync("u_wang");
        var reply = Json(await (await PostJsonAsync(coordinator, "/api/webchat/messages", new { text = "坂田街道的台账导出来发给我", clientMessageId = "e1" })).Content.ReadAsStringAsync());
        var url = reply.GetProperty("replies")[0].GetProperty("attachment").GetProperty("url").GetString()!;

        var file = await coordinator.GetAsync(url);
        var someoneElse = await (await SignedInAsync("u_zhang")).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        Assert.Equal(HttpStatusCode.NotFound, someoneElse.StatusCode);
    }

    [Fact]
    public async Task An_unknown_download_token_is_a_404_problem()
    {
        var response = await Client().GetAsync("/api/files/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("过期", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem_not_a_500()
    {
        var response = await Client().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private HttpClient Client()
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
        return client;
    }

    private async Task<HttpClient> SignedInAsync(string userId)
    {
        var client = Client();
        var response = await PostJsonAsync(client, "/api/webchat/signin", new { code = await host.IssueCodeAsync(userId) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;
}
