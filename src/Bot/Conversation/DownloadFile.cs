namespace InstructorBot.Bot.Conversation;

/// <summary>A file behind a download token.</summary>
public sealed record DownloadFile(string Path, string Name, string ContentType, string UserId, string Channel, DateTimeOffset ExpiresAt);
