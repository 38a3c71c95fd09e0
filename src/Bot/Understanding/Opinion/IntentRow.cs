namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>ML.NET's row for the intent classifier: the prepared text and, for training, one label.</summary>
public sealed class IntentRow
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";
}
