using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Coordination;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InstructorBot.Bot.Tests.Coordination;

/// <summary>The scheduler in the real host (Program's wiring) on a fake clock: it runs at startup, and the web chat shows its message.</summary>
public sealed class SchedulerHostTests
{
    [Fact]
    public async Task The_host_s_scheduler_sends_the_week_s_reminder_which_the_web_chat_shows_without_a_question_and_once_after_a_restart()
    {
        // The next Monday 09:00 in China from the real day: the web chat's sign-in cookie expires by the test client's real clock.
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
        var clock = new FakeTimeProvider(new DateTimeOffset(monday.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        var week = NoticeComposer.WeekOf(monday);
        var settings = new Dictionary<string, string?> { ["Scheduler:Enabled"] = "true" };
        var host = new BotHost(settings, services: s => s.AddSingleton<TimeProvider>(clock));
        try
        {
            var log = host.Services.GetRequiredService<NoticeLog>();
            // The host started before the test imported the users: its first run found no one, the next run (one interval on) sends.
            await WaitUntil(clock, () => log.IsClaimed("u_liu", NoticeKinds.VisitReminder, week) && log.Of("u_liu").All(n => n.State == NoticeState.Sent));

            var history = await WebHistoryAsync(host, "u_liu");
            var entry = Assert.Single(history);
            Assert.False(entry.GetProperty("fromUser").GetBoolean());
            Assert.StartsWith("【每周提醒】刘洋，布吉街道本周待办：", entry.GetProperty("text").GetString(), StringComparison.Ordinal);

            host = host.Restart();
            var again = host.Services.GetRequiredService<ProactiveScheduler>();
            Assert.Equal(0, await again.RunOnceAsync(default));
            Assert.Single(host.Services.GetRequiredService<TurnLog>().History("web", "u_liu", 50));
        }
        finally
        {
            host.Dispose();
        }
    }

    private static async Task<List<JsonElement>> WebHistoryAsync(BotHost host, string userId)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
        var signIn = await client.PostAsJsonAsync("/api/webchat/signin", new { code = await host.IssueCodeAsync(userId) });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/webchat/history", UriKind.Relative)));
        return [.. body.RootElement.GetProperty("messages").EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Moves the fake clock one scheduler interval a second (the scheduler's wait ends only when it moves) until the condition holds.</summary>
    private static async Task WaitUntil(FakeTimeProvider clock, Func<bool> condition)
    {
        var started = DateTime.UtcNow;
        var advanced = 0;
        while (!condition())
        {
            var elapsed = DateTime.UtcNow - started;
            Assert.True(elapsed < TimeSpan.FromSeconds(20), "the scheduler did not send within 20 s");
            if (elapsed > TimeSpan.FromSeconds(advanced))
            {
                clock.Advance(new SchedulerOptions().Interval);
                advanced++;
            }

            await Task.Delay(50);
        }
    }
}
