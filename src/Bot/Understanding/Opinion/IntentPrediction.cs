namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>ML.NET's output row: one probability per label, in the order of <see cref="IntentModel.Labels"/>.</summary>
public sealed class IntentPrediction
{
    public float[] Score { get; set; } = [];
}
