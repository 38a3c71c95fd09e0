using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Channels.DingTalk;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>钉钉: signed JSON callbacks acknowledged at once; replies are POSTed to the message's sessionWebhook (its session is the msgId).</summary>
internal sealed class DingTalkDriver : ChannelDriver
{
    private const string AppSecret = "dingtalk-real-pipeline-secret";

    public override string Channel => "dingtalk";

    public override (string Text, int Members) ShunDaReport => ("顺达快递今天去走访了，新发现3名党员", 3);

    public override IReadOnlyList<(string Type, bool Voice)> NonTextTypes => [("picture", false), ("audio", true), ("file", false)];

    public override Dictionary<string, string?> Settings(LoopbackVendorApi api, bool lateReplies = false) => new()
    {
        ["Channels:DingTalk:AppSecret"] = AppSecret,
        ["Channels:DingTalk:AllowLoopbackWebhook"] = "true",
    };

    public override ChannelTextLimit Limit => ChannelTextLimit.DingTalk;

    public override string MessageId(int n) => "msgReal" + n.ToString("00", CultureInfo.InvariantCulture);

    public override Task<(HttpStatusCode Status, string? Passive)> SendTextAsync(
        HttpClient client, LoopbackVendorApi api, string user, string text, string messageId, int attempt = 0, bool group = false) =>
        PostAsync(client, Body(api, user, "text", new { content = (group ? "@党建助手 " : " ") + text }, messageId, group));

    public override Task<(HttpStatusCode Status, string? Passive)> SendNonTextAsync(
        HttpClient client, LoopbackVendorApi api, string user, string type, string messageId) =>
        PostAsync(client, Body(api, user, type, null, messageId, group: false, content: type switch
        {
            "picture" => new { downloadCode = "dl-1", pictureDownloadCode = "pdl-1" },
            // Not recognised by DingTalk (recognition empty): the voice hint.
            "audio" => new { duration = 4000, downloadCode = "dl-2", recognition = "" },
            _ => (object)new { downloadCode = "dl-3", fileName = "走访记录.docx" },
        }));

    /// <summary>Posts a one-to-one voice message whose content carries DingTalk's <c>recognition</c> (omitted when null).</summary>
    public static Task<(HttpStatusCode Status, string? Passive)> SendVoiceAsync(
        HttpClient client, LoopbackVendorApi api, string user, string? recognition, string messageId) =>
        PostAsync(client, Body(api, user, "audio", null, messageId, group: false, content: recognition is null
            ? new { duration = 5200, downloadCode = "dl-voice" }
            : new { duration = 5200, downloadCode = "dl-voice", recognition }));

    public override IReadOnlyList<string> ApiReplies(LoopbackVendorApi api) =>
        [.. api.Requests.Where(r => r.Path == "/robot/sendBySession" && !r.Refused).Select(r =>
        {
            Assert.StartsWith("?session=", r.Query, StringComparison.Ordinal);
            Assert.Equal("text", r.Body.GetProperty("msgtype").GetString());
            return r.Body.GetProperty("text").GetProperty("content").GetString()!;
        })];

    /// <summary>A one-to-one message, or with <paramref name="group"/> a group message.</summary>
    private static string Body(LoopbackVendorApi api, string staffId, string type, object? text, string msgId, bool group, object? content = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["conversationId"] = group ? "cidGroup001==" : "cid" + staffId + "==",
            ["conversationType"] = group ? "2" : "1",
            ["isInAtList"] = group,
            ["msgId"] = msgId,
            ["msgtype"] = type,
            ["text"] = text,
            ["content"] = content,
            ["createAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["senderStaffId"] = staffId,
            ["senderId"] = "$:LWCP_v1:$" + staffId,
            ["senderNick"] = "指导员",
            ["sessionWebhook"] = api.DingTalkWebhook(msgId).ToString(),
            ["sessionWebhookExpiredTime"] = DateTimeOffset.UtcNow.AddMinutes(90).ToUnixTimeMilliseconds(),
        });

    private static async Task<(HttpStatusCode Status, string? Passive)> PostAsync(HttpClient client, string body)
    {
        var timestamp = UniqueTimestamps.NextMilliseconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/channels/dingtalk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("timestamp", timestamp);
        request.Headers.Add("sign", DingTalkSignature.Compute(AppSecret, timestamp));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, null);
    }
}
