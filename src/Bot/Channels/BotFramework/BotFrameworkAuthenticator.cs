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
    public async Task<string?> RejectAsync(string? authorization, string serviceUrl, CancellationToken cancellationToken)
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
        return claimed is not null && SameServiceUrl(claimed, serviceUrl)
            ? null
            : "令牌中的 serviceurl 与活动的 serviceUrl 不一致。";
    }

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
