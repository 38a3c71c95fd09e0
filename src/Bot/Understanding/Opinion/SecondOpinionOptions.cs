namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>Settings of the second opinion (configuration section <c>Understanding:SecondOpinion</c>).</summary>
public sealed class SecondOpinionOptions
{
    /// <summary>On by default; off, no model is trained or loaded and no action is marked doubtful.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A recording action is doubtful when the classifier gives its kind less than this probability. Chosen on
    /// held-out folds of the own cases (docs/understanding.md §Second opinion).
    /// </summary>
    public float Threshold { get; set; } = DefaultThreshold;

    /// <summary>Where the trained model is cached; null: beside the database.</summary>
    public string? ModelFolder { get; set; }

    public const float DefaultThreshold = 0.20f;
}
