namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>
/// What <c>POST /api/webchat/messages</c> answers; <paramref name="Demo"/> marks replies drawn from the demo workspace.
/// <paramref name="RetryAfterSeconds"/> is set when the message was not handled (the host was still starting): the page
/// keeps the message and sends it again, with the same id, after that many seconds.
/// </summary>
public sealed record WebChatReply(IReadOnlyList<WebChatMessage> Replies, bool Duplicate, bool Demo = false, int? RetryAfterSeconds = null);
