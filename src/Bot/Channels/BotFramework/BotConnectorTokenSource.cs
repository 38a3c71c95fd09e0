using System.Text.Json;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>
/// OAuth client-credentials tokens for calls to the Bot Connector ("bot to connector" authentication), cached until
/// shortly before they expire.
/// </summary>
public sealed class BotConnectorTokenSource(IHttpClientFactory httpClients, IOptions<BotFrameworkOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;
    private DateTimeOffset expiresAt;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (token is not null && clock.GetUtcNow() < expiresAt)
            {
                return token;
            }

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
            token = body.RootElement.GetProperty("access_token").GetString()
                ?? throw new InvalidOperationException("token endpoint returned no access_token");
            var lifetime = body.RootElement.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var s) ? s : 3600;
            expiresAt = clock.GetUtcNow().AddSeconds(Math.Max(60, lifetime - 300));
            return token;
        }
        finally
        {
            gate.Release();
        }
    }
}
