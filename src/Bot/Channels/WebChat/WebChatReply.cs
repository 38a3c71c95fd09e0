using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>What <c>POST /api/webchat/messages</c> answers.</summary>
public sealed record WebChatReply(IReadOnlyList<ReplyMessage> Replies, bool Duplicate);
