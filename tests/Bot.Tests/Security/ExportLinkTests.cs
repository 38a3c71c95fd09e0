using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Tests.Channels;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InstructorBot.Bot.Tests.Security;

/// <summary>
/// Issue 10, finding 5: an export link off the web is single use and short-lived, files live under the data folder
/// with mode 0600 and are deleted, and the token never reaches a log, even at Information level.
/// </summary>
public sealed partial class ExportLinkTests
{
    private const string ExportRequest = "坂田街道的台账导出来发给我";

    [Fact]
    public async Task A_link_sent_on_another_channel_downloads_once_from_the_data_folder_and_the_file_is_then_deleted()
    {
        using var host = new BotHost();
        await host.Services.GetRequiredService<ChannelBindings>().BindAsync("u_wang", "botframework", "bf-wang", CancellationToken.None);
        var http = host.CreateClient();
        var response = await new BotFrameworkClient(http).PostAsync(BotFrameworkClient.Message("bf-wang", ExportRequest));
        var url = FileUrl().Match(await response.Content.ReadAsStringAsync()).Value;
        var folder = host.Services.GetRequiredService<DownloadFiles>().Folder;
        var file = Assert.Single(Directory.GetFiles(folder));

        var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(file);
        var first = await http.GetAsync(url);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        var second = await http.GetAsync(url);

        Assert.StartsWith(Path.GetDirectoryName(host.DatabasePath)!, folder, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        }

        await WaitUntilAsync(() => !File.Exists(file));
    }

    [Fact]
    public async Task A_forged_or_altered_token_gets_a_404()
    {
        using var host = new BotHost();
        await host.Services.GetRequiredService<ChannelBindings>().BindAsync("u_wang", "botframework", "bf-wang", CancellationToken.None);
        var http = host.CreateClient();
        var response = await new BotFrameworkClient(http).PostAsync(BotFrameworkClient.Message("bf-wang", ExportRequest));
        var url = FileUrl().Match(await response.Content.ReadAsStringAsync()).Value;
        var altered = url[..^2] + (url[^2] == 'A' ? "BB" : "AA");

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(altered)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url.Split('.')[0])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public void An_expired_file_is_deleted_by_the_sweep_and_its_link_stops_working()
    {
        var folder = Directory.CreateTempSubdirectory("instructorbot-downloads-").FullName;
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Path"] = Path.Combine(folder, "bot.db") }).Build();
        using var downloads = new DownloadFiles(clock, configuration);
        var path = downloads.NewFile(".xlsx");
        var url = downloads.Register(path, "台账.xlsx", "application/octet-stream", "u_wang", "wecom");

        clock.Advance(DownloadFiles.Lifetime + TimeSpan.FromSeconds(1));
        downloads.Register(downloads.NewFile(".xlsx"), "台账.xlsx", "application/octet-stream", "u_wang", "wecom");

        Assert.False(File.Exists(path));
        Assert.Null(downloads.Find(url["/api/files/".Length..], null));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Request_logs_at_Information_level_never_print_the_download_token()
    {
        var logs = new LogCapture();
        using var host = new BotHost(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            },
            services: services => services.AddSingleton<ILoggerProvider>(logs));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/webchat/signin", new { code = await host.IssueCodeAsync("u_wang") })).StatusCode);
        var reply = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/webchat/messages", new { text = ExportRequest, clientMessageId = "e1" })).Content.ReadAsStringAsync());
        var url = reply.RootElement.GetProperty("replies")[0].GetProperty("attachment").GetProperty("url").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        var token = url["/api/files/".Length..];
        await WaitUntilAsync(() => logs.Lines.Any(l => l.Contains("/api/files/[redacted]", StringComparison.Ordinal)));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(token.Split('.')[0], StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    [GeneratedRegex(@"/api/files/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex FileUrl();
}
