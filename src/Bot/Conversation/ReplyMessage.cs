namespace InstructorBot.Bot.Conversation;

/// <summary>One reply: Chinese text, optional quick replies (e.g. numbered candidates) and an optional file.</summary>
public sealed record ReplyMessage(string Text, IReadOnlyList<QuickReply>? QuickReplies = null, ReplyAttachment? Attachment = null);

/// <summary>A button the user can tap; tapping sends <paramref name="Value"/> as a message.</summary>
public sealed record QuickReply(string Title, string Value);

/// <summary>A file the user can download (an export), served by the host at <paramref name="Url"/>.</summary>
public sealed record ReplyAttachment(string Name, string Url, string ContentType);
