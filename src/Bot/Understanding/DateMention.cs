namespace InstructorBot.Bot.Understanding;

/// <summary>A date said in a message ("昨天", "上周五", "11月16号"), resolved to a day.</summary>
public sealed record DateMention(int Start, int Length, DateOnly Date);
