namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>Buttons shown under a message; an <c>imBack</c> action sends its value as the user's message.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);
