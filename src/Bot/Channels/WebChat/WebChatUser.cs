namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>The signed-in user as the page shows them; <paramref name="Demo"/> while the database holds the demo workspace (演示数据).</summary>
public sealed record WebChatUser(string UserId, string Name, string Role, bool Demo = false);
