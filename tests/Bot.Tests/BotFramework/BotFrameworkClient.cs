using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InstructorBot.Bot.Tests.BotFramework;

/// <summary>Posts activities as a Bot Framework channel (or the Emulator) would.</summary>
public sealed class BotFrameworkClient(HttpClient http, string serviceUrl = "http://127.0.0.1:9/")
{
    private int next;

    public static JsonObject Message(string from, string text, string? id = null, string serviceUrl = "http://127.0.0.1:9/", bool expectReplies = true)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = "2026-11-18T07:30:00Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "emulator",
            ["from"] = new JsonObject { ["id"] = from, ["name"] = from },
            ["conversation"] = new JsonObject { ["id"] = $"conv-{from}" },
            ["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "InstructorBot" },
            ["text"] = text,
        };
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        return activity;
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return http.SendAsync(request);
    }

    /// <summary>Sends a message with expectReplies and returns the reply texts.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string from, string text, string? id = null)
    {
        var response = await PostAsync(Message(from, text, id ?? $"m{Interlocked.Increment(ref next)}-{Guid.NewGuid():N}", serviceUrl));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var replies = JsonNode.Parse(body)!["activities"]!.AsArray();
        return [.. replies.Select(r => r!["text"]!.GetValue<string>())];
    }

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;
}
