namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>
/// The short Chinese answer to a picture, voice message, file, sticker or location: only text is understood. Nothing
/// reaches the turn pipeline and nothing is written. A voice message the vendor recognised (DingTalk) is text, and its
/// reply starts with <see cref="RecognisedVoice"/>.
/// </summary>
public static class NonTextReplies
{
    private const string Example = "例如：今天走访了××公司，发现2名党员。";

    /// <summary>How much of a recognised voice message the reply repeats (a minute of speech is a few hundred characters).</summary>
    private const int MaxRecognisedShown = 60;

    public static string Hint(NonTextKind kind) => kind switch
    {
        // Every phone keyboard (and the vendors' own input boxes) can turn speech into text.
        NonTextKind.Voice => "暂时听不懂语音消息。可以用手机输入法的语音转文字（点输入法上的话筒说话），转成文字后再发送。" + Example,
        _ => "目前只能处理文字消息，暂时无法识别" + Name(kind) + "。请直接用文字发送，" + Example,
    };

    /// <summary>The first line of the reply to a voice message the vendor turned into text, so the user sees what was understood.</summary>
    public static string RecognisedVoice(string recognised)
    {
        ArgumentNullException.ThrowIfNull(recognised);
        var shown = recognised.Trim();
        if (shown.Length > MaxRecognisedShown)
        {
            // Never half a surrogate pair.
            var cut = char.IsHighSurrogate(shown[MaxRecognisedShown - 1]) ? MaxRecognisedShown - 1 : MaxRecognisedShown;
            shown = shown[..cut] + "…";
        }

        return "（语音识别：" + shown + "）";
    }

    private static string Name(NonTextKind kind) => kind switch
    {
        NonTextKind.Image => "图片",
        NonTextKind.Video => "视频",
        NonTextKind.File => "文件",
        NonTextKind.Sticker => "表情",
        NonTextKind.Location => "位置",
        NonTextKind.Link => "链接",
        NonTextKind.RichText => "富文本（图文混排）消息",
        _ => "这类消息",
    };
}
