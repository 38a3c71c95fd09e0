namespace InstructorBot.Store.Storage;

/// <summary>
/// An engine's side of the group-commit writer: one transaction at a time, always on the writer thread (LiteDB binds a
/// transaction to its thread; the PostgreSQL session keeps one connection for the writer).
/// </summary>
internal interface IWriteSession : IDisposable
{
    /// <summary>Opens a transaction and returns the view of it the writes use.</summary>
    IStoreTransaction Begin();

    /// <summary>Commits; returns only once the commit is durable (LiteDB: checkpoint and fsync; PostgreSQL: the commit itself).</summary>
    void CommitDurably();

    void Rollback();
}
