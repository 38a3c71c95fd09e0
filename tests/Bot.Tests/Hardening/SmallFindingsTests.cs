using System.Globalization;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using InstructorBot.Bot.Channels.Feishu;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Tests.Channels;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Bot.Tests.Understanding;
using InstructorBot.Store;

namespace InstructorBot.Bot.Tests.Hardening;

/// <summary>Issue 10, item 8, the runtime ones: each of these answered 500, aborted a batch, or sent a relative link.</summary>
public sealed class SmallFindingsTests
{
    internal const string FeishuToken = "feishu-hardening-token";
    internal const string FeishuKey = "feishu-hardening-key";

    internal static Dictionary<string, string?> FeishuSettings(Uri api) => new()
    {
        ["Channels:Feishu:VerificationToken"] = FeishuToken,
        ["Channels:Feishu:EncryptKey"] = FeishuKey,
        ["Channels:Feishu:AppId"] = "cli_hardening",
        ["Channels:Feishu:AppSecret"] = "hardening-app-secret",
        ["Channels:Feishu:ApiBaseUrl"] = api.ToString(),
    };

    /// <summary>A plain (unencrypted) 2.0 message event as raw UTF-8, with <paramref name="messageId"/> and <paramref name="contentJson"/> spliced in as they are.</summary>
    internal static byte[] FeishuEvent(string eventId, string messageId, string contentJson, byte[]? rawInText = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var head = $$"""{"schema":"2.0","header":{"event_id":"{{eventId}}","token":"{{FeishuToken}}","create_time":"{{now}}","event_type":"im.message.receive_v1"},"event":{"sender":{"sender_id":{"user_id":"fs-zhang","open_id":"ou_zhang"},"sender_type":"user"},"message":{"message_id":"{{messageId}}","create_time":"{{now}}","chat_id":"oc_zhang","chat_type":"p2p","message_type":"text","content":"{{contentJson}}""";
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(head));
        bytes.AddRange(rawInText ?? []);
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}}}"));
        return [.. bytes];
    }

    internal static async Task<HttpStatusCode> PostSignedFeishuAsync(HttpClient http, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string nonce = "hardening-nonce";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/channels/feishu", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Lark-Request-Timestamp", timestamp);
        request.Headers.Add("X-Lark-Request-Nonce", nonce);
        request.Headers.Add("X-Lark-Signature", FeishuCrypto.Sign(timestamp, nonce, FeishuKey, body));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Feishu_answers_correctly_signed_events_with_lone_surrogates_or_invalid_UTF8_without_a_500_and_replies_to_the_text()
    {
        await using var api = await LoopbackVendorApi.StartAsync();
        using var host = new BotHost(FeishuSettings(api.BaseUrl), kestrel: true);
        host.Bind("feishu", "fs-zhang", "u_zhang");
        using var http = host.Http();

        var statuses = new List<HttpStatusCode>
        {
            // A lone surrogate escaped inside the message's content (a JSON string holding JSON).
            await PostSignedFeishuAsync(http, FeishuEvent("ev-h1", "om_h1", """{\"text\":\"今天走访了\\ud800云启科技\"}""")),
            // A lone surrogate in the event id, at the top level.
            await PostSignedFeishuAsync(http, FeishuEvent("ev-h2\\udc00", "om_h2", """{\"text\":\"帮助\"}""")),
            // Bytes that are not UTF-8 inside the content's text.
            await PostSignedFeishuAsync(http, FeishuEvent("ev-h3", "om_h3", """{\"text\":\"帮助""", [0xFF, 0xFE, 0xC3, (byte)'\\', (byte)'"', (byte)'}'])),
            // A url_verification challenge that is not valid Unicode.
            await PostSignedFeishuAsync(http, Encoding.UTF8.GetBytes($$"""{"type":"url_verification","token":"{{FeishuToken}}","challenge":"c\udbff"}""")),
        };
        var replies = await api.WaitForAsync("/open-apis/im/v1/messages/", 3, TimeSpan.FromSeconds(30));

        Assert.All(statuses, s => Assert.True((int)s < 500, $"status {(int)s}"));
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(replies, r => r.Path.Contains("om_h1", StringComparison.Ordinal));
        Assert.True(await host.IsHealthyAsync());
    }

    [Fact]
    public async Task A_Bot_Framework_export_carries_an_absolute_http_content_url()
    {
        using var host = new BotHost(kestrel: true);
        host.Bind("botframework", "bf-wang", "u_wang");
        using var http = host.Http();

        using var response = await http.PostAsync(
            new Uri("/api/messages", UriKind.Relative), JsonContent.Create(BotFrameworkClient.Message("bf-wang", "坂田街道的台账导出来发给我")));
        var activities = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
        var url = activities.Select(a => a!["attachments"]?[0]?["contentUrl"]?.GetValue<string>()).Single(u => u is not null)!;

        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var absolute), url);
        Assert.Equal(Uri.UriSchemeHttp, absolute.Scheme);
        Assert.Equal(host.Address.Port, absolute.Port);
        Assert.StartsWith("/api/", absolute.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Understand_batch_reports_a_line_it_cannot_understand_and_goes_on_with_the_rest()
    {
        var folder = Directory.CreateTempSubdirectory("understand-hardening-").FullName;
        try
        {
            var database = Path.Combine(folder, "bot.db");
            using (var store = InstructorStore.Open(database))
            {
                await store.ImportLedgerAsync(FixtureLedger.DataFile("ledger.csv"));
                await store.ImportUsersAsync(FixtureLedger.DataFile("users.csv"));
            }

            var batch = Path.Combine(folder, "batch.jsonl");
            await File.WriteAllLinesAsync(batch, [
                """{"id":"surrogate","user":"u_zhang","now":"2026-11-18T15:30:00+08:00","text":"今天走访了\ud800云启科技"}""",
                """{"id":"late","user":"u_zhang","now":"9999-12-31T23:59:59+00:00","text":"昨天走访了云启科技"}""",
                """{"id":"early","user":"u_zhang","now":"0001-01-01T00:00:00+00:00","text":"上周五走访了云启科技"}""",
                """{"id":"fine","user":"u_zhang","now":"2026-11-18T15:30:00+08:00","text":"今天走访了云启科技"}""",
            ]);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var code = await CliApp.RunAsync(["understand", "--db", database, "--batch", batch], stdout, stderr);

            var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
            Assert.Equal(0, code);
            Assert.Equal(["surrogate", "late", "early", "fine"], lines.Select(l => (string)l["id"]!));
            Assert.All(lines, l => Assert.True(l.ContainsKey("actions") || l.ContainsKey("error"), l.ToJsonString()));
            Assert.Equal("visit", (string)lines[3]["actions"]![0]!["kind"]!);
            Assert.Equal("2026-11-18", (string)lines[3]["actions"]![0]!["date"]!);
            Assert.DoesNotContain(" at ", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
