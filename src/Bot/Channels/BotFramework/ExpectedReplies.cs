namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>The HTTP response body for <c>deliveryMode: expectReplies</c>.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
