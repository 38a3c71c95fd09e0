using System.Globalization;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Tests.Channels;

namespace InstructorBot.Bot.Tests.BotFramework;

/// <summary>/api/messages with a reply longer than one Bot Framework message (the recording pipeline echoes a long message).</summary>
public sealed class BotFrameworkLongReplyTests
{
    [Fact]
    public async Task A_reply_longer_than_one_activity_allows_comes_back_as_numbered_activities_in_order()
    {
        await using var host = new ChannelHost(new Dictionary<string, string?> { ["BotFramework:AllowUnauthenticatedLocal"] = "true" }, new RecordingTurnPipeline());
        using var http = host.CreateClient();
        var text = string.Join('\n', Enumerable.Range(1, 1200).Select(i => "visit " + i.ToString(CultureInfo.InvariantCulture) + ": Yunqi Technology"));

        var response = await new BotFrameworkClient(http).PostAsync(BotFrameworkClient.Message("bf-zhang", text));
        var activities = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();

        Assert.True(response.IsSuccessStatusCode);
        var parts = activities.Select(a => a!["text"]!.GetValue<string>()).ToList();
        Assert.InRange(parts.Count, 2, ChannelTextLimit.BotFramework.MaxParts);
        Assert.All(parts, p => Assert.True(p.Length <= ChannelTextLimit.BotFramework.Max));
        Assert.Equal(
            RecordingTurnPipeline.ReplyTo(text),
            string.Join('\n', parts.Select((p, i) =>
            {
                var number = $"（{i + 1}/{parts.Count}）\n";
                Assert.StartsWith(number, p, StringComparison.Ordinal);
                return p[number.Length..];
            })));
        Assert.All(activities, a => Assert.Equal("message", a!["type"]!.GetValue<string>()));
    }
}
