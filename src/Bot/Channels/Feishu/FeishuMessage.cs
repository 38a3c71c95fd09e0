using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Channels.Feishu;

/// <summary>An <c>im.message.receive_v1</c> event (schema 2.0) reduced to what the bot uses.</summary>
/// <param name="EventId">header.event_id; Feishu's retries carry the same one.</param>
/// <param name="SenderUserId">sender.sender_id.user_id (needs the 获取用户 user ID permission), else null.</param>
/// <param name="SenderOpenId">sender.sender_id.open_id.</param>
/// <param name="SenderUnionId">sender.sender_id.union_id.</param>
/// <param name="SenderType">sender.sender_type: user, app …</param>
/// <param name="MessageId">message.message_id, the id replies go to.</param>
/// <param name="ChatId">message.chat_id.</param>
/// <param name="MessageType">message.message_type: text, image …</param>
/// <param name="Text">For text messages, content's "text" without @_user_N mentions.</param>
/// <param name="CreatedAt">message.create_time (ms).</param>
public sealed partial record FeishuMessage(
    string EventId,
    string? SenderUserId,
    string? SenderOpenId,
    string? SenderUnionId,
    string? SenderType,
    string MessageId,
    string ChatId,
    string MessageType,
    string? Text,
    DateTimeOffset? CreatedAt)
{
    /// <summary>The vendor user id the bot knows the sender by: user_id when granted, else open_id.</summary>
    public string? SenderId => !string.IsNullOrWhiteSpace(SenderUserId) ? SenderUserId : SenderOpenId;

    /// <summary>Reads the event; null when a required field is missing.</summary>
    public static FeishuMessage? From(JsonElement root)
    {
        if (!TryGet(root, out var header, "header") || !TryGet(root, out var @event, "event")
            || String(header, "event_id") is not { Length: > 0 } eventId
            || !TryGet(@event, out var message, "message")
            || String(message, "message_id") is not { Length: > 0 } messageId
            || String(message, "chat_id") is not { Length: > 0 } chatId
            || String(message, "message_type") is not { Length: > 0 } messageType)
        {
            return null;
        }

        TryGet(@event, out var sender, "sender");
        TryGet(sender, out var senderId, "sender_id");
        var createdAt = long.TryParse(String(message, "create_time"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms is > 0 and < 253402300799999
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : (DateTimeOffset?)null;

        return new FeishuMessage(
            eventId,
            String(senderId, "user_id"),
            String(senderId, "open_id"),
            String(senderId, "union_id"),
            String(sender, "sender_type"),
            messageId,
            chatId,
            messageType,
            messageType == "text" ? TextOf(String(message, "content")) : null,
            createdAt);
    }

    /// <summary>content is a JSON string, <c>{"text":"@_user_1 今天走访了…"}</c>; mentions are placeholders @_user_N (and @_all).</summary>
    internal static string? TextOf(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                    ? Mentions().Replace(text.GetString()!, " ").Trim()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static bool TryGet(JsonElement parent, out JsonElement child, string name)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out child) && child.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        child = default;
        return false;
    }

    internal static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [GeneratedRegex(@"@_(?:user_\d+|all)\b")]
    private static partial Regex Mentions();
}
