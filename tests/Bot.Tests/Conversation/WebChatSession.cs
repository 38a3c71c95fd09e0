using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>One signed-in user of the web chat over HTTP (the real host): sends a message, returns the replies' texts and quick-reply values.</summary>
public sealed class WebChatSession
{
    private readonly HttpClient client;
    private int next;

    private WebChatSession(HttpClient client) => this.client = client;

    public static async Task<WebChatSession> SignInAsync(BotHost host, string userId)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
        var response = await client.PostAsJsonAsync("/api/webchat/signin", new { code = await host.IssueCodeAsync(userId) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new WebChatSession(client);
    }

    /// <summary>The quick-reply values of the last reply that had any.</summary>
    public IReadOnlyList<string> LastQuickReplies { get; private set; } = [];

    /// <summary>Sends <paramref name="text"/>; all replies joined by new lines.</summary>
    public async Task<string> SayAsync(string text)
    {
        var response = await client.PostAsJsonAsync("/api/webchat/messages", new { text, clientMessageId = $"m{Interlocked.Increment(ref next)}-{Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var replies = body.RootElement.GetProperty("replies").EnumerateArray().ToList();
        var quick = replies.Where(r => r.TryGetProperty("quickReplies", out var q) && q.ValueKind == JsonValueKind.Array && q.GetArrayLength() > 0).ToList();
        if (quick.Count > 0)
        {
            LastQuickReplies = [.. quick[^1].GetProperty("quickReplies").EnumerateArray().Select(q => q.GetProperty("value").GetString()!)];
        }

        return string.Join("\n", replies.Select(r => r.GetProperty("text").GetString()));
    }
}
