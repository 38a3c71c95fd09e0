using System.Globalization;
using System.Text;
using InstructorBot.Bot.Channels.WeCom;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>Builds WeCom callbacks the way WeCom's servers send them: encrypted, signed, in the query and XML envelope.</summary>
internal static class WeComRequests
{
    public const string Token = WeComCryptoTests.Token;
    public const string EncodingAesKey = WeComCryptoTests.EncodingAesKey;
    public const string CorpId = WeComCryptoTests.CorpId;
    public const int AgentId = 1000002;

    public static readonly WeComCrypto Crypto = new(Token, EncodingAesKey, CorpId);

    public static Dictionary<string, string?> Settings(Uri apiBaseUrl, string replyBudget = "00:00:04") => new()
    {
        ["Channels:WeCom:Token"] = Token,
        ["Channels:WeCom:EncodingAESKey"] = EncodingAesKey,
        ["Channels:WeCom:CorpId"] = CorpId,
        ["Channels:WeCom:AgentId"] = AgentId.ToString(CultureInfo.InvariantCulture),
        ["Channels:WeCom:Secret"] = "loopback-secret",
        ["Channels:WeCom:ApiBaseUrl"] = apiBaseUrl.ToString(),
        ["Channels:WeCom:ReplyBudget"] = replyBudget,
    };

    public static string TextMessage(string from, string content, string msgId) =>
        "<xml><ToUserName><![CDATA[" + CorpId + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
        + "<CreateTime>" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "</CreateTime>"
        + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content + "]]></Content>"
        + "<MsgId>" + msgId + "</MsgId><AgentID>" + AgentId.ToString(CultureInfo.InvariantCulture) + "</AgentID></xml>";

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>A POST carrying <paramref name="encrypted"/>; the signature is computed unless one is given.</summary>
    public static HttpRequestMessage Post(string encrypted, string? timestamp = null, string nonce = "1372623149", string? signature = null)
    {
        timestamp ??= Now();
        signature ??= Crypto.Sign(timestamp, nonce, encrypted);
        var body = "<xml><ToUserName><![CDATA[" + CorpId + "]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt><AgentID><![CDATA["
            + AgentId.ToString(CultureInfo.InvariantCulture) + "]]></AgentID></xml>";
        return Raw(body, timestamp, nonce, signature);
    }

    public static HttpRequestMessage Raw(string body, string timestamp, string nonce, string signature) =>
        new(HttpMethod.Post, $"/channels/wecom?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}")
        {
            Content = new StringContent(body, Encoding.UTF8, "text/xml"),
        };

    /// <summary>Checks a passive reply's envelope signature, decrypts it and returns its fields.</summary>
    public static IReadOnlyDictionary<string, string> OpenReply(string envelopeXml)
    {
        Assert.True(WeComXml.TryParse(envelopeXml, out var envelope, out var error), error);
        var encrypted = envelope["Encrypt"];
        Assert.True(Crypto.VerifySignature(envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"], encrypted), "reply signature");
        Assert.True(Crypto.TryDecrypt(encrypted, out var xml, out var decryptError), decryptError);
        Assert.True(WeComXml.TryParse(xml, out var reply, out var replyError), replyError);
        return reply;
    }
}
