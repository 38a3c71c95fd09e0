namespace InstructorBot.Bot.Conversation;

/// <summary>One help line: what it does and a message that does it.</summary>
public sealed record HelpExample(string What, string Text);
