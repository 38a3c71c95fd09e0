using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using InstructorBot.Bot.Channels.Feishu;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>/channels/feishu over real HTTP on the real host; Feishu's open API is a loopback fake.</summary>
public sealed class FeishuEndpointTests : IAsyncLifetime
{
    private const string VerificationToken = "feishu-verification-token";
    private const string EncryptKey = "feishu-encrypt-key";
    private LoopbackVendorApi api = null!;

    public async Task InitializeAsync() => api = await LoopbackVendorApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    private ChannelHost Host(RecordingTurnPipeline pipeline) => new(
        new Dictionary<string, string?>
        {
            ["Channels:Feishu:VerificationToken"] = VerificationToken,
            ["Channels:Feishu:EncryptKey"] = EncryptKey,
            ["Channels:Feishu:AppId"] = "cli_loopback",
            ["Channels:Feishu:AppSecret"] = "loopback-app-secret",
            ["Channels:Feishu:ApiBaseUrl"] = api.BaseUrl.ToString(),
        },
        pipeline);

    private static string MessageEvent(string eventId, string text, string token = VerificationToken, string? userId = "u4012") =>
        JsonSerializer.Serialize(new
        {
            schema = "2.0",
            header = new
            {
                event_id = eventId,
                token,
                create_time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                event_type = "im.message.receive_v1",
                tenant_key = "tenant-1",
                app_id = "cli_loopback",
            },
            @event = new
            {
                sender = new { sender_id = new { union_id = "on_union", user_id = userId, open_id = "ou_open" }, sender_type = "user", tenant_key = "tenant-1" },
                message = new
                {
                    message_id = "om_" + eventId,
                    create_time = "1763884800000",
                    chat_id = "oc_group",
                    chat_type = "group",
                    message_type = "text",
                    content = JsonSerializer.Serialize(new { text }),
                    mentions = new[] { new { key = "@_user_1", name = "党建助手" } },
                },
            },
        });

    private static HttpRequestMessage Post(string plainJson, bool encrypt = true, bool sign = true, string? timestamp = null, string? signature = null, string? rawBody = null)
    {
        var body = rawBody ?? (encrypt ? JsonSerializer.Serialize(new { encrypt = FeishuCrypto.Encrypt(EncryptKey, plainJson) }) : plainJson);
        var request = new HttpRequestMessage(HttpMethod.Post, "/channels/feishu") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (sign)
        {
            timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            const string nonce = "a1b2c3";
            request.Headers.Add("X-Lark-Request-Timestamp", timestamp);
            request.Headers.Add("X-Lark-Request-Nonce", nonce);
            request.Headers.Add("X-Lark-Signature", signature ?? FeishuCrypto.Sign(timestamp, nonce, EncryptKey, Encoding.UTF8.GetBytes(body)));
        }

        return request;
    }

    [Fact]
    public async Task The_encrypted_url_verification_is_answered_with_the_challenge()
    {
        await using var host = Host(new RecordingTurnPipeline());
        using var client = host.CreateClient();
        var challenge = JsonSerializer.Serialize(new { challenge = "ajls384kdjx98XX", token = VerificationToken, type = "url_verification" });

        using var request = Post(challenge, sign: false);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ajls384kdjx98XX", json.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task A_url_verification_with_the_wrong_token_is_refused()
    {
        await using var host = Host(new RecordingTurnPipeline());
        using var client = host.CreateClient();
        using var request = Post(JsonSerializer.Serialize(new { challenge = "c", token = "guessed", type = "url_verification" }), sign: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_message_is_acknowledged_within_three_seconds_and_the_reply_arrives_through_the_loopback_fake_of_the_reply_api()
    {
        var pipeline = new RecordingTurnPipeline { Delay = TimeSpan.FromSeconds(3.5) };
        await using var host = Host(pipeline);
        using var client = host.CreateClient();

        var started = DateTime.UtcNow;
        using var request = Post(MessageEvent("ev1", "@_user_1 今天走访了云栖科技"));
        var response = await client.SendAsync(request);
        var elapsed = DateTime.UtcNow - started;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"acknowledged after {elapsed}");

        var reply = Assert.Single(await api.WaitForAsync("/open-apis/im/v1/messages/", 1, TimeSpan.FromSeconds(15)));
        Assert.Equal("/open-apis/im/v1/messages/om_ev1/reply", reply.Path);
        Assert.Equal("Bearer " + LoopbackVendorApi.FeishuTenantToken, reply.Authorization);
        Assert.Equal("text", reply.Body.GetProperty("msg_type").GetString());
        using var content = JsonDocument.Parse(reply.Body.GetProperty("content").GetString()!);
        Assert.Equal(RecordingTurnPipeline.ReplyTo("今天走访了云栖科技"), content.RootElement.GetProperty("text").GetString());

        var token = Assert.Single(api.Requests, r => r.Path == "/open-apis/auth/v3/tenant_access_token/internal");
        Assert.Equal("cli_loopback", token.Body.GetProperty("app_id").GetString());

        var call = Assert.Single(pipeline.Calls);
        Assert.Equal(("feishu", "u4012", "oc_group", "om_ev1", "今天走访了云栖科技"), (call.Channel, call.ChannelUserId, call.ConversationId, call.ChannelMessageId, call.Text));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763884800000), call.SentAt);
    }

    [Fact]
    public async Task Without_the_user_id_permission_the_sender_is_known_by_open_id()
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline);
        using var client = host.CreateClient();

        using var request = Post(MessageEvent("ev2", "你好", userId: null));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        await api.WaitForAsync("/open-apis/im/v1/messages/", 1, TimeSpan.FromSeconds(10));
        Assert.Equal("ou_open", Assert.Single(pipeline.Calls).ChannelUserId);
    }

    [Theory]
    [InlineData("forged signature", HttpStatusCode.Unauthorized)]
    [InlineData("stale timestamp", HttpStatusCode.Forbidden)]
    [InlineData("unsigned event", HttpStatusCode.Unauthorized)]
    [InlineData("wrong verification token", HttpStatusCode.Unauthorized)]
    [InlineData("truncated ciphertext", HttpStatusCode.BadRequest)]
    [InlineData("ciphertext under another key", HttpStatusCode.BadRequest)]
    [InlineData("malformed json", HttpStatusCode.BadRequest)]
    [InlineData("oversized body", HttpStatusCode.RequestEntityTooLarge)]
    public async Task A_bad_callback_is_refused_with_4xx_and_nothing_is_processed_or_sent(string @case, HttpStatusCode expected)
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline);
        using var client = host.CreateClient();
        var message = MessageEvent("evBad", "你好");
        var encrypted = FeishuCrypto.Encrypt(EncryptKey, message);

        using var request = @case switch
        {
            "forged signature" => Post(message, signature: new string('f', 64)),
            "stale timestamp" => Post(message, timestamp: DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            "unsigned event" => Post(message, sign: false),
            "wrong verification token" => Post(MessageEvent("evBad", "你好", token: "guessed")),
            "truncated ciphertext" => Post(message, rawBody: JsonSerializer.Serialize(new { encrypt = encrypted[..40] })),
            "ciphertext under another key" => Post(message, rawBody: JsonSerializer.Serialize(new { encrypt = FeishuCrypto.Encrypt("other key", message) })),
            "malformed json" => Post(message, rawBody: "{\"encrypt\": "),
            _ => Post(message, rawBody: JsonSerializer.Serialize(new { encrypt = new string('A', 80_000) })),
        };
        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Task.Delay(150);
        Assert.Empty(pipeline.Calls);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task The_same_event_id_delivered_three_times_is_handled_once_and_answered_once()
    {
        var pipeline = new RecordingTurnPipeline { Delay = TimeSpan.FromMilliseconds(300) };
        await using var host = Host(pipeline);
        using var client = host.CreateClient();
        var message = MessageEvent("ev3", "新发现党员3名");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var request = Post(message);
            return (await client.SendAsync(request)).StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Single(await api.WaitForAsync("/open-apis/im/v1/messages/", 1, TimeSpan.FromSeconds(10)));
        await Task.Delay(600);
        Assert.Single(api.Requests, r => r.Path.StartsWith("/open-apis/im/v1/messages/", StringComparison.Ordinal));
        Assert.Single(pipeline.Calls);
    }

    [Fact]
    public async Task Without_an_encrypt_key_plain_events_are_accepted_on_the_verification_token_alone()
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = new ChannelHost(
            new Dictionary<string, string?>
            {
                ["Channels:Feishu:VerificationToken"] = VerificationToken,
                ["Channels:Feishu:AppId"] = "cli_loopback",
                ["Channels:Feishu:AppSecret"] = "loopback-app-secret",
                ["Channels:Feishu:ApiBaseUrl"] = api.BaseUrl.ToString(),
            },
            pipeline);
        using var client = host.CreateClient();

        using var forged = Post(MessageEvent("ev5", "你好", token: "guessed"), encrypt: false, sign: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged)).StatusCode);
        using var request = Post(MessageEvent("ev5", "你好"), encrypt: false, sign: false);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        Assert.Single(await api.WaitForAsync("/open-apis/im/v1/messages/om_ev5/reply", 1, TimeSpan.FromSeconds(10)));
        Assert.Equal("你好", Assert.Single(pipeline.Calls).Text);
    }

    [Fact]
    public async Task Without_configuration_the_endpoint_does_not_exist()
    {
        await using var host = new ChannelHost(new Dictionary<string, string?>(), new RecordingTurnPipeline());
        using var client = host.CreateClient();
        using var request = Post(MessageEvent("ev4", "你好"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);
    }
}
