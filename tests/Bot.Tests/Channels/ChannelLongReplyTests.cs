using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using InstructorBot.Bot.Channels.ChannelDelivery;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// A reply longer than one vendor message, on each channel over real HTTP: the recording pipeline echoes a long message
/// ("收到：…"), and the loopback vendor API receives it as several numbered messages, in order, each within the limit.
/// </summary>
public sealed partial class ChannelLongReplyTests
{
    public static TheoryData<string> Channels => ChannelDriver.Names;

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_reply_longer_than_one_message_arrives_as_numbered_messages_in_order_each_within_the_channels_limit(string channel)
    {
        var driver = ChannelDriver.For(channel);
        await using var api = await LoopbackVendorApi.StartAsync();
        var settings = driver.Settings(api);
        foreach (var section in new[] { "WeCom", "DingTalk", "Feishu" })
        {
            // The long message itself must get in: Feishu's encrypted, twice JSON-escaped event is several times its text.
            settings[$"Channels:{section}:MaxBodyBytes"] = "1048576";
        }

        var pipeline = new RecordingTurnPipeline();
        await using var host = new ChannelHost(settings, pipeline);
        using var client = host.CreateClient();
        var limit = driver.Limit;
        var text = new StringBuilder("本月走访记录：");
        for (var line = 1; ChannelTextSplitter.Measure(text.ToString(), limit.Measure) < limit.Max * 2.5; line++)
        {
            text.Append('\n').Append(line.ToString(CultureInfo.InvariantCulture)).Append(". 今天走访了深圳市云启科技有限公司，发现党员").Append(line % 9).Append("名");
        }

        var (status, passive) = await driver.SendTextAsync(client, api, "zhangwei01", text.ToString(), driver.MessageId(1));
        var parts = await WaitForStableRepliesAsync(driver, api);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(passive);
        Assert.InRange(parts.Count, 3, limit.MaxParts);
        for (var i = 0; i < parts.Count; i++)
        {
            Assert.True(ChannelTextSplitter.Measure(parts[i], limit.Measure) <= limit.Max, $"part {i + 1} measures {ChannelTextSplitter.Measure(parts[i], limit.Measure)}");
            Assert.StartsWith($"（{i + 1}/{parts.Count}）\n", parts[i], StringComparison.Ordinal);
        }

        Assert.Equal(RecordingTurnPipeline.ReplyTo(text.ToString()), string.Join('\n', parts.Select(p => PartNumber().Replace(p, string.Empty))));
        Assert.Single(pipeline.Calls);
    }

    /// <summary>The API replies once no new one arrived for half a second.</summary>
    private static async Task<IReadOnlyList<string>> WaitForStableRepliesAsync(ChannelDriver driver, LoopbackVendorApi api)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var seen = -1;
        while (DateTime.UtcNow < deadline)
        {
            var count = driver.ApiReplies(api).Count;
            if (count > 0 && count == seen)
            {
                break;
            }

            seen = count;
            await Task.Delay(500);
        }

        return driver.ApiReplies(api);
    }

    [GeneratedRegex(@"^（\d+/\d+）\n")]
    private static partial Regex PartNumber();
}
