namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>
/// How long one text message may be on a channel, and how many messages one reply may become. A longer reply is split
/// by <see cref="ChannelTextSplitter"/>; past <paramref name="MaxParts"/> the rest is left out with a note.
/// </summary>
/// <param name="Max">The most a message's text may measure.</param>
/// <param name="Measure">What <paramref name="Max"/> counts.</param>
/// <param name="MaxParts">The most messages one reply becomes (vendors throttle bursts to one user or group).</param>
public sealed record ChannelTextLimit(int Max, TextMeasure Measure, int MaxParts = 10)
{
    /// <summary>企业微信 message/send and passive replies: text content at most 2048 bytes, longer is cut; 30 messages a minute per member.</summary>
    public static ChannelTextLimit WeCom { get; } = new(2048, TextMeasure.Utf8Bytes);

    /// <summary>
    /// 钉钉 sessionWebhook text: no documented limit; the client was seen cutting around 2 KB, so the same 2048 bytes as
    /// WeCom; robots may send 20 messages a minute to a group.
    /// </summary>
    public static ChannelTextLimit DingTalk { get; } = new(2048, TextMeasure.Utf8Bytes);

    /// <summary>
    /// 飞书 reply API: a text message's request body at most 150 KB. The text travels as JSON inside a JSON string, where
    /// a Chinese character can take 7 bytes (\\uXXXX escaped twice), so 30,000 UTF-8 bytes stay under 70 KB of body.
    /// </summary>
    public static ChannelTextLimit Feishu { get; } = new(30_000, TextMeasure.Utf8Bytes);

    /// <summary>
    /// Bot Framework (Teams): the whole activity at most 40 KB counted as UTF-16 (newer Teams: 100 KB); 15,000 code units
    /// of text leave a quarter of that for the rest of the activity.
    /// </summary>
    public static ChannelTextLimit BotFramework { get; } = new(15_000, TextMeasure.Utf16CodeUnits);
}
