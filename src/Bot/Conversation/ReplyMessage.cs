namespace InstructorBot.Bot.Conversation;

/// <summary>One reply: Chinese text, optional quick replies (e.g. numbered candidates) and an optional file.</summary>
public sealed record ReplyMessage(string Text, IReadOnlyList<QuickReply>? QuickReplies = null, ReplyAttachment? Attachment = null);

/// <summary>
/// A button the user can tap; tapping sends <paramref name="Value"/> as a message. With <paramref name="Compose"/> the
/// value is only put in the composer for the user to edit and send (an example that would record something, which a
/// tap must not record as it stands); a channel with no composer to fill leaves such a button out.
/// </summary>
public sealed record QuickReply(string Title, string Value, bool Compose = false);

/// <summary>
/// A file the user can download (an export) or an image to show (a chart), served by the host at <paramref name="Url"/>.
/// </summary>
public sealed record ReplyAttachment(string Name, string Url, string ContentType)
{
    /// <summary>
    /// The file's bytes, for a channel that sends an image inline (Bot Framework's data URI) rather than a link. Never
    /// serialised: the conversation's stored replies keep the link only.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[]? Inline { get; init; }

    /// <summary>What an image shows, as its text alternative (a chart's title).</summary>
    public string? Description { get; init; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
