using System.Net;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Hardening;

/// <summary>
/// Program's host on Kestrel (real HTTP on 127.0.0.1) over a temp LiteDB file with the fixture ledger and users, with
/// extra settings and, for the tests that need one, a test double injected through DI. Disposing deletes the folder.
/// </summary>
public sealed class HardenedHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? testServices;

    public HardenedHost(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        Folder = Directory.CreateTempSubdirectory("instructorbot-hardening-").FullName;
        this.settings = TestHostSettings.Defaults();
        foreach (var (key, value) in settings ?? [])
        {
            this.settings[key] = value;
        }

        this.settings["Store:Path"] = Path.Combine(Folder, "bot.db");
        // Local Emulator mode stays reachable from loopback once it must be asked for explicitly.
        this.settings["BotFramework:AllowUnauthenticatedLocal"] = "true";
        this.testServices = testServices;
        UseKestrel(0);
        Store.ImportLedgerAsync(BotHost.DataFile("ledger.csv")).GetAwaiter().GetResult();
        Store.ImportUsersAsync(BotHost.DataFile("users.csv")).GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public InstructorStore Store => Services.GetRequiredService<InstructorStore>();

    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    /// <summary>Every record anyone wrote.</summary>
    public int RecordCount => Store.Users().Sum(u => Store.RecordsBy(u.Id).Count);

    /// <summary>A plain HttpClient on the Kestrel address: every request crosses a real socket.</summary>
    public HttpClient Http(bool cookies = false) => new(new SocketsHttpHandler { UseCookies = cookies, CookieContainer = new CookieContainer() })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public void Bind(string channel, string channelUserId, string userId) =>
        Services.GetRequiredService<ChannelBindings>().BindAsync(userId, channel, channelUserId, CancellationToken.None).GetAwaiter().GetResult();

    public Task<string> IssueCodeAsync(string userId) =>
        Services.GetRequiredService<OneTimeCodes>().IssueAsync(userId, OneTimeCodes.DefaultLifetime, CancellationToken.None);

    /// <summary>Signs <paramref name="userId"/> in on the web chat and returns the session cookie as a Cookie header value.</summary>
    public async Task<string> SessionCookieAsync(string userId)
    {
        using var http = Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webchat/signin", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { code = await IssueCodeAsync(userId) }),
        };
        request.Headers.Add("X-InstructorBot-Request", "1");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// <summary>True when the host still answers <c>/healthz</c> with "ok".</summary>
    public async Task<bool> IsHealthyAsync()
    {
        using var client = Http();
        try
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == "ok";
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finishing background task: the OS cleans the temp folder later.
            }
        }
    }
}
