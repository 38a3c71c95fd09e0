using InstructorBot.Bot.Coordination;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace InstructorBot.Bot.Tests.WebChat;

/// <summary>
/// The coordinator's reporting-day digest, sent by the host's own scheduler on a fake clock, opened on a phone in real
/// Chromium: the text with its overdue 一企一策 and the coverage chart, loaded from the stored reply. The screenshot is
/// the README's (docs/images/webchat-digest-phone.png is a copy of the one in the test output's artifacts/).
/// </summary>
public sealed class DigestPhoneTests
{
    [Fact]
    public async Task A_coordinator_opens_the_web_chat_on_a_phone_and_sees_the_digest_with_its_chart()
    {
        // The next reporting day of the shipped calendar (003: the 10th and 25th) at 09:00 in China, from the real day:
        // the sign-in cookie's expiry is read by the browser's real clock.
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var calendar = new CampaignCalendar(CampaignCalendarOptions.Wuhan003(), today.Year);
        var day = today.AddDays(1);
        while (calendar.ReportingRuleOn(day) is null)
        {
            day = day.AddDays(1);
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        using var host = new BotHost(
            new Dictionary<string, string?> { ["Scheduler:Enabled"] = "true", ["Campaign:Calendar:Year"] = day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            kestrel: true, services: s => s.AddSingleton<TimeProvider>(clock));
        var overdue = day.AddDays(-3);
        await host.Store.RecordAsync("u_zhang", new FormationPlan
        {
            OrganizationId = host.Organization("深圳市优品连锁超市有限公司").Id, Date = day.AddDays(-20), Measures = "发展党员后单独组建", Due = overdue, Person = "张伟",
        });

        var log = host.Services.GetRequiredService<NoticeLog>();
        var period = NoticeComposer.DayPeriod(day);
        var started = DateTime.UtcNow;
        while (!(log.IsClaimed("u_wang", NoticeKinds.Digest, period) && log.Of("u_wang").All(n => n.State == NoticeState.Sent)))
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the scheduler did not send the digest within 30 s");
            clock.Advance(new SchedulerOptions().Interval); // the host's first run came before the test imported the users
            await Task.Delay(200);
        }

        Assertions.SetDefaultExpectTimeout(30_000);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PhoneBrowser.LaunchAsync(playwright);
        var page = await PhoneBrowser.NewPageAsync(browser);
        await page.GotoAsync(host.Address.ToString());
        await page.FillAsync("#code", await host.IssueCodeAsync("u_wang"));
        await page.ClickAsync("#signin-button");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("王强");

        var digest = page.Locator(".bot .bubble").Last;
        await Assertions.Expect(digest).ToContainTextAsync("【报送日汇总】龙岗区");
        await Assertions.Expect(digest).ToContainTextAsync($"逾期一企一策 1 个：深圳市优品连锁超市有限公司（时限 {overdue.Month}月{overdue.Day}日，已逾期 3 天，责任人 张伟）");
        var chart = digest.Locator("img");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.bot .bubble img'); return i && i.complete && i.naturalWidth > 0; }");
        var size = await chart.EvaluateAsync<int[]>("i => [i.naturalWidth, i.naturalHeight, Math.round(i.getBoundingClientRect().width)]");
        Assert.Equal((800, 500), (size[0], size[1]));
        Assert.InRange(size[2], 200, 390);

        Directory.CreateDirectory(WebChatBrowserTests.ArtifactFolder);
        // The chat scrolls inside the page: the chart and the digest's last lines in view.
        await chart.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebChatBrowserTests.ArtifactFolder, "webchat-digest-phone.png") });
    }
}
