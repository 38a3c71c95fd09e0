using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>
/// The body DingTalk posts to a robot's HTTP message receiving URL (接收消息). The docs type createAt as a string and show a
/// number: both are read. Messages other than text carry their payload in <c>content</c> (a voice message:
/// <c>{"duration":…,"downloadCode":…,"recognition":"…"}</c>).
/// </summary>
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
    [property: JsonPropertyName("sessionWebhookExpiredTime"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? SessionWebhookExpiredTime,
    [property: JsonPropertyName("content")] JsonElement? Content = null)
{
    /// <summary>
    /// A voice message's (<c>msgtype</c> audio) <c>content.recognition</c>: DingTalk's own speech-to-text of it, trimmed; null when
    /// absent or blank (not every voice message is recognised). <c>content</c> is read as an object or as a JSON string.
    /// </summary>
    public string? Recognition
    {
        get
        {
            if (MsgType != "audio" || Content is not { } content)
            {
                return null;
            }

            if (content.ValueKind == JsonValueKind.String)
            {
                try
                {
                    using var inner = JsonDocument.Parse(Hosting.JsonText.Read(content)!);
                    return RecognitionOf(inner.RootElement);
                }
                catch (JsonException)
                {
                    return null;
                }
            }

            return RecognitionOf(content);
        }
    }

    /// <summary>The text without the group's leading @mentions ("@党建助手 今天走访了…" → "今天走访了…") and whitespace.</summary>
    public static string TrimMentions(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return LeadingMentions().Replace(content, string.Empty).Trim();
    }

    private static string? RecognitionOf(JsonElement content) =>
        content.ValueKind == JsonValueKind.Object
        && content.TryGetProperty("recognition", out var recognition)
        && Hosting.JsonText.Read(recognition)?.Trim() is { Length: > 0 } text
            ? text
            : null;

    // A mention is "@" and a name up to whitespace; DingTalk separates it from the text with a (sometimes non-breaking) space.
    [GeneratedRegex(@"^(?:[\s\u00A0\u2005\u3000]*@[^\s\u00A0\u2005\u3000]+(?=[\s\u00A0\u2005\u3000]|$))+")]
    private static partial Regex LeadingMentions();
}
