using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>One bubble of the history: the user's message or one reply, with the turn's time (Unix milliseconds) for the page's date separators.</summary>
public sealed record WebChatHistoryEntry(bool FromUser, string Text, IReadOnlyList<QuickReply>? QuickReplies, ReplyAttachment? Attachment, long AtMs = 0, IReadOnlyList<QuickReply>? Units = null);
