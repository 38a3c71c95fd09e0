using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InstructorBot.Bot.Tests.BotFramework;

/// <summary>
/// Channel JWTs with an app id configured. The OpenID metadata, signing keys and token endpoint are served by a
/// loopback test server standing in for login.botframework.com (a fake of a cloud service).
/// </summary>
public sealed class BotFrameworkAuthenticationTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string Issuer = "https://api.botframework.com";

    private readonly RSA channelKey = RSA.Create(2048);
    private readonly RSA strangerKey = RSA.Create(2048);
    private LoopbackServer login = null!;
    private LoopbackServer connector = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        login = await LoopbackServer.StartAsync((app, server) =>
        {
            BotFrameworkOpenId.Map(app, Issuer, channelKey, "msteams", "emulator");
            app.MapPost("/token", async (HttpContext http) =>
            {
                var form = await http.Request.ReadFormAsync();
                server.Received.Enqueue(("/token", null, $"{form["grant_type"]}|{form["client_id"]}|{form["client_secret"]}|{form["scope"]}"));
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "outgoing-token-1" });
            });
        });
        connector = await LoopbackServer.ConnectorAsync();
        host = new BotHost(new Dictionary<string, string?>
        {
            ["BotFramework:AppId"] = AppId,
            ["BotFramework:AppPassword"] = "test-secret",
            ["BotFramework:OpenIdMetadataUrl"] = new Uri(login.Address, "/v1/.well-known/openidconfiguration").ToString(),
            ["BotFramework:TokenEndpoint"] = new Uri(login.Address, "/token").ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await login.DisposeAsync();
        await connector.DisposeAsync();
        channelKey.Dispose();
        strangerKey.Dispose();
    }

    [Fact]
    public async Task A_token_from_the_loopback_metadata_server_with_the_right_claims_is_accepted()
    {
        var response = await PostAsync(Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("帮助", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused_with_401()
    {
        var response = await PostAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_app_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Token(audience: "another-app"))).StatusCode);

    [Fact]
    public async Task A_token_from_another_issuer_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Token(issuer: "https://sts.example.com"))).StatusCode);

    [Fact]
    public async Task An_expired_token_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Token(expires: DateTime.UtcNow.AddMinutes(-30)))).StatusCode);

    [Fact]
    public async Task A_token_signed_by_a_key_the_metadata_does_not_list_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Token(key: strangerKey))).StatusCode);

    [Fact]
    public async Task A_token_signed_by_a_key_endorsed_for_msteams_is_refused_for_another_channel()
    {
        var skype = await PostAsync(Token(), channelId: "skype");
        var teams = await PostAsync(Token(), channelId: "msteams");

        Assert.Equal(HttpStatusCode.Unauthorized, skype.StatusCode);
        Assert.Contains("endorsements", await skype.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, teams.StatusCode);
    }

    [Fact]
    public async Task A_token_whose_serviceurl_claim_differs_from_the_activity_is_refused()
    {
        var response = await PostAsync(Token(serviceUrl: "https://smba.trafficmanager.net/other/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_posted_to_the_connector_carry_a_client_credentials_token_from_the_loopback_token_endpoint()
    {
        var response = await PostAsync(Token(), expectReplies: false);
        var posted = await connector.WaitForAsync(1, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Bearer outgoing-token-1", Assert.Single(posted).Authorization);
        var (_, _, form) = Assert.Single(login.Received);
        Assert.Equal($"client_credentials|{AppId}|test-secret|https://api.botframework.com/.default", form);
    }

    private string Token(string? audience = null, string? issuer = null, DateTime? expires = null, RSA? key = null, string? serviceUrl = null)
    {
        var signing = new RsaSecurityKey(key ?? channelKey) { KeyId = key is null ? "channel-key" : "stranger-key" };
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? AppId,
            IssuedAt = expiry.AddMinutes(-60),
            NotBefore = expiry.AddMinutes(-60),
            Expires = expiry,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? connector.Address.ToString() },
            SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
        });
    }

    private Task<HttpResponseMessage> PostAsync(string? token, bool expectReplies = true, string channelId = "msteams")
    {
        var update = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["serviceUrl"] = connector.Address.ToString(),
            ["channelId"] = channelId,
            ["from"] = new JsonObject { ["id"] = "user-1" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = "c1" },
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-1" }),
        };
        if (expectReplies)
        {
            update["deliveryMode"] = "expectReplies";
        }

        return new BotFrameworkClient(host.CreateClient()).PostAsync(update, token);
    }
}
