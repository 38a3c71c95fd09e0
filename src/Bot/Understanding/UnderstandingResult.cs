namespace InstructorBot.Bot.Understanding;

/// <summary>What a message means: its actions in the order said, and the slots to ask about before writing.</summary>
public sealed record UnderstandingResult(IReadOnlyList<UnderstoodAction> Actions, IReadOnlyList<string> Missing)
{
    public static readonly UnderstandingResult Nothing = new([], []);
}
