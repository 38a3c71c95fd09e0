using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// Turns that arrive while the host still warms up (the knowledge index, the second opinion's models), over real HTTP on
/// Kestrel. The warm-up is held by a corpus document that is a named pipe (<see cref="HeldCorpus"/>): it holds the index's
/// lock for exactly as long as the test says, as a warm-up starved of CPU did in round 22's CI (secretary journey, turn 4
/// answered with the failure text). Before round 23 such a turn waited on the index's lock inside its 20 s budget and
/// was answered <see cref="IsolatedTurnPipeline.FailureText"/>.
/// </summary>
public sealed class WarmupTurnTests
{
    private const string PolicyQuestion = "党员人数不足3人的单位怎么建立党组织";

    /// <summary>The reply a turn gets when the warm-up outlasts the wait (Turns:StartupWait); the turn did not run.</summary>
    private const string Starting = "正在启动";

    [Fact]
    public async Task A_turn_sent_while_the_warm_up_holds_the_index_is_told_to_wait_not_that_it_failed_and_runs_when_sent_again()
    {
        if (!HeldCorpus.Supported)
        {
            return;
        }

        using var corpus = new HeldCorpus();
        using var host = new BotHost(new() { ["Knowledge:Corpus"] = corpus.Folder, ["Turns:StartupWait"] = "00:00:02" }, kestrel: true);
        try
        {
            using var http = await SignedInAsync(host, "u_zhang");
            var records = host.RecordCount;

            var (reply, resendAfter) = await SayRawAsync(http, PolicyQuestion, "w1");

            // The page is told the message was not handled and when to send it again (it does, with the same id).
            Assert.Equal(10, resendAfter);
            Assert.DoesNotContain(IsolatedTurnPipeline.FailureText, reply, StringComparison.Ordinal);
            Assert.Contains(Starting, reply, StringComparison.Ordinal);
            Assert.Equal(records, host.RecordCount);
            var (status, body) = await ReadyzAsync(http);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("knowledge", body.GetProperty("warming").EnumerateArray().Select(e => e.GetString()));

            corpus.Release();
            await WaitUntilReadyAsync(http);

            // The same client message id: the first try was not handled, so this one is, with the real answer.
            var (again, resendAgain) = await SayRawAsync(http, PolicyQuestion, "w1");
            Assert.Null(resendAgain);
            Assert.DoesNotContain(IsolatedTurnPipeline.FailureText, again, StringComparison.Ordinal);
            Assert.DoesNotContain(Starting, again, StringComparison.Ordinal);
            Assert.Contains("《", again, StringComparison.Ordinal);
        }
        finally
        {
            corpus.Release();
        }
    }

    [Fact]
    public async Task A_turn_that_arrives_during_the_warm_up_waits_for_it_and_gets_the_real_answer_outside_its_budget()
    {
        if (!HeldCorpus.Supported)
        {
            return;
        }

        using var corpus = new HeldCorpus();

        // A budget shorter than the warm-up: the wait for the warm-up is not charged to it.
        using var host = new BotHost(new() { ["Knowledge:Corpus"] = corpus.Folder, ["Turns:Budget"] = "00:00:05" }, kestrel: true);
        try
        {
            using var http = await SignedInAsync(host, "u_zhang");
            var turn = SayAsync(http, PolicyQuestion, "w2");

            // The turn is waiting once /readyz counts it (bounded: a host that never counts it fails the test here).
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                var (status, body) = await ReadyzAsync(http);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                if (body.GetProperty("waitingTurns").GetInt32() == 1)
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, "the turn was never seen waiting for the warm-up");
                await Task.Delay(50);
            }

            // Held past the turn's budget, then released.
            await Task.Delay(TimeSpan.FromSeconds(6));
            corpus.Release();
            var reply = await turn;

            Assert.DoesNotContain(IsolatedTurnPipeline.FailureText, reply, StringComparison.Ordinal);
            Assert.DoesNotContain(Starting, reply, StringComparison.Ordinal);
            Assert.Contains("《", reply, StringComparison.Ordinal);
        }
        finally
        {
            corpus.Release();
        }
    }

    [Fact]
    public async Task A_confirmation_pending_before_a_restart_is_still_pending_after_a_turn_told_to_wait()
    {
        if (!HeldCorpus.Supported)
        {
            return;
        }

        using var corpus = new HeldCorpus();
        corpus.Release();
        var first = new BotHost(new() { ["Knowledge:Corpus"] = corpus.Folder, ["Turns:StartupWait"] = "00:00:02" }, kestrel: true);
        BotHost? host = null;
        try
        {
            using (var http = await SignedInAsync(first, "u_zhang"))
            {
                await WaitUntilReadyAsync(http);
                Assert.Contains("回复 1 确认", await SayAsync(http, "今天走访了云起科技", "p1"), StringComparison.Ordinal);
            }

            // A restart under load: the new host's warm-up is held while the user answers the question.
            corpus.Hold();
            host = first.Restart();
            var records = host.RecordCount;
            using var again = await SignedInAsync(host, "u_zhang");

            Assert.Contains(Starting, await SayAsync(again, "1", "p2"), StringComparison.Ordinal);
            Assert.Equal(records, host.RecordCount);

            corpus.Release();
            await WaitUntilReadyAsync(again);
            var confirmed = await SayAsync(again, "1", "p3");
            Assert.Contains("已记录", confirmed, StringComparison.Ordinal);
            Assert.Contains("深圳市云启科技有限公司", confirmed, StringComparison.Ordinal);
            Assert.Equal(records + 1, host.RecordCount);
        }
        finally
        {
            corpus.Release();
            (host ?? first).Dispose();
        }
    }

    private static async Task<HttpClient> SignedInAsync(BotHost host, string userId)
    {
        var cookie = await host.SessionCookieAsync(userId);
        var http = host.Http();
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        http.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
        return http;
    }

    private static async Task<string> SayAsync(HttpClient http, string text, string clientMessageId) =>
        (await SayRawAsync(http, text, clientMessageId)).Text;

    private static async Task<(string Text, int? RetryAfterSeconds)> SayRawAsync(HttpClient http, string text, string clientMessageId)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/webchat/messages", UriKind.Relative), new { text, clientMessageId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        var replies = string.Join("\n", root.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
        return (replies, root.TryGetProperty("retryAfterSeconds", out var retry) ? retry.GetInt32() : null);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyzAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task WaitUntilReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await ReadyzAsync(http)).Status != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the host was not ready within 3 minutes of its warm-up being released");
            await Task.Delay(100);
        }
    }
}
