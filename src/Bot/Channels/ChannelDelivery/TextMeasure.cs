namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>How a vendor counts the length of a message's text.</summary>
public enum TextMeasure
{
    /// <summary>Bytes of the UTF-8 encoding (企业微信, 钉钉, 飞书: a Chinese character is 3 bytes).</summary>
    Utf8Bytes,

    /// <summary>UTF-16 code units (.NET string length; Bot Framework / Teams count the payload as UTF-16).</summary>
    Utf16CodeUnits,
}
