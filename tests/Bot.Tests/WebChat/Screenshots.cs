using Microsoft.Playwright;

namespace InstructorBot.Bot.Tests.WebChat;

/// <summary>Screenshots of the browser tests, kept as test artifacts in TestResults/webchat/ at the repository root (ignored by git).</summary>
public static class Screenshots
{
    public static string Folder
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "InstructorBot.sln")))
            {
                root = root.Parent;
            }

            var folder = Path.Combine(root?.FullName ?? Path.GetTempPath(), "TestResults", "webchat");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Saves the page as NAME.png and returns the path (asserted to exist and not be empty).</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Assert.True(new FileInfo(path).Length > 1000, $"screenshot {path} is empty");
        return path;
    }
}
