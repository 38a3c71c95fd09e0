using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>The Bot Connector REST client over HttpClient; with an app id each call carries a client-credentials token.</summary>
public sealed class BotConnectorClient(HttpClient http, BotConnectorTokenSource tokens, IOptions<BotFrameworkOptions> options)
    : IBotConnectorClient
{
    public async Task SendReplyAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var url = ReplyUrl(reply);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(reply, options: BotFrameworkJson.Options),
        };
        if (!options.Value.IsLocalMode)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static Uri ReplyUrl(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var serviceUrl = reply.ServiceUrl ?? throw new InvalidOperationException("reply without serviceUrl");
        var conversation = reply.Conversation?.Id ?? throw new InvalidOperationException("reply without conversation id");
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversation)}/activities";
        return new Uri(reply.ReplyToId is { Length: > 0 } replyTo ? $"{path}/{Uri.EscapeDataString(replyTo)}" : path);
    }
}
