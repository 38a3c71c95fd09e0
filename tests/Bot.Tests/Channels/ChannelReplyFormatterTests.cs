using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Conversation;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Tests.Channels;

public sealed class ChannelReplyFormatterTests
{
    private static ChannelReplyFormatter Formatter(string? publicBaseUrl = null) =>
        new(Options.Create(new ChannelDeliveryOptions { PublicBaseUrl = publicBaseUrl is null ? null : new Uri(publicBaseUrl) }));

    [Fact]
    public void Replies_are_joined_with_a_blank_line()
    {
        var result = new TurnResult([new ReplyMessage("已记录走访。"), new ReplyMessage("本月已走访 3 家。")]);
        Assert.Equal("已记录走访。\n\n本月已走访 3 家。", Formatter().Render(result));
    }

    [Fact]
    public void Quick_replies_not_already_in_the_text_become_lines_the_user_can_type_back()
    {
        var result = new TurnResult([new ReplyMessage(
            "找到两家名称相近的单位，是哪一家？",
            [new QuickReply("云栖科技有限公司", "1"), new QuickReply("云栖物流", "云栖物流")])]);

        Assert.Equal(
            "找到两家名称相近的单位，是哪一家？\n可直接回复：\n· 云栖科技有限公司（回复“1”）\n· 云栖物流",
            Formatter().Render(result));
    }

    [Fact]
    public void Quick_replies_the_text_already_lists_are_not_repeated()
    {
        var result = new TurnResult([new ReplyMessage("1. 云栖科技\n2. 星河物流", [new QuickReply("云栖科技", "1"), new QuickReply("星河物流", "2")])]);
        Assert.Equal("1. 云栖科技\n2. 星河物流", Formatter().Render(result));
    }

    [Theory]
    [InlineData(null, "/exports/coverage.xlsx", "附件：覆盖情况.xlsx（请在网页端下载）")]
    [InlineData("https://bot.example.cn", "/exports/coverage.xlsx", "附件：覆盖情况.xlsx https://bot.example.cn/exports/coverage.xlsx")]
    [InlineData(null, "https://files.example.cn/c.xlsx", "附件：覆盖情况.xlsx https://files.example.cn/c.xlsx")]
    public void An_attachment_becomes_its_public_link(string? publicBaseUrl, string url, string expectedLine)
    {
        var result = new TurnResult([new ReplyMessage("导出完成。", Attachment: new ReplyAttachment("覆盖情况.xlsx", url, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))]);
        Assert.Equal("导出完成。\n" + expectedLine, Formatter(publicBaseUrl).Render(result));
    }

    [Fact]
    public void No_replies_render_as_nothing() => Assert.Equal(string.Empty, Formatter().Render(new TurnResult([])));

    [Fact]
    public void A_preface_is_the_first_line_of_the_first_message_only()
    {
        var result = new TurnResult([new ReplyMessage(string.Join('\n', Enumerable.Range(1, 400).Select(i => $"第{i}行：深圳市云启科技有限公司")))]);
        var parts = Formatter().Render(result, ChannelTextLimit.DingTalk, NonTextReplies.RecognisedVoice("今天走访了云启科技"));

        Assert.True(parts.Count > 1);
        Assert.StartsWith("（1/", parts[0], StringComparison.Ordinal);
        Assert.Equal("（语音识别：今天走访了云启科技）", parts[0].Split('\n')[1]);
        Assert.All(parts.Skip(1), p => Assert.DoesNotContain("语音识别", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_recognised_voice_message_is_shortened_in_the_preface_without_cutting_a_character()
    {
        var spoken = new string('党', 59) + "😀" + new string('员', 30);
        var preface = NonTextReplies.RecognisedVoice(spoken);

        Assert.Equal("（语音识别：" + new string('党', 59) + "…）", preface);
        Assert.Equal("（语音识别：短句）", NonTextReplies.RecognisedVoice("  短句 "));
    }
}
