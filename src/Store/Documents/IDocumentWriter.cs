namespace InstructorBot.Store.Documents;

/// <summary>
/// The host's own documents inside the store's open write transaction, on the writer thread
/// (<see cref="InstructorStore.WriteDocumentsAsync{T}"/>, and the <c>alsoWrite</c> of a record write, so a handled turn
/// commits with its records). Reads through it see the transaction's own writes.
/// </summary>
public interface IDocumentWriter : IDocumentReader
{
    /// <summary>Stores the document under <paramref name="id"/>, replacing any there.</summary>
    void Upsert<T>(string collection, DocumentId id, T document)
        where T : class;

    /// <summary>
    /// Stores the document only when <paramref name="id"/> is free; false (nothing written) when it is taken. On
    /// PostgreSQL <c>INSERT … ON CONFLICT DO NOTHING</c>: a second host inserting the same id waits for the first one's
    /// transaction and then finds it taken, so of two hosts only one writes.
    /// </summary>
    bool TryInsert<T>(string collection, DocumentId id, T document)
        where T : class;

    /// <summary>
    /// Stores a document under a new number (never given twice), made by <paramref name="withId"/>; returns it with its
    /// number, or null on PostgreSQL when a unique key of the collection already holds its value (notices: their key).
    /// </summary>
    T? InsertWithNewId<T>(string collection, Func<int, T> withId)
        where T : class;

    /// <summary>False when there was no such document.</summary>
    bool Delete(string collection, DocumentId id);

    /// <summary>Deletes up to <paramref name="max"/> documents whose number field <paramref name="timeField"/> is below <paramref name="beforeMs"/>, oldest first.</summary>
    int DeleteOlderThan(string collection, string timeField, long beforeMs, int max);

    /// <summary>
    /// Holds <paramref name="key"/> until this transaction ends, against other hosts on the same database (PostgreSQL:
    /// <c>pg_advisory_xact_lock</c> on its hash). On LiteDB one process owns the file and its single writer already
    /// runs one write at a time, so nothing is done.
    /// </summary>
    void LockUntilCommit(string key);
}
