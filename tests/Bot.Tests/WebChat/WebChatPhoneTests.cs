using System.Net.Http.Json;
using System.Text.Json;
using InstructorBot.Bot.Channels.WebChat;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace InstructorBot.Bot.Tests.WebChat;

/// <summary>
/// The web chat on a phone (390×844, touch, zh-CN) in real Chromium against the real host on a Kestrel loopback port,
/// over the fixture ledger: each behaviour a phone user expects, with a screenshot in TestResults/webchat/.
/// </summary>
public sealed class WebChatPhoneTests : IAsyncLifetime
{
    private readonly BotHost host;
    private HeldTurns held = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public WebChatPhoneTests()
    {
        host = new BotHost(kestrel: true, services: services => services.AddSingleton<ITurnPipeline>(provider => held = new HeldTurns(
            new IsolatedTurnPipeline(
                provider.GetRequiredKeyedService<ITurnPipeline>(IsolatedTurnPipeline.InnerKey),
                provider.GetRequiredService<IOptions<TurnOptions>>(),
                provider.GetRequiredService<ILogger<IsolatedTurnPipeline>>()))));
        Assert.IsType<HeldTurns>(host.Services.GetRequiredService<ITurnPipeline>());

        // A cold host's first turn (the understanding's caches, the second opinion) takes seconds on a busy CI machine.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    public async Task InitializeAsync()
    {
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
    public async Task Messages_sent_while_a_reply_is_pending_show_a_typing_indicator_and_are_queued_and_sent_in_order()
    {
        var page = await SignedInPhoneAsync("u_zhang");
        held.Holding = true;

        await SendAsync(page, "今天走访了云启科技");
        await Assertions.Expect(page.Locator("#log .typing")).ToBeVisibleAsync();
        await SendAsync(page, "帮助");
        await SendAsync(page, "坂田街道覆盖率多少");

        await Assertions.Expect(page.Locator(".me.pending")).ToHaveCountAsync(3);
        Assert.Single(held.Received);
        await Screenshots.SaveAsync(page, "queue-typing");

        held.Release();
        await Assertions.Expect(page.Locator(".bot .bubble")).ToHaveCountAsync(4); // the greeting and three answers
        await Assertions.Expect(page.Locator("#log .typing")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".me.pending")).ToHaveCountAsync(0);
        Assert.Equal(["今天走访了云启科技", "帮助", "坂田街道覆盖率多少"], held.Received.ToArray());
        Assert.Equal(1, held.MostAtOnce);
        await Assertions.Expect(page.Locator(".bot .bubble").Nth(1)).ToContainTextAsync("已记录");
        await Assertions.Expect(page.Locator(".bot .bubble").Nth(3)).ToContainTextAsync("坂田街道");
        Assert.Single(host.Store.RecordsBy("u_zhang").OfType<Visit>());
    }

    [Fact]
    public async Task A_reply_taller_than_the_screen_is_shown_from_its_start()
    {
        var page = await SignedInPhoneAsync("u_wang");
        await SendAsync(page, "龙岗区应建未建名单");
        await Assertions.Expect(page.Locator(".bot .bubble")).ToHaveCountAsync(2);

        await SendAsync(page, "龙岗区各行业覆盖率");
        await Assertions.Expect(page.Locator(".bot .bubble")).ToHaveCountAsync(3);
        var reply = (await page.Locator(".bot .bubble").Nth(2).BoundingBoxAsync())!;
        var log = (await page.Locator("#log").BoundingBoxAsync())!;
        await Screenshots.SaveAsync(page, "scroll-start");

        Assert.True(reply.Height > log.Height, $"the reply ({reply.Height}px) must be taller than the view ({log.Height}px) for this test to mean anything");
        Assert.InRange(reply.Y, log.Y, log.Y + 24);
        await Assertions.Expect(page.Locator(".bot .bubble").Nth(2)).ToContainTextAsync("各行业组织覆盖率");
    }

    [Fact]
    public async Task The_composer_grows_with_its_text_counts_down_near_the_limit_and_keeps_focus_after_sending()
    {
        var page = await SignedInPhoneAsync("u_zhang");
        var composer = page.Locator("#text");
        var oneLine = (await composer.BoundingBoxAsync())!.Height;

        await composer.FillAsync(string.Concat(Enumerable.Repeat("今天走访了云启科技，发现2名党员，其中1名口袋党员。", 6)));
        var grown = (await composer.BoundingBoxAsync())!.Height;
        Assert.True(grown > oneLine * 2, $"the composer stayed {grown}px high (one line {oneLine}px)");
        await Assertions.Expect(page.Locator("#count")).ToBeHiddenAsync();

        await composer.FillAsync(new string('党', 1900));
        await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync("还可输入 100 字");
        await Screenshots.SaveAsync(page, "composer-grown");

        await composer.FillAsync("今天走访了云启科技");
        await composer.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("已记录");
        await Assertions.Expect(composer).ToHaveValueAsync("");
        await Assertions.Expect(composer).ToBeFocusedAsync();
        Assert.InRange((await composer.BoundingBoxAsync())!.Height, oneLine - 1, oneLine + 1);
    }

    [Fact]
    public async Task A_failed_send_shows_a_retry_on_its_bubble_the_next_message_waits_and_the_retry_records_once()
    {
        var page = await SignedInPhoneAsync("u_zhang");

        // The first delivery reaches the host and is recorded, but its answer is lost on the way back.
        var lost = 0;
        await page.RouteAsync("**/api/webchat/messages", async route =>
        {
            if (Interlocked.Increment(ref lost) == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });

        await SendAsync(page, "今天走访了云启科技，发现2名党员");
        var retry = page.Locator(".me.failed .retry");
        await Assertions.Expect(retry).ToBeVisibleAsync();
        await SendAsync(page, "帮助");
        await Assertions.Expect(page.Locator(".me.pending")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "retry");
        Assert.Single(held.Received);

        await retry.ClickAsync();
        await Assertions.Expect(page.Locator(".bot .bubble")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".me.failed")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".bot .bubble").Nth(1)).ToContainTextAsync("已记录");
        Assert.Equal(["今天走访了云启科技，发现2名党员", "今天走访了云启科技，发现2名党员", "帮助"], held.Received.ToArray());
        Assert.Single(host.Store.RecordsBy("u_zhang").OfType<MemberDiscovery>());
    }

    [Fact]
    public async Task An_expired_session_says_so_and_keeps_the_draft_for_after_signing_in_again()
    {
        var page = await SignedInPhoneAsync("u_zhang");
        await page.Context.ClearCookiesAsync();

        await SendAsync(page, "今天走访了云启科技，发现2名党员");
        await Assertions.Expect(page.Locator("#signin-notice")).ToContainTextAsync("登录已过期");
        await Screenshots.SaveAsync(page, "session-expired");
        Assert.Empty(host.Store.RecordsBy("u_zhang"));

        await page.FillAsync("#code", await host.IssueCodeAsync("u_zhang"));
        await page.ClickAsync("#signin-button");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("张伟");
        await Assertions.Expect(page.Locator("#text")).ToHaveValueAsync("今天走访了云启科技，发现2名党员");
        await page.PressAsync("#text", "Enter");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("已记录");
    }

    [Fact]
    public async Task A_file_card_downloads_the_export_and_an_expired_link_says_so_in_the_chat()
    {
        var page = await SignedInPhoneAsync("u_wang");
        await SendAsync(page, "坂田街道的台账导出来发给我");
        var card = page.Locator(".bot .card.file").Last;
        await Assertions.Expect(card).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => card.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var saved = await download.PathAsync();
        Assert.True(new FileInfo(saved).Length > 1000, "the workbook itself, not an error page");

        // The file behind the link goes away (as when its lifetime ends): the next tap says so in the chat.
        var token = (await card.GetAttributeAsync("href"))!.Split('/').Last();
        var files = host.Services.GetRequiredService<DownloadFiles>();
        DownloadFiles.Delete(files.Find(token, "u_wang")!);
        await card.ClickAsync();
        await Assertions.Expect(page.Locator(".bot .card.expired").Last).ToHaveTextAsync("（文件链接已过期，请重新导出）");
        await Screenshots.SaveAsync(page, "file-link-expired");
    }

    [Fact]
    public async Task Dark_mode_follows_the_phone_and_the_page_has_a_favicon_and_a_web_app_manifest()
    {
        var page = await SignedInPhoneAsync("u_zhang", ColorScheme.Dark);
        await SendAsync(page, "帮助");
        await Assertions.Expect(page.Locator(".bot .bubble")).ToHaveCountAsync(2);

        Assert.Equal("rgb(17, 17, 17)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(38, 38, 38)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.bot .bubble')).backgroundColor"));
        await Screenshots.SaveAsync(page, "dark-mode");

        var icon = await page.EvaluateAsync<string>("document.querySelector('link[rel=icon]').href");
        var manifest = await page.EvaluateAsync<string>("document.querySelector('link[rel=manifest]').href");
        using var client = new HttpClient();
        using var iconResponse = await client.GetAsync(new Uri(icon));
        Assert.Equal("image/svg+xml", iconResponse.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await iconResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri(manifest)));
        Assert.Equal("standalone", document.RootElement.GetProperty("display").GetString());
        Assert.Equal("/favicon.svg", document.RootElement.GetProperty("icons")[0].GetProperty("src").GetString());
        Assert.Equal("党建助手", document.RootElement.GetProperty("short_name").GetString());
    }

    [Fact]
    public async Task Sign_out_asks_for_confirmation_first_and_then_ends_the_session()
    {
        var page = await SignedInPhoneAsync("u_zhang");

        await page.ClickAsync("#signout");
        await Assertions.Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "signout-confirm");
        await page.ClickAsync("#confirm-cancel");
        await Assertions.Expect(page.Locator("#confirm")).ToBeHiddenAsync();
        Assert.Equal(200, await MeStatusAsync(page));

        await page.ClickAsync("#signout");
        await page.ClickAsync("#confirm-ok");
        await Assertions.Expect(page.Locator("#signin")).ToBeVisibleAsync();
        Assert.Equal(401, await MeStatusAsync(page));
    }

    [Fact]
    public async Task Answers_fold_their_citations_replies_carry_times_and_a_screen_reader_hears_who_speaks()
    {
        var page = await SignedInPhoneAsync("u_wang");
        await SendAsync(page, "联合组建有哪些方式");
        var answer = page.Locator(".bot .bubble").Nth(1);
        await Assertions.Expect(answer.Locator(".citations .label")).ToHaveTextAsync("出处");
        await Assertions.Expect(answer.Locator(".citations .source")).ToHaveCountAsync(2);
        await Assertions.Expect(answer.Locator(".citations .source").First).ToContainTextAsync("《“百日攻坚行动”实施方案》");
        var answerText = await answer.EvaluateAsync<string>("bubble => bubble.firstChild.textContent");
        Assert.Contains("联合党组织", answerText, StringComparison.Ordinal);
        Assert.DoesNotContain("出处", answerText, StringComparison.Ordinal);
        Assert.DoesNotContain("《", answerText, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "citations");

        await Assertions.Expect(page.Locator("#log .day").First).ToHaveTextAsync("今天");
        await Assertions.Expect(page.Locator(".me .time").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d\\d:\\d\\d$"));
        await Assertions.Expect(page.Locator(".me .sr").First).ToHaveTextAsync("我说：");
        await Assertions.Expect(page.Locator(".bot .sr").First).ToHaveTextAsync("助手说：");

        // After a reload the history keeps the day separator from the server's times.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#log .day").First).ToHaveTextAsync("今天");
        await Assertions.Expect(page.Locator(".bot .bubble").Nth(0).Locator(".citations .source")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_reply_that_says_what_to_send_offers_it_as_a_button_撤销_after_a_record_and_the_list_after_figures()
    {
        var page = await SignedInPhoneAsync("u_zhang");
        await SendAsync(page, "今天走访了云启科技，发现2名党员");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("已记录");
        var undo = page.Locator("#quick button", new PageLocatorOptions { HasTextString = "撤销" });
        await Assertions.Expect(undo).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "quick-undo");
        await undo.ClickAsync();
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("已撤销");
        Assert.Empty(host.Store.RecordsBy("u_zhang").OfType<MemberDiscovery>());

        await SendAsync(page, "坂田街道覆盖率多少");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("覆盖率");
        await page.Locator("#quick button", new PageLocatorOptions { HasTextString = "坂田街道应建未建名单" }).ClickAsync();
        await Assertions.Expect(page.Locator(".me .bubble").Last).ToHaveTextAsync("坂田街道应建未建名单");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("深圳市云启科技有限公司");
    }

    [Fact]
    public async Task A_help_example_tapped_fills_the_composer_for_editing_and_records_nothing_until_sent()
    {
        var page = await SignedInPhoneAsync("u_zhang");
        await SendAsync(page, "帮助");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("可以这样说");
        var example = page.Locator("#quick button.compose", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^今天走访了") });
        await Assertions.Expect(example).ToHaveCountAsync(1);
        var exampleText = await example.TextContentAsync();
        Assert.Contains($"“{exampleText}”", await page.Locator(".bot .bubble").Last.TextContentAsync(), StringComparison.Ordinal);
        var box = (await example.BoundingBoxAsync())!;
        Assert.InRange(box.X + box.Width, 0, 390); // on the phone's screen, not cut off to the right

        await example.TapAsync();

        var composer = page.Locator("#text");
        await Assertions.Expect(composer).ToHaveValueAsync(exampleText!);
        await Assertions.Expect(composer).ToBeFocusedAsync();
        Assert.Equal(exampleText!.Length, await composer.EvaluateAsync<int>("t => t.selectionStart"));
        Assert.Equal(exampleText.Length, await composer.EvaluateAsync<int>("t => t.selectionEnd"));
        await Assertions.Expect(page.Locator(".me .bubble")).ToHaveCountAsync(1); // only 帮助
        await Screenshots.SaveAsync(page, "help-example-composer");
        Assert.Equal(["帮助"], held.Received.ToArray());
        Assert.Empty(host.Store.RecordsBy("u_zhang"));

        // The user edits it and sends it: what is recorded is what they sent.
        await page.Keyboard.TypeAsync("，发现1名党员");
        await page.PressAsync("#text", "Enter");
        await Assertions.Expect(page.Locator(".bot .bubble").Last).ToContainTextAsync("已记录");
        Assert.Equal(["帮助", exampleText + "，发现1名党员"], held.Received.ToArray());
        Assert.Single(host.Store.RecordsBy("u_zhang").OfType<MemberDiscovery>());
    }

    [Fact]
    public async Task A_reply_that_lists_units_offers_a_button_per_unit_up_to_the_cap_and_a_tap_opens_that_unit_s_card()
    {
        var page = await SignedInPhoneAsync("u_wang");
        await SendAsync(page, "龙岗区应建未建名单");
        var list = page.Locator(".bot .bubble").Last;
        await Assertions.Expect(list).ToContainTextAsync("应建未建");
        var listed = System.Text.RegularExpressions.Regex.Matches((await list.TextContentAsync())!, @"\d+\. (\S+?)(?=\s|（|$)")
            .Select(m => m.Groups[1].Value).Where(n => host.Store.FindOrganizationByName(n) is not null).Distinct().ToList();
        Assert.True(listed.Count > UnitButtons.Cap, $"the list must be longer than the cap for this test to mean anything: {listed.Count}");

        var units = page.Locator("#quick button.unit");
        await Assertions.Expect(units).ToHaveCountAsync(UnitButtons.Cap);
        Assert.Equal(listed.Take(UnitButtons.Cap), await units.AllTextContentsAsync());
        var quickBox = (await page.Locator("#quick").BoundingBoxAsync())!;
        Assert.True(quickBox.Height < 844 / 6.0, $"the buttons take {quickBox.Height}px of the 844px screen");

        // The view was placed after the buttons took their room: the list's first line is in view, above them.
        var listBox = (await list.BoundingBoxAsync())!;
        var logBox = (await page.Locator("#log").BoundingBoxAsync())!;
        Assert.InRange(listBox.Y, logBox.Y, logBox.Y + logBox.Height - 40);
        Assert.True(logBox.Y + logBox.Height <= quickBox.Y + 1, "the log ends above the buttons");
        await Screenshots.SaveAsync(page, "unit-buttons");

        // After a reload the last reply offers its units again.
        await page.ReloadAsync();
        await Assertions.Expect(units).ToHaveCountAsync(UnitButtons.Cap);

        await units.Nth(1).TapAsync();
        await Assertions.Expect(page.Locator(".me .bubble").Last).ToHaveTextAsync(UnitButtons.Verb + listed[1]);
        var card = page.Locator(".bot .bubble").Last;
        await Assertions.Expect(card).ToContainTextAsync("统一社会信用代码");
        await Assertions.Expect(card).ToContainTextAsync(listed[1]);
        await Assertions.Expect(units).ToHaveCountAsync(0);
        Assert.Empty(host.Store.RecordsBy("u_wang"));
    }

    [Fact]
    public async Task Load_earlier_puts_the_turns_before_the_last_50_above_them_under_one_day_separator()
    {
        using (var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = host.Address })
        {
            client.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
            (await client.PostAsJsonAsync("/api/webchat/signin", new { code = await host.IssueCodeAsync("u_zhang") })).EnsureSuccessStatusCode();
            for (var i = 1; i <= 55; i++)
            {
                (await client.PostAsJsonAsync("/api/webchat/messages", new { text = $"第{i}条：今天天气不错", clientMessageId = $"earlier-{i}" })).EnsureSuccessStatusCode();
            }
        }

        var page = await SignedInPhoneAsync("u_zhang", greeting: false);
        await Assertions.Expect(page.Locator(".me .bubble")).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator(".me .bubble").First).ToHaveTextAsync("第6条：今天天气不错");

        await page.ClickAsync(".earlier button");
        await Assertions.Expect(page.Locator(".me .bubble")).ToHaveCountAsync(55);
        await Assertions.Expect(page.Locator(".me .bubble").First).ToHaveTextAsync("第1条：今天天气不错");
        await Assertions.Expect(page.Locator(".me .bubble").Nth(5)).ToHaveTextAsync("第6条：今天天气不错");
        await Assertions.Expect(page.Locator(".earlier")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#log .day")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "load-earlier");
    }

    [Fact]
    public async Task The_page_with_everything_it_loads_before_history_stays_under_50_KB()
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        long total = 0;
        foreach (var (path, _, _) in WebChatPage.Files)
        {
            var bytes = await client.GetByteArrayAsync(new Uri(path, UriKind.Relative));
            Assert.NotEmpty(bytes);
            total += bytes.Length;
        }

        Assert.InRange(total, 1, WebChatPage.BudgetBytes);
    }

    private async Task<IPage> SignedInPhoneAsync(string userId, ColorScheme colorScheme = ColorScheme.Light, bool greeting = true)
    {
        var page = await PhoneBrowser.NewPageAsync(browser, colorScheme);

        // The sign-in link the host prints: the code in the fragment, used once and taken out of the address.
        await page.GotoAsync(host.Address + "#code=" + await host.IssueCodeAsync(userId));
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync(host.Store.FindUser(userId)!.Name);
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);
        if (greeting)
        {
            await Assertions.Expect(page.Locator(".bot .bubble")).ToHaveCountAsync(1);
        }

        return page;
    }

    private static async Task SendAsync(IPage page, string text)
    {
        await page.FillAsync("#text", text);
        await page.PressAsync("#text", "Enter");
    }

    private static Task<int> MeStatusAsync(IPage page) =>
        page.EvaluateAsync<int>("fetch('/api/webchat/me', { headers: { 'X-InstructorBot-Request': '1' } }).then(r => r.status)");
}
