using InstructorBot.Store.Documents;
using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Storage;

/// <summary>
/// The store's own data inside one open write transaction of an engine (LiteDB or PostgreSQL), on the writer thread.
/// Everything a write does goes through here, so the domain rules (<see cref="RecordEffects"/>, the ledger and user
/// merges) are written once for both engines.
/// </summary>
internal interface IStoreTransaction
{
    /// <summary>The organisation as stored now (on PostgreSQL, locked for the rest of the transaction).</summary>
    Organization? FindOrganization(int id);

    IReadOnlyList<Organization> AllOrganizations();

    /// <summary>Stores a new organisation; returns its id.</summary>
    int InsertOrganization(Organization organization);

    /// <summary>False when no organisation has that id.</summary>
    bool UpdateOrganization(Organization organization);

    /// <summary>Stores new organisations in one set-based write (a ledger import); returns their ids in the same order.</summary>
    IReadOnlyList<int> InsertOrganizations(IReadOnlyList<Organization> organizations);

    /// <summary>Replaces existing organisations in one set-based write (a ledger import); false when any id is missing.</summary>
    bool UpdateOrganizations(IReadOnlyList<Organization> organizations);

    User? FindUser(string id);

    void UpsertUser(User user);

    /// <summary>Stores an audit entry; returns its id.</summary>
    int AppendAudit(AuditEntry entry);

    AuditEntry? FindAudit(int id);

    void UpdateAudit(AuditEntry entry);

    /// <summary>The actor's newest <c>record</c> entry not yet undone.</summary>
    AuditEntry? LastOpenRecordEntry(string actor);

    /// <summary>Stores a record under a new id of its kind (monotonic, never reused, across undos and restarts); returns the id.</summary>
    int InsertRecord(RecordRequest record);

    RecordRequest? FindRecord(string kind, int id);

    /// <summary>Deletes a record and retires its id for good.</summary>
    void DeleteRecord(string kind, int id);

    /// <summary>The host's own documents in this transaction.</summary>
    IDocumentWriter Documents { get; }

    /// <summary>
    /// Tells the other hosts on the database, when this transaction commits, what it changed of the snapshots
    /// (PostgreSQL <c>NOTIFY</c>, <see cref="Postgres.PostgresChanges"/>); nothing on LiteDB, which one process owns.
    /// </summary>
    void AnnounceChanges(IReadOnlyCollection<int> organizationIds, bool allOrganizations, bool users);

    /// <summary>Empties the store (on LiteDB every collection, the host's too); returns how many rows or documents went.</summary>
    int ClearAll();
}
