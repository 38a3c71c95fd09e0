using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// A fake of the vendors' cloud APIs on a real loopback Kestrel server (the only fake in these tests: the
/// clouds cannot be reached from here): WeCom gettoken + message/send, Feishu tenant_access_token + message
/// reply, and a DingTalk sessionWebhook. Records every request it receives.
/// </summary>
public sealed class LoopbackVendorApi : IAsyncDisposable
{
    public const string WeComAccessToken = "loopback-wecom-token";
    public const string FeishuTenantToken = "t-loopback-feishu-token";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private LoopbackVendorApi(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>While true, every reply (WeCom message/send, Feishu reply, DingTalk webhook) is refused with a vendor error code.</summary>
    public bool RefuseReplies { get; set; }

    public Uri DingTalkWebhook(string session) => new(BaseUrl, $"/robot/sendBySession?session={session}");

    public static async Task<LoopbackVendorApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackVendorApi(app);

        app.MapGet("/cgi-bin/gettoken", async (HttpContext http) =>
        {
            await server.RecordAsync(http);
            return Results.Json(new { errcode = 0, errmsg = "ok", access_token = WeComAccessToken, expires_in = 7200 });
        });
        app.MapPost("/cgi-bin/message/send", async (HttpContext http) =>
        {
            await server.RecordAsync(http);
            return server.RefuseReplies ? Results.Json(new { errcode = 45009, errmsg = "api freq out of limit" })
                : http.Request.Query["access_token"] == WeComAccessToken
                ? Results.Json(new { errcode = 0, errmsg = "ok" })
                : Results.Json(new { errcode = 40014, errmsg = "invalid access_token" });
        });
        app.MapPost("/open-apis/auth/v3/tenant_access_token/internal", async (HttpContext http) =>
        {
            await server.RecordAsync(http);
            return Results.Json(new { code = 0, msg = "ok", tenant_access_token = FeishuTenantToken, expire = 7200 });
        });
        app.MapPost("/open-apis/im/v1/messages/{messageId}/reply", async (HttpContext http) =>
        {
            await server.RecordAsync(http);
            return server.RefuseReplies ? Results.Json(new { code = 230020, msg = "rate limited" }, statusCode: 400)
                : http.Request.Headers.Authorization == "Bearer " + FeishuTenantToken
                ? Results.Json(new { code = 0, msg = "success" })
                : Results.Json(new { code = 99991663, msg = "invalid token" }, statusCode: 400);
        });
        app.MapPost("/robot/sendBySession", async (HttpContext http) =>
        {
            await server.RecordAsync(http);
            return server.RefuseReplies
                ? Results.Json(new { errcode = 130101, errmsg = "send too fast" })
                : Results.Json(new { errcode = 0, errmsg = "ok" });
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>The requests to <paramref name="path"/>, waiting up to <paramref name="timeout"/> for at least <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(string path, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var matching = Requests.Where(r => r.Path.StartsWith(path, StringComparison.Ordinal)).ToList();
            if (matching.Count >= count || DateTime.UtcNow > deadline)
            {
                return matching;
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        requests.Enqueue(new RecordedRequest(
            http.Request.Path.Value ?? string.Empty,
            http.Request.QueryString.Value ?? string.Empty,
            body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : default,
            http.Request.Headers.Authorization.ToString(),
            RefuseReplies && !http.Request.Path.Value!.Contains("token", StringComparison.Ordinal)));
    }
}
