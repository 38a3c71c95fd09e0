namespace InstructorBot.Knowledge.Formation;

/// <summary>
/// The formation method that fits a unit. <see cref="Level"/> for single and functional organisations;
/// <see cref="JointModes"/> for joint ones; every reason cited.
/// </summary>
public sealed record Recommendation(
    FormationMethod Method,
    OrganizationLevel? Level,
    IReadOnlyList<JointFormationMode>? JointModes,
    IReadOnlyList<RecommendationReason> Reasons);
