namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>The signed-in user as the page shows them.</summary>
public sealed record WebChatUser(string UserId, string Name, string Role);
