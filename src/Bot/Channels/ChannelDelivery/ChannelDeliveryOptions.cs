namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>Settings shared by the vendor channels (section <c>Channels</c>).</summary>
public sealed class ChannelDeliveryOptions
{
    public const string Section = "Channels";

    /// <summary>The bot's public address (e.g. https://bot.example.cn), so that a file the host serves (an export) can be linked in a vendor message.</summary>
    public Uri? PublicBaseUrl { get; set; }
}
