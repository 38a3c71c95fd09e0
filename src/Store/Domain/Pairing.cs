namespace InstructorBot.Store.Domain;

/// <summary>一对一帮扶组建 (000 §三(三)): a secretary takes on the unit. Changes nothing on the organisation.</summary>
public sealed record Pairing : RecordRequest
{
    public const string KindName = "pairing";

    public override string Kind => KindName;

    /// <summary>The helping secretary's name.</summary>
    public string Secretary { get; init; } = "";
}
