namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>What <c>POST /api/webchat/messages</c> answers; <paramref name="Demo"/> marks replies drawn from the demo workspace.</summary>
public sealed record WebChatReply(IReadOnlyList<WebChatMessage> Replies, bool Duplicate, bool Demo = false);
