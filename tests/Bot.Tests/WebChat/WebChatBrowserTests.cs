using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Playwright;

namespace InstructorBot.Bot.Tests.WebChat;

/// <summary>The web chat page in real Chromium (Debian's /usr/bin/chromium, headless) against the host on a Kestrel loopback port.</summary>
public sealed class WebChatBrowserTests : IAsyncLifetime
{
    private readonly BotHost host = new(kestrel: true);
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        // A cold host's first turn (the understanding's caches, the second opinion) takes seconds on a busy CI machine.
        Assertions.SetDefaultExpectTimeout(30_000);
        playwright = await Playwright.CreateAsync();
        browser = await PhoneBrowser.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        host.Dispose();
    }

    [Fact]
    public async Task A_phone_user_signs_in_reports_picks_a_candidate_button_and_undoes_in_Chromium()
    {
        var page = await PhoneBrowser.NewPageAsync(browser);
        await page.GotoAsync(host.Address.ToString());

        await page.FillAsync("#code", await host.IssueCodeAsync("u_zhang"));
        await page.ClickAsync("#signin-button");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("张伟");

        await SendAsync(page, "今天走访了云启科技，发现2名党员");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("已记录");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("2 名党员");

        await SendAsync(page, "今天走访了华鼎");
        var candidates = page.Locator("#quick button");
        await Assertions.Expect(candidates).ToHaveCountAsync(2);
        var chosen = (await candidates.First.InnerTextAsync())[3..];
        await candidates.First.ClickAsync();
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("已记录");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync(chosen);
        Assert.Contains(host.Store.RecordsBy("u_zhang"), r => r is Visit v && v.OrganizationId == host.Organization(chosen).Id);

        await SendAsync(page, "撤销");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("已撤销");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "instructorbot-webchat.png"), FullPage = true });

        Assert.DoesNotContain(host.Store.RecordsBy("u_zhang"), r => r is Visit v && v.OrganizationId == host.Organization(chosen).Id);
        Assert.Contains(host.Store.RecordsBy("u_zhang"), r => r is MemberDiscovery { Count: 2 } d && d.OrganizationId == host.Organization("深圳市云启科技有限公司").Id);

        // The history comes back from the server after a reload.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".me .bubble").First).ToHaveTextAsync("今天走访了云启科技，发现2名党员");
    }

    /// <summary>Where the end-to-end test leaves its screenshots (docs/images/ has a copy for the README).</summary>
    public static string ArtifactFolder => Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    public async Task A_coordinator_on_a_phone_asks_for_a_chart_and_sees_it_in_the_chat()
    {
        var page = await PhoneBrowser.NewPageAsync(browser);
        await page.GotoAsync(host.Address.ToString());
        await page.FillAsync("#code", await host.IssueCodeAsync("u_wang"));
        await page.ClickAsync("#signin-button");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("王强");

        await SendAsync(page, "各街道覆盖率画个图");
        var chart = page.Locator(".bot .bubble img").Last;
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("各街道党的组织覆盖率");
        await Assertions.Expect(chart).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("龙岗区 各街道党的组织覆盖率"));

        // The image loaded (not the broken-image box) and fits the phone's width.
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.bot .bubble img'); return i && i.complete && i.naturalWidth > 0; }");
        var size = await chart.EvaluateAsync<int[]>("i => [i.naturalWidth, i.naturalHeight, Math.round(i.getBoundingClientRect().width)]");
        Assert.Equal(800, size[0]);
        Assert.Equal(500, size[1]);
        Assert.InRange(size[2], 200, 390);

        Directory.CreateDirectory(ArtifactFolder);
        await chart.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactFolder, "webchat-chart-phone.png") });
    }

    private static async Task SendAsync(IPage page, string text)
    {
        await page.FillAsync("#text", text);
        await page.PressAsync("#text", "Enter");
    }
}
