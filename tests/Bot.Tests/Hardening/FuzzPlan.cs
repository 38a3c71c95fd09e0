using System.Globalization;
using System.Text;
using InstructorBot.Bot.Channels.DingTalk;
using InstructorBot.Bot.Channels.Feishu;
using InstructorBot.Bot.Tests.Channels;

namespace InstructorBot.Bot.Tests.Hardening;

/// <summary>
/// The requests of the fuzz run, all drawn from one seed: hostile chat messages on every channel (signed and encrypted as
/// the vendors do, so they reach the turn) and malformed requests to every endpoint (wrong shapes, wrong types, wrong
/// content types and methods, bodies over every limit, broken signatures, edge timestamps).
/// </summary>
internal sealed class FuzzPlan(int seed, Uri connector, Uri vendorApi, IReadOnlyList<string> webCookies)
{
    public const string DingTalkSecret = "dingtalk-fuzz-secret";

    /// <summary>Bot Framework ids bound to the fixture users (several per user: a sender's turns run one at a time).</summary>
    public const int BotFrameworkSenders = 48;

    /// <summary>Feishu, DingTalk and WeCom ids bound to the fixture users (fs-user-N …).</summary>
    public const int VendorSenders = 8;

    private static readonly string[] Endpoints = ["/api/messages", "/channels/wecom", "/channels/dingtalk", "/channels/feishu", "/api/webchat/messages", "/api/webchat/signin"];

    private static readonly string[] Timestamps =
        ["2026-11-18T07:30:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T00:00:00+14:00", "1970-01-01T00:00:00Z", "not a time", "", "2026-13-45T99:99:99Z"];

    private readonly Random random = new(seed);
    private readonly IReadOnlyList<string> texts = [.. HostileMessages.Fixed, .. HostileMessages.Random(seed, 400)];
    private int next;

    public List<FuzzRequest> Build(int count)
    {
        var plan = new List<FuzzRequest>(count);
        while (plan.Count < count)
        {
            next++;
            plan.Add(random.Next(100) switch
            {
                < 10 => WebChatMessage(),
                < 17 => WebChatMalformed(),
                < 21 => SignIn(),
                < 33 => BotFrameworkMessage(expectReplies: true),
                < 37 => BotFrameworkMessage(expectReplies: false),
                < 47 => BotFrameworkMalformed(),
                < 52 => FeishuMessage(),
                < 58 => FeishuMalformed(),
                < 63 => DingTalkMessage(),
                < 69 => DingTalkMalformed(),
                < 75 => WeComMessage(),
                < 82 => WeComMalformed(),
                < 85 => new FuzzRequest("healthz", HttpMethod.Get, "/healthz"),
                < 88 => new FuzzRequest("download", HttpMethod.Get, "/api/files/" + Token()),
                _ => Misdirected(),
            });
        }

        return plan;
    }

    private string Text() => texts[random.Next(texts.Count)];

    private string Short(int max)
    {
        var text = Text();
        return text.Length > max ? text[..max] : text;
    }

    private string Token() => random.Next(4) switch
    {
        0 => Guid.NewGuid().ToString("N"),
        1 => "..%2F..%2Fetc%2Fpasswd",
        2 => new string('a', random.Next(1, 300)),
        _ => Uri.EscapeDataString(Short(50)),
    };

    private FuzzRequest WebChatMessage() => Json("webchat.message", "/api/webchat/messages",
        RawJson.Object(("text", Text()), ("clientMessageId", $"fuzz-{next}")), Cookie());

    private FuzzRequest WebChatMalformed() => random.Next(3) == 0
        ? Json("webchat.malformed", "/api/webchat/messages", WrongShape(), [("X-InstructorBot-Request", "1")])
        : Json("webchat.malformed", "/api/webchat/messages", WrongShape(), Cookie());

    private FuzzRequest SignIn() => Json("webchat.signin", "/api/webchat/signin",
        random.Next(2) == 0 ? RawJson.Object(("code", random.Next(1_000_000).ToString("000000", CultureInfo.InvariantCulture))) : WrongShape(),
        [("X-InstructorBot-Request", "1")]);

    private (string, string)[] Cookie() => [("X-InstructorBot-Request", "1"), ("Cookie", webCookies[random.Next(webCookies.Count)])];

    private FuzzRequest BotFrameworkMessage(bool expectReplies)
    {
        // Bound senders reach understanding; strangers get the registration hint.
        var from = random.Next(3) == 0 ? $"bf-stranger-{random.Next(50)}" : $"bf-user-{random.Next(BotFrameworkSenders)}";
        var serviceUrl = expectReplies ? "http://127.0.0.1:9/" : connector.ToString();
        var body = "{\"type\":\"message\",\"id\":\"fuzz-bf-" + next + "\",\"timestamp\":" + RawJson.String(Timestamps[random.Next(Timestamps.Length - 3)])
            + ",\"serviceUrl\":" + RawJson.String(serviceUrl) + ",\"channelId\":\"emulator\",\"from\":{\"id\":" + RawJson.String(from) + "},"
            + "\"conversation\":{\"id\":\"conv-" + from + "\"},\"recipient\":{\"id\":\"bot\"},"
            + (expectReplies ? "\"deliveryMode\":\"expectReplies\"," : "") + "\"text\":" + RawJson.String(Text()) + "}";
        return Json(expectReplies ? "botframework.inline" : "botframework.202", "/api/messages", body);
    }

    private FuzzRequest BotFrameworkMalformed()
    {
        string[] shapes =
        [
            "{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"deliveryMode\":\"expectReplies\"}",
            "{\"type\":\"message\",\"id\":\"x\",\"serviceUrl\":\"file:///etc/passwd\",\"from\":{\"id\":\"a\"},\"conversation\":{\"id\":\"c\"},\"text\":\"hi\"}",
            "{\"type\":\"message\",\"id\":\"x\",\"serviceUrl\":\"http://169.254.169.254/\",\"from\":{\"id\":\"a\"},\"conversation\":{\"id\":\"c\"},\"text\":\"hi\"}",
            "{\"type\":\"message\",\"id\":\"x\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"from\":{\"id\":\"a\"},\"conversation\":{\"id\":\"c\"},\"text\":\"hi\",\"timestamp\":" + RawJson.String(Timestamps[random.Next(Timestamps.Length)]) + "}",
            "{\"type\":\"conversationUpdate\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"membersAdded\":[{\"id\":\"u\"}],\"deliveryMode\":\"expectReplies\"}",
            "{\"type\":\"conversationUpdate\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"membersAdded\":[{\"id\":null},{}],\"recipient\":{\"id\":null},\"conversation\":{\"id\":\"c\"},\"from\":{}}",
            "{\"type\":" + RawJson.String(Text()) + ",\"serviceUrl\":\"http://127.0.0.1:9/\"}",
            "{\"type\":\"message\",\"id\":1,\"from\":[],\"text\":{}}",
            "{\"type\":\"typing\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"deliveryMode\":\"expectReplies\"}",
            "{\"type\":\"message\",\"id\":\"x\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"from\":{\"id\":\"a\"},\"conversation\":{\"id\":\"c\"},\"text\":\"hi\",\"deliveryMode\":\"expectReplies\",\"attachments\":[{\"contentType\":1}]}",
        ];
        return Json("botframework.malformed", "/api/messages", random.Next(3) == 0 ? WrongShape() : shapes[random.Next(shapes.Length)]);
    }

    private FuzzRequest FeishuMessage()
    {
        var user = random.Next(2) == 0 ? $"fs-user-{random.Next(VendorSenders)}" : $"fs-stranger-{random.Next(50)}";
        var content = random.Next(4) == 0
            ? RawJson.String(random.Next(2) == 0 ? "{\"title\":\"\",\"content\":[[{\"tag\":\"text\",\"text\":" + RawJson.String(Text()) + "}]]}" : WrongShape())
            : RawJson.String(RawJson.Object(("text", Text())));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var createTime = random.Next(5) == 0 ? "253402300799998" : now.ToString(CultureInfo.InvariantCulture);
        var type = random.Next(5) == 0 ? "post" : "text";
        var json = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"fuzz-fs-" + next + "\",\"token\":\"" + SmallFindingsTests.FeishuToken + "\",\"create_time\":\"" + now
            + "\",\"event_type\":\"im.message.receive_v1\"},\"event\":{\"sender\":{\"sender_id\":{\"user_id\":" + RawJson.String(user) + ",\"open_id\":\"ou_x\"},\"sender_type\":\"user\"},"
            + "\"message\":{\"message_id\":\"om_fuzz" + next + "\",\"create_time\":\"" + createTime + "\",\"chat_id\":\"oc_fuzz\",\"chat_type\":\"p2p\",\"message_type\":\"" + type + "\",\"content\":" + content + "}}}";
        var plain = Encoding.UTF8.GetBytes(json);
        var body = random.Next(2) == 0 ? plain : Encoding.UTF8.GetBytes("{\"encrypt\":" + RawJson.String(FeishuCrypto.Encrypt(SmallFindingsTests.FeishuKey, json)) + "}");
        return FeishuSigned("feishu.message", body);
    }

    private FuzzRequest FeishuMalformed() => random.Next(4) switch
    {
        0 => FeishuSigned("feishu.malformed", Encoding.UTF8.GetBytes(WrongShape())),
        1 => FeishuSigned("feishu.malformed", Encoding.UTF8.GetBytes("{\"encrypt\":" + RawJson.String(Text()) + "}")),
        2 => FeishuSigned("feishu.malformed", Encoding.UTF8.GetBytes("{\"type\":\"url_verification\",\"token\":\"" + SmallFindingsTests.FeishuToken + "\",\"challenge\":" + RawJson.String(Text()) + "}")),
        _ => new FuzzRequest("feishu.malformed", HttpMethod.Post, "/channels/feishu", Encoding.UTF8.GetBytes(WrongShape()), "application/json",
            [("X-Lark-Request-Timestamp", random.Next(2) == 0 ? "99999999999999999999" : "-1"), ("X-Lark-Request-Nonce", "n"), ("X-Lark-Signature", "00")]),
    };

    private FuzzRequest FeishuSigned(string kind, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = "fuzz" + next;
        return new FuzzRequest(kind, HttpMethod.Post, "/channels/feishu", body, "application/json",
            [("X-Lark-Request-Timestamp", timestamp), ("X-Lark-Request-Nonce", nonce), ("X-Lark-Signature", FeishuCrypto.Sign(timestamp, nonce, SmallFindingsTests.FeishuKey, body))]);
    }

    private FuzzRequest DingTalkMessage()
    {
        var staff = random.Next(2) == 0 ? $"dt-user-{random.Next(VendorSenders)}" : $"dt-stranger-{random.Next(50)}";
        var createAt = random.Next(5) switch
        {
            0 => "253402300799998",
            1 => "-5",
            _ => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        var msgType = random.Next(6) == 0 ? "audio" : "text";
        var payload = msgType == "text"
            ? "\"text\":{\"content\":" + RawJson.String(Text()) + "}"
            : "\"content\":" + (random.Next(2) == 0 ? RawJson.String(RawJson.Object(("recognition", Text()))) : RawJson.Object(("recognition", Text())));
        var json = "{\"conversationId\":\"cid" + staff + "\",\"conversationType\":\"1\",\"msgId\":\"fuzz-dt-" + next + "\",\"msgtype\":\"" + msgType + "\"," + payload
            + ",\"createAt\":" + createAt + ",\"senderStaffId\":" + RawJson.String(staff) + ",\"sessionWebhook\":" + RawJson.String(new Uri(vendorApi, "/robot/sendBySession?session=fuzz" + next).ToString())
            + ",\"sessionWebhookExpiredTime\":" + DateTimeOffset.UtcNow.AddMinutes(90).ToUnixTimeMilliseconds() + "}";
        return DingTalkSigned("dingtalk.message", Encoding.UTF8.GetBytes(json));
    }

    private FuzzRequest DingTalkMalformed() => random.Next(3) switch
    {
        0 => DingTalkSigned("dingtalk.malformed", Encoding.UTF8.GetBytes(WrongShape())),
        1 => DingTalkSigned("dingtalk.malformed", Encoding.UTF8.GetBytes("{\"msgId\":\"m\",\"conversationId\":\"c\",\"senderStaffId\":\"s\",\"sessionWebhook\":"
            + RawJson.String(random.Next(2) == 0 ? "http://169.254.169.254/" : Text()) + ",\"sessionWebhookExpiredTime\":" + (random.Next(2) == 0 ? "9223372036854775807" : "-9223372036854775808") + "}")),
        _ => new FuzzRequest("dingtalk.malformed", HttpMethod.Post, "/channels/dingtalk", Encoding.UTF8.GetBytes(WrongShape()), "application/json",
            [("timestamp", random.Next(2) == 0 ? "99999999999999999999" : new string((char)random.Next(0x21, 0x7F), random.Next(1, 40))), ("sign", "AAAA")]),
    };

    private static FuzzRequest DingTalkSigned(string kind, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return new FuzzRequest(kind, HttpMethod.Post, "/channels/dingtalk", body, "application/json",
            [("timestamp", timestamp), ("sign", DingTalkSignature.Compute(DingTalkSecret, timestamp))]);
    }

    private FuzzRequest WeComMessage()
    {
        var user = random.Next(2) == 0 ? $"wc-user-{random.Next(VendorSenders)}" : $"wc-stranger-{random.Next(50)}";
        // CDATA cannot hold "]]>" and XML cannot hold most control characters or lone surrogates: such text cannot come from WeCom.
        var text = new string([.. Text().Where(c => c >= ' ' && !char.IsSurrogate(c))]).Replace("]]>", "", StringComparison.Ordinal);
        var xml = WeComRequests.TextMessage(user, text, (9_000_000_000L + next).ToString(CultureInfo.InvariantCulture));
        using var request = WeComRequests.Post(WeComRequests.Crypto.Encrypt(xml));
        return new FuzzRequest("wecom.message", HttpMethod.Post, request.RequestUri!.ToString(), request.Content!.ReadAsByteArrayAsync().Result, "text/xml");
    }

    private FuzzRequest WeComMalformed()
    {
        var timestamp = WeComRequests.Now();
        return random.Next(5) switch
        {
            0 => new FuzzRequest("wecom.malformed", HttpMethod.Get, $"/channels/wecom?msg_signature=00&timestamp={timestamp}&nonce=1&echostr={Uri.EscapeDataString(Text())}"),
            1 => new FuzzRequest("wecom.malformed", HttpMethod.Get, "/channels/wecom?echostr=" + Uri.EscapeDataString(WeComRequests.Crypto.Encrypt(Text()))),
            2 => Signed(WeComRequests.Crypto.Encrypt(WrongShape())),
            3 => Signed(Convert.ToBase64String(Encoding.UTF8.GetBytes(Text()))),
            _ => new FuzzRequest("wecom.malformed", HttpMethod.Post, $"/channels/wecom?msg_signature={Uri.EscapeDataString(Text())}&timestamp={Uri.EscapeDataString(Text())}&nonce=",
                Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "<xml><Encrypt><![CDATA[" + Text() + "]]></Encrypt>" : "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><xml>&b;</xml>"), "text/xml"),
        };

        FuzzRequest Signed(string encrypted)
        {
            using var request = WeComRequests.Post(encrypted, timestamp);
            return new FuzzRequest("wecom.malformed", HttpMethod.Post, request.RequestUri!.ToString(), request.Content!.ReadAsByteArrayAsync().Result, "text/xml");
        }
    }

    /// <summary>A request at any endpoint with a wrong method, a wrong content type, or a body far over every limit.</summary>
    private FuzzRequest Misdirected()
    {
        var path = Endpoints[random.Next(Endpoints.Length)];
        return random.Next(6) switch
        {
            0 => new FuzzRequest("misdirected.method", random.Next(2) == 0 ? HttpMethod.Put : HttpMethod.Delete, path, Encoding.UTF8.GetBytes("{}"), "application/json"),
            1 => new FuzzRequest("misdirected.method", HttpMethod.Get, path),
            2 => new FuzzRequest("misdirected.type", HttpMethod.Post, path, Encoding.UTF8.GetBytes(WrongShape()),
                random.Next(4) switch { 0 => "text/plain", 1 => "multipart/form-data; boundary=x", 2 => "application/x-www-form-urlencoded", _ => "x/y;;;charset=\"" }, Cookie()),
            3 => new FuzzRequest("misdirected.type", HttpMethod.Post, path, Encoding.UTF8.GetBytes(WrongShape()), null, Cookie()),
            4 => new FuzzRequest("misdirected.huge", HttpMethod.Post, path, Huge(random.Next(2) == 0 ? 70 * 1024 : 2 * 1024 * 1024), "application/json", Cookie(), Huge: true),
            _ => new FuzzRequest("misdirected.path", HttpMethod.Get, "/" + Uri.EscapeDataString(Short(80))),
        };
    }

    private byte[] Huge(int size)
    {
        var json = new StringBuilder("{\"text\":\"", size + 16);
        while (json.Length < size)
        {
            json.Append(Text().Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal));
        }

        return Encoding.UTF8.GetBytes(json.Append("\"}").ToString());
    }

    private string WrongShape() => random.Next(16) switch
    {
        0 => "",
        1 => "null",
        2 => "[]",
        3 => "123",
        4 => "\"text\"",
        5 => "{",
        6 => "{\"text\":123,\"clientMessageId\":[],\"type\":{}}",
        7 => "{\"text\":{\"a\":1},\"code\":1.5e308}",
        8 => new string('[', 5000) + new string(']', 5000),
        9 => "{\"text\":\"\\ud800\",\"clientMessageId\":\"\\udfff\",\"code\":\"\\ud800\"}",
        10 => "\ufeff{\"text\":\"帮助\",\"clientMessageId\":\"bom\"}",
        11 => "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 201),
        12 => "{\"text\":\"a\",\"text\":\"b\",\"clientMessageId\":\"dup\"}",
        13 => Encoding.Latin1.GetString([0xFF, 0xFE, 0x00, 0x7B, 0xC3]),
        14 => "<xml><a>1</a></xml>",
        _ => RawJson.Object(("text", Text()), ("clientMessageId", new string('x', random.Next(90, 120)))),
    };

    private FuzzRequest Json(string kind, string path, string body, IReadOnlyList<(string, string)>? headers = null) =>
        new(kind, HttpMethod.Post, path, Encoding.UTF8.GetBytes(body), "application/json", headers);
}
