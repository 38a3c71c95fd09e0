using Microsoft.Playwright;

namespace InstructorBot.Bot.Tests.WebChat;

/// <summary>Debian's Chromium, headless, and a phone-sized page in it: what every end-to-end test of the web chat opens.</summary>
internal static class PhoneBrowser
{
    public const string Chromium = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });

    /// <summary>A new page in a 390×844 touch viewport (a common phone), in Chinese.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
            ColorScheme = colorScheme,
        });
        return await context.NewPageAsync();
    }
}
