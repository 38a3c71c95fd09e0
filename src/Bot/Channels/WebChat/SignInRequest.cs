namespace InstructorBot.Bot.Channels.WebChat;

/// <summary><c>POST /api/webchat/signin</c> body.</summary>
public sealed record SignInRequest(string? Code);
