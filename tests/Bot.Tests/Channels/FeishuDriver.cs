using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Channels.Feishu;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>飞书: encrypted, signed 2.0 events acknowledged at once; replies go through im/v1/messages/{message_id}/reply.</summary>
internal sealed class FeishuDriver : ChannelDriver
{
    private const string VerificationToken = "feishu-real-pipeline-token";
    private const string EncryptKey = "feishu-real-pipeline-key";
    private const string Replies = "/open-apis/im/v1/messages/";

    public override string Channel => "feishu";

    public override (string Text, int Members) ShunDaReport => ("上午到顺达快递走访，发现2名党员", 2);

    public override IReadOnlyList<(string Type, bool Voice)> NonTextTypes => [("image", false), ("audio", true), ("sticker", false)];

    public override Dictionary<string, string?> Settings(LoopbackVendorApi api, bool lateReplies = false) => new()
    {
        ["Channels:Feishu:VerificationToken"] = VerificationToken,
        ["Channels:Feishu:EncryptKey"] = EncryptKey,
        ["Channels:Feishu:AppId"] = "cli_real",
        ["Channels:Feishu:AppSecret"] = "real-pipeline-app-secret",
        ["Channels:Feishu:ApiBaseUrl"] = api.BaseUrl.ToString(),
    };

    public override ChannelTextLimit Limit => ChannelTextLimit.Feishu;

    public override string TurnMessageId(string messageId) => "om_" + messageId;

    public override string MessageId(int n) => "evReal" + n.ToString("00", CultureInfo.InvariantCulture);

    public override Task<(HttpStatusCode Status, string? Passive)> SendTextAsync(
        HttpClient client, LoopbackVendorApi api, string user, string text, string messageId, int attempt = 0, bool group = false) =>
        PostAsync(client, MessageEvent(user, "text", JsonSerializer.Serialize(new { text }), messageId));

    public override Task<(HttpStatusCode Status, string? Passive)> SendNonTextAsync(
        HttpClient client, LoopbackVendorApi api, string user, string type, string messageId) =>
        PostAsync(client, MessageEvent(user, type, type switch
        {
            "image" => "{\"image_key\":\"img_v2_1\"}",
            "audio" => "{\"file_key\":\"file_v2_1\",\"duration\":2000}",
            _ => "{\"file_key\":\"file_v2_2\"}",
        }, messageId));

    /// <summary>Posts a rich text (post) message with <paramref name="content"/> as Feishu delivers it (a JSON string).</summary>
    public static Task<(HttpStatusCode Status, string? Passive)> SendPostAsync(HttpClient client, string user, string content, string messageId) =>
        PostAsync(client, MessageEvent(user, "post", content, messageId));

    public override IReadOnlyList<string> ApiReplies(LoopbackVendorApi api) =>
        [.. api.Requests.Where(r => r.Path.StartsWith(Replies, StringComparison.Ordinal) && !r.Refused).Select(r =>
        {
            Assert.Equal("Bearer " + LoopbackVendorApi.FeishuTenantToken, r.Authorization);
            Assert.Equal("text", r.Body.GetProperty("msg_type").GetString());
            using var content = JsonDocument.Parse(r.Body.GetProperty("content").GetString()!);
            return content.RootElement.GetProperty("text").GetString()!;
        })];

    /// <summary>The event id is the test's message id; the message id Feishu replies to is "om_" + it.</summary>
    private static string MessageEvent(string userId, string type, string content, string eventId) => JsonSerializer.Serialize(new
    {
        schema = "2.0",
        header = new
        {
            event_id = eventId,
            token = VerificationToken,
            create_time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            event_type = "im.message.receive_v1",
            tenant_key = "tenant-1",
            app_id = "cli_real",
        },
        @event = new
        {
            sender = new { sender_id = new { union_id = "on_" + userId, user_id = userId, open_id = "ou_" + userId }, sender_type = "user", tenant_key = "tenant-1" },
            message = new
            {
                message_id = "om_" + eventId,
                create_time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                chat_id = "oc_p2p_" + userId,
                chat_type = "p2p",
                message_type = type,
                content,
            },
        },
    });

    private static async Task<(HttpStatusCode Status, string? Passive)> PostAsync(HttpClient client, string plainJson)
    {
        var body = JsonSerializer.Serialize(new { encrypt = FeishuCrypto.Encrypt(EncryptKey, plainJson) });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string nonce = "n0nce";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/channels/feishu") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Lark-Request-Timestamp", timestamp);
        request.Headers.Add("X-Lark-Request-Nonce", nonce);
        request.Headers.Add("X-Lark-Signature", FeishuCrypto.Sign(timestamp, nonce, EncryptKey, Encoding.UTF8.GetBytes(body)));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, null);
    }
}
