using InstructorBot.Store.Documents;
using InstructorBot.Store.Domain;
using LiteDB;

namespace InstructorBot.Store.Storage;

/// <summary>
/// The seam under <see cref="InstructorStore"/>: where the store's own data lives (the ledger, users and their channel
/// bindings, records, audit) and how a write group is made durable. <see cref="LiteDbEngine"/> is the embedded default;
/// <c>Postgres.PostgresEngine</c> is the server one. The store above keeps the snapshots, the writer thread, the domain rules.
/// </summary>
internal interface IStoreEngine : IDisposable
{
    /// <summary>What the store was opened on: the LiteDB file's full path, or the PostgreSQL host and database (never a password).</summary>
    string Location { get; }

    /// <summary>Creates the session the writer thread uses; called once, on the writer thread.</summary>
    IWriteSession OpenWriteSession();

    IReadOnlyList<Organization> LoadOrganizations();

    /// <summary>Every user, ordered by id (ordinal).</summary>
    IReadOnlyList<User> LoadUsers();

    /// <summary>The organisations with these ids, as stored now.</summary>
    IReadOnlyList<Organization> LoadOrganizations(IReadOnlyCollection<int> ids);

    /// <summary>
    /// Starts watching what other processes on the same database change (PostgreSQL); <paramref name="start"/> lets the
    /// changes through once the caller has loaded its snapshots. Null on an engine one process owns (LiteDB).
    /// </summary>
    IDisposable? WatchChanges(Action<StoreChanges> changed, out Action start);

    /// <summary>Records of one kind dated within [from, to]; an engine may narrow by <paramref name="within"/> (the store narrows again).</summary>
    IReadOnlyList<RecordRequest> RecordsBetween(string kind, DateOnly from, DateOnly to, Jurisdiction within);

    /// <summary>Every record the user reported, in kind order then id order (the store sorts by time).</summary>
    IReadOnlyList<RecordRequest> RecordsBy(string userId);

    RecordRequest? FindRecord(RecordRef reference);

    /// <summary>The actor's audit entries, newest first.</summary>
    IReadOnlyList<AuditEntry> AuditOf(string actor, int limit);

    /// <summary>A consistent copy to <paramref name="destination"/>, run on the writer thread between two groups.</summary>
    void Backup(string destination);

    /// <summary>
    /// Holds <paramref name="key"/> against other processes on the same database until the result is disposed (PostgreSQL:
    /// a session advisory lock on a connection of its own); null on an engine one process owns (LiteDB).
    /// </summary>
    Task<IAsyncDisposable?> HoldAsync(string key, CancellationToken cancellationToken);

    /// <summary>The host's own documents, read outside any write.</summary>
    IDocumentReader Documents { get; }

    /// <summary>The LiteDB database, for LiteDB-only callers and tests; a <see cref="StoreException"/> on an engine without one.</summary>
    ILiteDatabase Lite { get; }
}
