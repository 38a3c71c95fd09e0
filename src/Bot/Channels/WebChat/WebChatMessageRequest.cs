namespace InstructorBot.Bot.Channels.WebChat;

/// <summary><c>POST /api/webchat/messages</c> body: the text and the page's own id for it (a retry reuses the id).</summary>
public sealed record WebChatMessageRequest(string? Text, string? ClientMessageId);
