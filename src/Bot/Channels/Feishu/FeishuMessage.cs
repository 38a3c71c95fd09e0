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
/// <param name="Text">
/// For text messages, content's "text" without @_user_N mentions; for rich text (post), its title and the text of its
/// text and link elements, a line per paragraph (<see cref="PostTextOf"/>); null for other types or without any text.
/// </param>
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
            messageType switch
            {
                "text" => TextOf(String(message, "content")),
                "post" => PostTextOf(String(message, "content")),
                _ => null,
            },
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
                && Hosting.JsonText.Property(document.RootElement, "text") is { } text
                    ? Mentions().Replace(text, " ").Trim()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A received rich text (post) content, <c>{"title":"…","content":[[{"tag":"text","text":"…"},{"tag":"a","text":"…","href":"…"},
    /// {"tag":"at","user_id":"@_user_1","user_name":"…"}],[{"tag":"img","image_key":"…"}]]}</c> (a paragraph per inner array; the
    /// send format's language level, <c>{"zh_cn":{…}}</c>, is accepted too): the title and each paragraph's text and link
    /// texts, a line each. Mentions are dropped as in text messages (in a group the first one is the bot); images, videos,
    /// emoji and other elements are ignored. Null when nothing is left.
    /// </summary>
    internal static string? PostTextOf(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            if (PostBody(document.RootElement) is not { } body)
            {
                return null;
            }

            var lines = new List<string>();
            if (String(body, "title") is { } title && title.Trim().Length > 0)
            {
                lines.Add(title.Trim());
            }

            foreach (var paragraph in body.GetProperty("content").EnumerateArray())
            {
                if (paragraph.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var line = new System.Text.StringBuilder();
                foreach (var element in paragraph.EnumerateArray())
                {
                    switch (String(element, "tag"))
                    {
                        case "text" or "a":
                            line.Append(String(element, "text"));
                            break;
                        case "at":
                            line.Append(' ');
                            break;
                    }
                }

                var text = Spaces().Replace(Mentions().Replace(line.ToString(), " "), " ").Trim();
                if (text.Length > 0)
                {
                    lines.Add(text);
                }
            }

            return lines.Count > 0 ? string.Join('\n', lines) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The object holding the post's title and paragraphs: the root as received, else the first language of the send format.</summary>
    private static JsonElement? PostBody(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("content", out var paragraphs) && paragraphs.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        var inner = TryGet(root, out var post, "post") ? post : root;
        foreach (var language in inner.EnumerateObject())
        {
            if (language.Value.ValueKind == JsonValueKind.Object
                && language.Value.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
            {
                return language.Value;
            }
        }

        return null;
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

    /// <summary>A string property; text that is not valid Unicode (a signed event can carry it) is read with U+FFFD for it.</summary>
    internal static string? String(JsonElement parent, string name) => Hosting.JsonText.Property(parent, name);

    [GeneratedRegex(@"@_(?:user_\d+|all)\b")]
    private static partial Regex Mentions();

    [GeneratedRegex(@"[ \t\u00A0\u3000]{2,}")]
    private static partial Regex Spaces();
}
