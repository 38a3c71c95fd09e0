using System.Net;
using InstructorBot.Bot.Tests.Conversation;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// Very long messages on /channels/wecom, /channels/dingtalk and /channels/feishu with the real turn pipeline: a text of
/// 20,000 or 200,000 characters is refused with a 4xx (the body is over the channel's <c>MaxBodyBytes</c>) or answered
/// with the turn's "消息太长了" reply (over its 2,000 characters), and nothing is written either way.
/// </summary>
public sealed class ChannelLongMessageTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var channel in ChannelDriver.Names)
        {
            data.Add(channel, 20_000);
            data.Add(channel, 200_000);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_very_long_message_is_refused_with_a_4xx_or_answered_that_it_is_too_long_and_writes_nothing(string channel, int length)
    {
        var driver = ChannelDriver.For(channel);
        await using var api = await LoopbackVendorApi.StartAsync();
        await using var host = RealPipeline.Host(driver.Settings(api));
        using var client = host.CreateClient();
        RealPipeline.Bind(host, driver.Channel, "zhangwei01", "u_zhang");
        // A report said over and over, so a reading of it would write records: the limit is what keeps it out.
        var text = string.Concat(Enumerable.Repeat("今天走访了云启科技，发现2名党员，", length / 17 + 1))[..length];

        var (status, passive) = await driver.SendTextAsync(client, api, "zhangwei01", text, driver.MessageId(1));

        if ((int)status is >= 400 and < 500)
        {
            Assert.Null(passive);
            await Task.Delay(150);
            Assert.Empty(driver.ApiReplies(api));
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, status);
            var reply = passive ?? await OneApiReplyAsync(driver, api);
            Assert.Contains("消息太长了（超过 2000 字），请分几条发送。", reply, StringComparison.Ordinal);
        }

        Assert.Equal(0, host.RecordCount);
    }

    private static async Task<string> OneApiReplyAsync(ChannelDriver driver, LoopbackVendorApi api)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (driver.ApiReplies(api).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return Assert.Single(driver.ApiReplies(api));
    }
}
