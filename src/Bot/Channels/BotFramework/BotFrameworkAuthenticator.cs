using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>
/// Checks the bearer token a Bot Framework channel sends (Bot Connector authentication, "connector to bot"):
/// signed by a key from the OpenID metadata, issuer api.botframework.com, audience the app id, not expired, and its
/// <c>serviceurl</c> claim equal to the activity's serviceUrl.
/// </summary>
public sealed class BotFrameworkAuthenticator
{
    private readonly BotFrameworkOptions options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> metadata;
    private readonly JsonWebTokenHandler handler = new();

    public BotFrameworkAuthenticator(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        this.options = options.Value;
        var metadataUri = new Uri(this.options.OpenIdMetadataUrl);
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(nameof(BotFrameworkAuthenticator)))
        {
            // Plain http only for a loopback metadata server (tests, a local mock of the channel).
            RequireHttps = !metadataUri.IsLoopback,
        };
        metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            this.options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    /// <summary>Null when the request may pass; else the Chinese reason it may not.</summary>
    public async Task<string?> RejectAsync(string? authorization, string serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "缺少 Bearer 令牌。";
        }

        var token = authorization["Bearer ".Length..].Trim();
        var result = await ValidateAsync(token, cancellationToken);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The channel may have rolled its keys: fetch the metadata again once.
            metadata.RequestRefresh();
            result = await ValidateAsync(token, cancellationToken);
        }

        if (!result.IsValid)
        {
            return "令牌无效（签名、签发者、受众或有效期不符）。";
        }

        var claimed = result.Claims.TryGetValue("serviceurl", out var value) ? value as string : null;
        if (claimed is null || !SameServiceUrl(claimed, serviceUrl))
        {
            return "令牌中的 serviceurl 与活动的 serviceUrl 不一致。";
        }

        return await IsEndorsedAsync(result.SecurityToken as JsonWebToken, channelId, cancellationToken)
            ? null
            : "令牌的签名密钥未被授权用于该渠道（endorsements）。";
    }

    /// <summary>
    /// Bot Connector rule: a signing key lists the channels it may sign for (<c>endorsements</c>); a token signed with a
    /// key endorsed for msteams is no good for an activity from another channel.
    /// </summary>
    private async Task<bool> IsEndorsedAsync(JsonWebToken? token, string? channelId, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            return false;
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == token.Kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            // A key without endorsements restricts nothing (as in the Bot Framework SDK).
            return key is not null || string.IsNullOrEmpty(token.Kid);
        }

        return !string.IsNullOrWhiteSpace(channelId)
            && Strings(endorsements).Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string one => [one],
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array =>
            array.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!),
        System.Collections.IEnumerable many => many.OfType<object>().Select(o => o.ToString() ?? ""),
        _ => [],
    };

    private async Task<TokenValidationResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException failure)
        {
            return new TokenValidationResult { IsValid = false, Exception = failure };
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        };
        return await handler.ValidateTokenAsync(token, parameters);
    }

    private static bool SameServiceUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
