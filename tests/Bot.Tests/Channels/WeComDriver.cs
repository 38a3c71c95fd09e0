using System.Globalization;
using System.Net;
using InstructorBot.Bot.Channels.ChannelDelivery;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>企业微信: encrypted XML callbacks; a fast reply is the encrypted passive reply, a slow or long one goes through message/send.</summary>
internal sealed class WeComDriver : ChannelDriver
{
    public override string Channel => "wecom";

    public override bool RepliesPassively => true;

    public override (string Text, int Members) ShunDaReport => ("今天走访了顺达快递，发现1名党员", 1);

    public override IReadOnlyList<(string Type, bool Voice)> NonTextTypes => [("image", false), ("voice", true), ("location", false)];

    public override Dictionary<string, string?> Settings(LoopbackVendorApi api, bool lateReplies = false) =>
        WeComRequests.Settings(api.BaseUrl, lateReplies ? "00:00:00.001" : "00:00:04");

    public override ChannelTextLimit Limit => ChannelTextLimit.WeCom;

    public override string MessageId(int n) => (7_100_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture);

    public override Task<(HttpStatusCode Status, string? Passive)> SendTextAsync(
        HttpClient client, LoopbackVendorApi api, string user, string text, string messageId, int attempt = 0, bool group = false) =>
        PostAsync(client, WeComRequests.TextMessage(user, text, messageId), user, attempt);

    public override Task<(HttpStatusCode Status, string? Passive)> SendNonTextAsync(
        HttpClient client, LoopbackVendorApi api, string user, string type, string messageId)
    {
        var fields = type switch
        {
            "image" => "<PicUrl><![CDATA[https://wework.qpic.cn/x.jpg]]></PicUrl><MediaId><![CDATA[media-1]]></MediaId>",
            "voice" => "<MediaId><![CDATA[media-2]]></MediaId><Format><![CDATA[amr]]></Format>",
            _ => "<Location_X>22.54</Location_X><Location_Y>114.05</Location_Y><Scale>15</Scale><Label><![CDATA[深圳市南山区]]></Label>",
        };
        var xml = "<xml><ToUserName><![CDATA[" + WeComRequests.CorpId + "]]></ToUserName><FromUserName><![CDATA[" + user + "]]></FromUserName>"
            + "<CreateTime>" + WeComRequests.Now() + "</CreateTime><MsgType><![CDATA[" + type + "]]></MsgType>" + fields
            + "<MsgId>" + messageId + "</MsgId><AgentID>" + WeComRequests.AgentId.ToString(CultureInfo.InvariantCulture) + "</AgentID></xml>";
        return PostAsync(client, xml, user, 0);
    }

    public override IReadOnlyList<string> ApiReplies(LoopbackVendorApi api) =>
        [.. api.Requests.Where(r => r.Path == "/cgi-bin/message/send" && !r.Refused).Select(r =>
        {
            Assert.Contains("access_token=" + LoopbackVendorApi.WeComAccessToken, r.Query, StringComparison.Ordinal);
            Assert.Equal("text", r.Body.GetProperty("msgtype").GetString());
            Assert.Equal(WeComRequests.AgentId, r.Body.GetProperty("agentid").GetInt32());
            return r.Body.GetProperty("text").GetProperty("content").GetString()!;
        })];

    private static async Task<(HttpStatusCode Status, string? Passive)> PostAsync(HttpClient client, string xml, string user, int attempt)
    {
        using var request = WeComRequests.Post(WeComRequests.Crypto.Encrypt(xml), nonce: (1372623149 + attempt).ToString(CultureInfo.InvariantCulture));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0 || response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }

        var reply = WeComRequests.OpenReply(body);
        Assert.Equal(user, reply["ToUserName"]);
        Assert.Equal(WeComRequests.CorpId, reply["FromUserName"]);
        Assert.Equal("text", reply["MsgType"]);
        return (response.StatusCode, reply["Content"]);
    }
}
