using System.Text.Json;
using InstructorBot.Bot.Channels.ChannelDelivery;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>
/// OAuth client-credentials tokens for calls to the Bot Connector ("bot to connector" authentication), cached until
/// five minutes before they expire. A refused token request throws <see cref="HttpRequestException"/> (the reply worker
/// logs it): the reply cannot be posted without a token.
/// </summary>
public sealed class BotConnectorTokenSource(IHttpClientFactory httpClients, IOptions<BotFrameworkOptions> options, TimeProvider clock)
{
    /// <summary>Renewed well before expiry: a reply may wait in the outbox and then take up to the connector's timeout.</summary>
    public static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    private readonly AccessTokenCache tokens = new(clock, RenewalMargin);

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
        await tokens.GetAsync(FetchAsync, forceRefresh: false, cancellationToken)
            ?? throw new HttpRequestException("token endpoint returned no access_token");

    private async Task<(string Token, int ExpiresInSeconds)?> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId ?? "",
            ["client_secret"] = settings.AppPassword ?? "",
            ["scope"] = settings.TokenScope,
        });
        using var http = httpClients.CreateClient(nameof(BotConnectorTokenSource));
        using var response = await http.PostAsync(new Uri(settings.TokenEndpoint), form, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var token = body.RootElement.TryGetProperty("access_token", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        var lifetime = body.RootElement.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var s) ? s : 3600;
        return token is { Length: > 0 } ? (token, lifetime) : null;
    }
}
