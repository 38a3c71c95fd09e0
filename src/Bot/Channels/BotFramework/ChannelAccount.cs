namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>A user or bot on a channel (Bot Framework ChannelAccount).</summary>
public sealed record ChannelAccount(string? Id, string? Name = null);
