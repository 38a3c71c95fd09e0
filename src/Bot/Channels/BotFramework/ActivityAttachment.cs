namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>A file sent with a message (Bot Framework Attachment with a contentUrl).</summary>
public sealed record ActivityAttachment(string ContentType, string ContentUrl, string? Name = null);
