using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Playwright;

namespace InstructorBot.Bot.Tests.WebChat;

/// <summary>
/// The web chat page in real Chromium while the host is still starting: a message sent then is not handled (the server says
/// so, with a delay), so the page keeps it pending, tells the sender once, and sends it again with the same id by itself;
/// messages typed meanwhile wait behind it. The warm-up is held by a named-pipe corpus document (<see cref="HeldCorpus"/>).
/// Before round 24 the page showed the server's "send it again in a minute" and dropped the message.
/// </summary>
public sealed class WebChatStartingTests : IAsyncLifetime
{
    private const string PolicyQuestion = "党员人数不足3人的单位怎么建立党组织";

    private readonly HeldCorpus corpus = new();
    private BotHost host = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        host = new BotHost(new() { ["Knowledge:Corpus"] = corpus.Folder, ["Turns:StartupWait"] = "00:00:01" }, kestrel: true);
        playwright = await Playwright.CreateAsync();
        browser = await PhoneBrowser.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        corpus.Release();
        await browser.DisposeAsync();
        playwright.Dispose();
        host.Dispose();
        corpus.Dispose();
    }

    [Fact]
    public async Task A_message_sent_while_the_host_starts_stays_pending_and_is_sent_again_by_the_page_once_it_is_ready()
    {
        if (!HeldCorpus.Supported)
        {
            return;
        }

        var page = await PhoneBrowser.NewPageAsync(browser);
        await page.GotoAsync(host.Address.ToString());
        await page.FillAsync("#code", await host.IssueCodeAsync("u_zhang"));
        await page.ClickAsync("#signin-button");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("张伟");
        var records = host.RecordCount;

        await SendAsync(page, PolicyQuestion);
        var bot = page.Locator(".bot .bubble");
        await Assertions.Expect(bot.Last).ToContainTextAsync("自动重新发送");
        await Assertions.Expect(page.Locator("li.me.pending")).ToHaveCountAsync(1);

        // Typed while the first waits: it goes after it, in the order typed.
        await SendAsync(page, "帮助");
        await Assertions.Expect(page.Locator("li.me.pending")).ToHaveCountAsync(2);

        corpus.Release();
        await Assertions.Expect(page.Locator("li.me.pending")).ToHaveCountAsync(0, new() { Timeout = 90_000 });
        var texts = await bot.AllInnerTextsAsync();

        // Told once (however many times it was sent before the host was ready), then the answer, then the help.
        Assert.Single(texts, t => t.Contains("自动重新发送", StringComparison.Ordinal));
        var answer = texts.ToList().FindIndex(t => t.Contains('《', StringComparison.Ordinal));
        Assert.True(answer >= 0, "the policy question was never answered: " + string.Join(" | ", texts));
        Assert.InRange(answer, texts.ToList().FindIndex(t => t.Contains("自动重新发送", StringComparison.Ordinal)) + 1, texts.Count - 2);
        Assert.DoesNotContain("正在启动", texts[^1], StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator(".me .bubble").CountAsync());
        Assert.Equal(records, host.RecordCount);

        // The server saw each message handled once: after a reload the history holds the two, once each.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".me .bubble")).ToHaveTextAsync([PolicyQuestion, "帮助"]);
    }

    private static async Task SendAsync(IPage page, string text)
    {
        await page.FillAsync("#text", text);
        await page.PressAsync("#text", "Enter");
    }
}
