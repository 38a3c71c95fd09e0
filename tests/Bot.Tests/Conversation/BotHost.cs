using System.Text.Json;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// The real host (Program's wiring) over a temp LiteDB file with the fixture ledger and users imported. Disposing it
/// deletes the folder. <see cref="Restart"/> starts a new host on the same file.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly bool kestrel;

    private readonly Action<IServiceCollection>? services;
    private readonly bool listenOnAnyAddress;

    /// <param name="services">Test-only services (a log capture), added after Program's.</param>
    /// <param name="listenOnAnyAddress">Kestrel on every interface, so a test can come from a non-loopback address.</param>
    public BotHost(
        Dictionary<string, string?>? settings = null, string? folder = null, bool kestrel = false, bool import = true,
        Action<IServiceCollection>? services = null, bool listenOnAnyAddress = false)
    {
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "instructorbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);

        // The tests post to /api/messages as the Bot Framework Emulator on this machine: they opt in to local mode.
        this.settings = TestHostSettings.Defaults();
        this.settings["BotFramework:AllowUnauthenticatedLocal"] = "true";
        foreach (var (key, value) in settings ?? [])
        {
            this.settings[key] = value;
        }

        this.settings["Store:Path"] = DatabasePath;
        this.kestrel = kestrel;
        this.services = services;
        this.listenOnAnyAddress = listenOnAnyAddress;
        if (listenOnAnyAddress)
        {
            this.kestrel = true;
            UseKestrel(options => options.Listen(System.Net.IPAddress.Any, 0));
        }
        else if (kestrel)
        {
            UseKestrel(0);
        }

        if (import)
        {
            var store = Store;
            store.ImportLedgerAsync(DataFile("ledger.csv")).GetAwaiter().GetResult();
            store.ImportUsersAsync(DataFile("users.csv")).GetAwaiter().GetResult();
        }
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "bot.db");

    public InstructorStore Store => Services.GetRequiredService<InstructorStore>();

    /// <summary>The Kestrel address (only with <c>kestrel: true</c>).</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public Organization Organization(string name) => Store.FindOrganizationByName(name) ?? throw new InvalidOperationException(name);

    /// <summary>Every record anyone wrote, for "nothing written" checks.</summary>
    public int RecordCount => Store.Users().Sum(u => Store.RecordsBy(u.Id).Count);

    /// <summary>All organisations as JSON, for "nothing changed" checks.</summary>
    public string LedgerSnapshot => JsonSerializer.Serialize(Store.Organizations().OrderBy(o => o.Id));

    public int ProcessedTurns => Store.Documents.Count(TurnLog.Collection);

    public Task<string> IssueCodeAsync(string userId) =>
        Services.GetRequiredService<OneTimeCodes>().IssueAsync(userId, OneTimeCodes.DefaultLifetime, CancellationToken.None);

    /// <summary>A plain HttpClient on the Kestrel address (only with <c>kestrel: true</c>): every request crosses a real socket.</summary>
    public HttpClient Http(bool cookies = false) => new(new SocketsHttpHandler { UseCookies = cookies, CookieContainer = new System.Net.CookieContainer() })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public void Bind(string channel, string channelUserId, string userId) =>
        Services.GetRequiredService<ChannelBindings>().BindAsync(userId, channel, channelUserId, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Signs <paramref name="userId"/> in on the web chat over Kestrel and returns the session cookie as a Cookie header value.</summary>
    public async Task<string> SessionCookieAsync(string userId)
    {
        using var http = Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webchat/signin", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { code = await IssueCodeAsync(userId) }),
        };
        request.Headers.Add("X-InstructorBot-Request", "1");
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// <summary>True when the host still answers <c>/healthz</c> with "ok" over Kestrel.</summary>
    public async Task<bool> IsHealthyAsync()
    {
        using var client = Http();
        try
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            return response.StatusCode == System.Net.HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == "ok";
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until <c>/readyz</c> answers 200 (the knowledge index and the second opinion's models warmed up), at most
    /// <paramref name="bound"/>; fails with what was still warming when it never did.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan bound)
    {
        using var client = CreateClient();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return;
            }

            if (clock.Elapsed > bound)
            {
                Assert.Fail($"the host was not ready after {bound.TotalSeconds:0} s (/readyz {(int)response.StatusCode}: {body})");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A new host on the same database file (this one is disposed first; the folder is kept).</summary>
    public BotHost Restart()
    {
        DisposeHostOnly();
        return new BotHost(settings, Folder, kestrel, import: false, services, listenOnAnyAddress);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<IStartupFilter, InProcessLoopback>();
            services?.Invoke(collection);
        });
    }

    private bool keepFolder;

    /// <summary>Stops the host and keeps its folder (the caller deletes it).</summary>
    public void Stop() => DisposeHostOnly();

    private void DisposeHostOnly()
    {
        keepFolder = true;
        Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !keepFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finishing background task: the temp folder is cleaned by the OS later.
            }
        }
    }
}
