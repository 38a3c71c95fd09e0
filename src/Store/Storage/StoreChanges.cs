namespace InstructorBot.Store.Storage;

/// <summary>
/// What a committed write changed that the in-memory snapshots hold, as another host learns it (PostgreSQL
/// <c>NOTIFY</c>): some organisations by id, or all of them (an import, a clear, or a gap in listening), and the users.
/// </summary>
internal sealed record StoreChanges(bool AllOrganizations, IReadOnlyList<int> OrganizationIds, bool Users)
{
    /// <summary>Everything: after the listener lost its connection and may have missed notices.</summary>
    public static StoreChanges Everything { get; } = new(true, [], true);
}
