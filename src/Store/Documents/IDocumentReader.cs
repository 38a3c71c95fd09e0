namespace InstructorBot.Store.Documents;

/// <summary>
/// The host's own documents (dialogue state, handled turns, one-time codes, notices, deliveries, sessions, …), read
/// outside any write on either engine (<see cref="InstructorStore.Documents"/>). A document is a record of the host,
/// stored whole; a field named in a query is a top-level property of it (its C# name).
/// </summary>
public interface IDocumentReader
{
    T? Find<T>(string collection, DocumentId id)
        where T : class;

    /// <summary>Every document of a (small) collection.</summary>
    IReadOnlyList<T> All<T>(string collection)
        where T : class;

    /// <summary>
    /// The documents whose text <paramref name="field"/> equals <paramref name="value"/>. PostgreSQL compares exactly;
    /// LiteDB's collation ignores case, so a caller that cares filters again by ordinal.
    /// </summary>
    IReadOnlyList<T> Where<T>(string collection, string field, string value)
        where T : class;

    /// <summary>
    /// The newest <paramref name="limit"/> documents whose text fields equal the <paramref name="partition"/> values
    /// exactly (ordinal on both engines), by the number field <paramref name="timeField"/>, newest first; with
    /// <paramref name="beforeMs"/>, only those before it. LiteDB reads it from the index on
    /// <see cref="LiteDbDocuments.LatestKey"/>, PostgreSQL from <c>documents_partition_time</c>.
    /// </summary>
    IReadOnlyList<T> Latest<T>(string collection, IReadOnlyList<(string Field, string Value)> partition, string timeField, long? beforeMs, int limit)
        where T : class;

    int Count(string collection);
}
