using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>The body DingTalk posts to a robot's HTTP message receiving URL (接收消息). The docs type createAt as a string and show a number: both are read.</summary>
public sealed partial record DingTalkMessage(
    [property: JsonPropertyName("msgtype")] string? MsgType,
    [property: JsonPropertyName("text")] DingTalkText? Text,
    [property: JsonPropertyName("msgId")] string? MsgId,
    [property: JsonPropertyName("createAt"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? CreateAt,
    [property: JsonPropertyName("conversationType")] string? ConversationType,
    [property: JsonPropertyName("conversationId")] string? ConversationId,
    [property: JsonPropertyName("senderId")] string? SenderId,
    [property: JsonPropertyName("senderStaffId")] string? SenderStaffId,
    [property: JsonPropertyName("sessionWebhook")] string? SessionWebhook,
    [property: JsonPropertyName("sessionWebhookExpiredTime"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? SessionWebhookExpiredTime)
{
    /// <summary>The text without the group's leading @mentions ("@党建助手 今天走访了…" → "今天走访了…") and whitespace.</summary>
    public static string TrimMentions(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return LeadingMentions().Replace(content, string.Empty).Trim();
    }

    // A mention is "@" and a name up to whitespace; DingTalk separates it from the text with a (sometimes non-breaking) space.
    [GeneratedRegex(@"^(?:[\s\u00A0\u2005\u3000]*@[^\s\u00A0\u2005\u3000]+(?=[\s\u00A0\u2005\u3000]|$))+")]
    private static partial Regex LeadingMentions();
}
