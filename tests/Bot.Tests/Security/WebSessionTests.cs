using System.Net;
using System.Net.Http.Json;
using InstructorBot.Bot.Tests.Conversation;

namespace InstructorBot.Bot.Tests.Security;

/// <summary>
/// Issue 10, finding 6: sign-in limits per real client (forwarded headers from configured proxies only), the session
/// cookie Secure behind TLS, sign-out revoking the session server-side, a configurable session lifetime. Kestrel on
/// loopback: the test client plays the reverse proxy where a test says so.
/// </summary>
public sealed class WebSessionTests
{
    private static readonly Dictionary<string, string?> BehindProxy = new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" };

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "127.0.0.1")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8")]
    public async Task Sixty_sign_ins_a_minute_from_one_client_behind_the_proxy_do_not_give_another_user_429(string key, string proxy)
    {
        using var host = new BotHost(new Dictionary<string, string?> { [key] = proxy }, kestrel: true);
        using var http = new HttpClient { BaseAddress = host.Address };
        var flood = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            flood.Add((await SignInAsync(http, "2222-2222", forwardedFor: "203.0.113.5")).StatusCode);
        }

        var other = await SignInAsync(http, await host.IssueCodeAsync("u_liu"), forwardedFor: "198.51.100.7");

        Assert.Contains(HttpStatusCode.TooManyRequests, flood);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_client_cannot_pick_its_own_bucket_with_X_Forwarded_For()
    {
        using var host = new BotHost(kestrel: true);
        using var http = new HttpClient { BaseAddress = host.Address };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await SignInAsync(http, "2222-2222", forwardedFor: $"203.0.113.{i + 1}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_session_cookie_is_Secure()
    {
        using var host = new BotHost(BehindProxy, kestrel: true);
        using var http = new HttpClient { BaseAddress = host.Address };

        var response = await SignInAsync(http, await host.IssueCodeAsync("u_zhang"), forwardedFor: "203.0.113.5", proto: "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("secure", SessionCookie(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_session_cookie_replayed_after_sign_out_is_refused()
    {
        using var host = new BotHost(kestrel: true);
        using var http = new HttpClient { BaseAddress = host.Address };
        var signIn = await SignInAsync(http, await host.IssueCodeAsync("u_zhang"));
        var cookie = SessionCookie(signIn).Split(';')[0];

        var before = await SendAsync(http, HttpMethod.Get, "/api/webchat/me", cookie);
        var signOut = await SendAsync(http, HttpMethod.Post, "/api/webchat/signout", cookie);
        var replayed = await SendAsync(http, HttpMethod.Get, "/api/webchat/me", cookie);
        var message = await SendAsync(http, HttpMethod.Post, "/api/webchat/messages", cookie,
            JsonContent.Create(new { text = "今天走访了云启科技", clientMessageId = "after-signout" }));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, message.StatusCode);
        Assert.Equal(0, host.RecordCount);
    }

    [Theory]
    [InlineData(null, 7 * 24)]
    [InlineData("01:00:00", 1)]
    public async Task The_session_lifetime_is_seven_days_by_default_and_configurable(string? lifetime, int hours)
    {
        using var host = new BotHost(lifetime is null ? null : new Dictionary<string, string?> { ["WebChat:Session:Lifetime"] = lifetime });
        var http = host.CreateClient();

        var response = await SignInAsync(http, await host.IssueCodeAsync("u_zhang"));

        var expires = SessionCookie(response).Split(';').Select(p => p.Trim())
            .Single(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase))["expires=".Length..];
        var left = DateTimeOffset.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow;
        Assert.InRange(left.TotalHours, hours - 0.1, hours + 0.1);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string code, string? forwardedFor = null, string? proto = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/signin") { Content = JsonContent.Create(new { code }) };
        request.Headers.Add("X-InstructorBot-Request", "1");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-InstructorBot-Request", "1");
        request.Headers.Add("Cookie", cookie);
        return http.SendAsync(request);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("instructorbot.session=", StringComparison.Ordinal));
}
