namespace InstructorBot.Store.Domain;

/// <summary>
/// 工作覆盖: an instructor assigned (sets <see cref="Organization.Instructor"/>) or a 群团组织 formed
/// (adds to <see cref="Organization.MassOrganizations"/>).
/// </summary>
public sealed record WorkCoverage : RecordRequest
{
    public const string KindName = "work_coverage";

    public override string Kind => KindName;

    public WorkCoverageMeasure Measure { get; init; }

    /// <summary>The instructor's name for <see cref="WorkCoverageMeasure.Instructor"/>.</summary>
    public string? Person { get; init; }
}
