using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace InstructorBot.Bot.Tests.BotFramework;

/// <summary>
/// The stand-in for login.botframework.com's OpenID side (a test double of an external service): the metadata document
/// and the channel's signing key (kid "channel-key") with its endorsements, on a <see cref="LoopbackServer"/>.
/// </summary>
internal static class BotFrameworkOpenId
{
    public const string KeyId = "channel-key";

    public static void Map(WebApplication app, string issuer, RSA channelKey, params string[] endorsements)
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(channelKey.ExportParameters(false)) { KeyId = KeyId });
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Json(new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = "https://invalid.example/authorize",
            ["jwks_uri"] = $"http://{http.Request.Host}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/v1/.well-known/keys", () => Results.Json(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E,
                ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode?)e)]),
            }),
        }));
    }
}
