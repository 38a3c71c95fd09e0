namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>What a vendor message that is not text carries; it gets <see cref="NonTextReplies.Hint"/> instead of a turn.</summary>
public enum NonTextKind
{
    Image,
    Voice,
    Video,
    File,
    Sticker,
    Location,
    Link,
    RichText,
    Other,
}
