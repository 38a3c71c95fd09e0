namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>A button (Bot Framework CardAction); this bot uses <c>imBack</c>.</summary>
public sealed record CardAction(string Type, string Title, string Value);
