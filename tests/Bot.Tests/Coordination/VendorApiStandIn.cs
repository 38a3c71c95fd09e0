using System.Collections.Concurrent;
using System.Text.Json;
using InstructorBot.Bot.Tests.BotFramework;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InstructorBot.Bot.Tests.Coordination;

/// <summary>
/// A loopback stand-in for the vendors' APIs for messages sent unprompted (the clouds cannot be reached from here): 钉钉
/// <c>/v1.0/oauth2/accessToken</c> and <c>/v1.0/robot/oToMessages/batchSend</c>, 飞书 <c>tenant_access_token</c> and
/// <c>/open-apis/im/v1/messages</c>, a Bot Connector's <c>/v3/conversations/{id}/activities</c>, on a real Kestrel server, with the documented request and answer shapes. Records each
/// send's JSON body; while <see cref="Refuse"/> is set, every send is refused as the vendor would (a flow-controlled
/// staff id; Feishu code 230020).
/// </summary>
public sealed class VendorApiStandIn : IAsyncDisposable
{
    public const string DingTalkToken = "stand-in-dingtalk-token";
    public const string FeishuToken = "t-stand-in-feishu-token";

    private readonly ConcurrentQueue<(string Path, string Query, string Token, JsonElement Body)> sends = new();
    private LoopbackServer server = null!;

    public Uri BaseUrl => server.Address;

    public bool Refuse { get; set; }

    public IReadOnlyList<(string Path, string Query, string Token, JsonElement Body)> Sends => [.. sends];

    public static async Task<VendorApiStandIn> StartAsync()
    {
        var standIn = new VendorApiStandIn();
        standIn.server = await LoopbackServer.StartAsync((app, _) => standIn.Map(app));
        return standIn;
    }

    private void Map(WebApplication app)
    {
        var standIn = this;
        app.MapPost("/v1.0/oauth2/accessToken", () => Results.Json(new { accessToken = DingTalkToken, expireIn = 7200 }));
        app.MapPost("/v1.0/robot/oToMessages/batchSend", async (HttpContext http) =>
        {
            var body = await standIn.RecordAsync(http, http.Request.Headers["x-acs-dingtalk-access-token"].ToString());
            if (http.Request.Headers["x-acs-dingtalk-access-token"] != DingTalkToken)
            {
                return Results.Json(new { code = "InvalidAuthentication", message = "不合法的access_token" }, statusCode: 401);
            }

            var users = body.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()).ToArray();
            return Results.Json(new { processQueryKey = "q1", invalidStaffIdList = Array.Empty<string>(), flowControlledStaffIdList = standIn.Refuse ? users : [] });
        });
        app.MapPost("/open-apis/auth/v3/tenant_access_token/internal", () => Results.Json(new { code = 0, msg = "ok", tenant_access_token = FeishuToken, expire = 7200 }));
        app.MapPost("/open-apis/im/v1/messages", async (HttpContext http) =>
        {
            await standIn.RecordAsync(http, http.Request.Headers.Authorization.ToString());
            return standIn.Refuse ? Results.Json(new { code = 230020, msg = "This operation triggers the frequency limit." }, statusCode: 400)
                : http.Request.Headers.Authorization == "Bearer " + FeishuToken
                ? Results.Json(new { code = 0, msg = "success", data = new { message_id = "om_1" } })
                : Results.Json(new { code = 99991663, msg = "Invalid access token" }, statusCode: 400);
        });

        app.MapPost("/v3/conversations/{conversation}/activities", async (HttpContext http) =>
        {
            await standIn.RecordAsync(http, http.Request.Headers.Authorization.ToString());
            return standIn.Refuse ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Json(new { id = "activity-1" });
        });
    }

    private async Task<JsonElement> RecordAsync(HttpContext http, string token)
    {
        using var document = await JsonDocument.ParseAsync(http.Request.Body);
        var body = document.RootElement.Clone();
        sends.Enqueue((http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "", token, body));
        return body;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
