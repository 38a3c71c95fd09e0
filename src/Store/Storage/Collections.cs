using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Storage;

/// <summary>LiteDB collection names.</summary>
internal static class Collections
{
    public const string Organizations = "organizations";
    public const string Users = "users";
    public const string Audit = "audit";

    /// <summary>Per record collection, the highest id ever taken back by an undo (<see cref="RecordIds"/>).</summary>
    public const string RecordIdFloors = "record_id_floors";

    public static readonly IReadOnlyDictionary<string, (string Collection, Type Type)> Records =
        new Dictionary<string, (string, Type)>(StringComparer.Ordinal)
        {
            [Visit.KindName] = ("visits", typeof(Visit)),
            [MemberDiscovery.KindName] = ("member_discoveries", typeof(MemberDiscovery)),
            [Formation.KindName] = ("formations", typeof(Formation)),
            [WorkCoverage.KindName] = ("work_coverages", typeof(WorkCoverage)),
            [OrganizationUpdate.KindName] = ("org_updates", typeof(OrganizationUpdate)),
            [Pairing.KindName] = ("pairings", typeof(Pairing)),
            [FormationPlan.KindName] = ("formation_plans", typeof(FormationPlan)),
        };

    public static string For(string kind) =>
        Records.TryGetValue(kind, out var entry) ? entry.Collection : throw new ArgumentException($"unknown record kind {kind}", nameof(kind));
}
