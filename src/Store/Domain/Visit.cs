namespace InstructorBot.Store.Domain;

/// <summary>走访: an instructor visited the unit. Changes nothing on the organisation.</summary>
public sealed record Visit : RecordRequest
{
    public const string KindName = "visit";

    public override string Kind => KindName;

    /// <summary>What was noted, if anything.</summary>
    public string? Note { get; init; }
}
