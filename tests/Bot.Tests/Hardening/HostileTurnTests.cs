using System.Net;
using System.Text.Json;
using System.Text;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Hardening;

/// <summary>
/// Issue 10 "Done when", turn level: every message of the hostile list, through the web chat and through Bot Framework,
/// to one host over real HTTP: each is answered (a reply, or a 4xx the client can show), none with a 5xx, and the host
/// still answers afterwards.
/// </summary>
public sealed class HostileTurnTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_host_answers_every_hostile_message_on_the_web_chat_and_Bot_Framework_and_keeps_serving()
    {
        using var host = new BotHost(kestrel: true);
        host.Bind("botframework", "bf-zhang", "u_zhang");
        using var web = await TurnIsolationTests.SignedInAsync(host, "u_zhang");
        using var bot = host.Http();
        var apologies = new List<string>();
        var n = 0;

        foreach (var text in HostileMessages.Fixed.Concat(HostileMessages.Random(20261205, 60)))
        {
            n++;
            var body = RawJson.Object(("text", text), ("clientMessageId", $"hostile-{n}"));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var webResponse = await web.PostAsync(new Uri("/api/webchat/messages", UriKind.Relative), Json(body));
            if (clock.ElapsedMilliseconds > 150)
            {
                output.WriteLine($"slow #{n} {clock.ElapsedMilliseconds} ms: {(text.Length > 30 ? text[..30] : text)} ({text.Length} chars)");
            }

            var webBody = await webResponse.Content.ReadAsStringAsync();
            Assert.True((int)webResponse.StatusCode < 500, $"web chat {(int)webResponse.StatusCode} for message {n}: {webBody}");
            if (webResponse.StatusCode == HttpStatusCode.OK)
            {
                var replies = JsonDocument.Parse(webBody).RootElement.GetProperty("replies");
                Assert.True(replies.GetArrayLength() > 0, $"no reply to message {n}");
                Collect(apologies, n, replies.EnumerateArray().Select(r => r.GetProperty("text").GetString()));
            }
            else
            {
                Assert.Contains("\"detail\"", webBody, StringComparison.Ordinal);
            }

            var activity = "{\"type\":\"message\",\"id\":\"hostile-bf-" + n + "\",\"timestamp\":\"2026-11-18T07:30:00Z\",\"serviceUrl\":\"http://127.0.0.1:9/\","
                + "\"channelId\":\"emulator\",\"from\":{\"id\":\"bf-zhang\"},\"conversation\":{\"id\":\"conv-bf-zhang\"},\"recipient\":{\"id\":\"bot\"},"
                + "\"deliveryMode\":\"expectReplies\",\"text\":" + RawJson.String(text) + "}";
            using var botResponse = await bot.PostAsync(new Uri("/api/messages", UriKind.Relative), Json(activity));
            var botBody = await botResponse.Content.ReadAsStringAsync();
            Assert.True((int)botResponse.StatusCode < 500, $"Bot Framework {(int)botResponse.StatusCode} for message {n}: {botBody}");
            if (botResponse.StatusCode == HttpStatusCode.OK)
            {
                var activities = JsonDocument.Parse(botBody).RootElement.GetProperty("activities");
                Assert.True(activities.GetArrayLength() > 0, $"no activity in reply to message {n}");
                Collect(apologies, n, activities.EnumerateArray().Select(a => a.GetProperty("text").GetString()));
            }
        }

        output.WriteLine($"{n} messages; turns that failed and were isolated: {apologies.Count} ({string.Join(", ", apologies)})");
        Assert.True(await host.IsHealthyAsync());
        // The parser handles every one of them: none even needed the isolation wall.
        Assert.Empty(apologies);
    }

    private static void Collect(List<string> apologies, int n, IEnumerable<string?> texts)
    {
        if (texts.Any(t => t == IsolatedTurnPipeline.FailureText))
        {
            apologies.Add($"#{n}");
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
