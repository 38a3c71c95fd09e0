using System.Globalization;
using LiteDB;

namespace InstructorBot.Store.Documents;

/// <summary>
/// The host's documents in LiteDB, exactly as the host kept them before the seam: one collection per feature, each
/// document mapped by the store's <see cref="BsonMapper"/> with its <c>Id</c> as <c>_id</c>. The same class serves the
/// reads (on the shared database) and the writes (inside the writer's transaction on its thread).
/// </summary>
public sealed class LiteDbDocuments(ILiteDatabase db) : IDocumentReader, IDocumentWriter
{
    /// <summary>
    /// The one-field sort key of <see cref="IDocumentReader.Latest{T}"/> (LiteDB 5 has no compound indexes): the
    /// partition fields and the time as 16 digits, joined by '|'. A collection read that way indexes this expression.
    /// </summary>
    public static string LatestKey(IEnumerable<string> partitionFields, string timeField) =>
        string.Concat(partitionFields.Select(f => "$." + DocumentFields.Checked(f) + " + '|' + "))
        + "FORMAT($." + DocumentFields.Checked(timeField) + ", 'D16')";

    /// <summary>The query behind <see cref="Latest{T}"/>, newest first (also for tests of its plan).</summary>
    public static ILiteQueryable<BsonDocument> LatestQuery(
        ILiteDatabase db, string collection, IReadOnlyList<(string Field, string Value)> partition, string timeField, long? beforeMs)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(partition);
        var key = LatestKey(partition.Select(p => p.Field), timeField);
        var prefix = string.Concat(partition.Select(p => p.Value + "|"));

        // Milliseconds since 1970 as 16 digits sort as text in time order.
        var last = beforeMs is { } before ? Math.Max(0, before - 1).ToString("D16", CultureInfo.InvariantCulture) : new string('9', 16);
        return db.GetCollection(collection).Query()
            .Where(key + " BETWEEN @0 AND @1", prefix + new string('0', 16), prefix + last)
            .OrderByDescending(key);
    }

    /// <summary>The query behind <see cref="DeleteOlderThan"/>, oldest first (also for tests of its plan).</summary>
    public static ILiteQueryable<BsonDocument> OlderThanQuery(ILiteDatabase db, string collection, string timeField, long beforeMs)
    {
        ArgumentNullException.ThrowIfNull(db);
        var field = "$." + DocumentFields.Checked(timeField);
        return db.GetCollection(collection).Query().Where(field + " < @0", beforeMs).OrderBy(field);
    }

    public T? Find<T>(string collection, DocumentId id)
        where T : class =>
        db.GetCollection<T>(collection).FindById(Key(id));

    public IReadOnlyList<T> All<T>(string collection)
        where T : class =>
        db.GetCollection<T>(collection).FindAll().ToList();

    public IReadOnlyList<T> Where<T>(string collection, string field, string value)
        where T : class =>
        db.GetCollection<T>(collection).Find(Query.EQ(DocumentFields.Checked(field), value)).ToList();

    public IReadOnlyList<T> Latest<T>(string collection, IReadOnlyList<(string Field, string Value)> partition, string timeField, long? beforeMs, int limit)
        where T : class
    {
        var latest = LatestQuery(db, collection, partition, timeField, beforeMs).Limit(limit).ToList();
        var exact = latest.Where(d => IsOf(d, partition)).ToList();
        if (exact.Count < latest.Count)
        {
            // The database's collation ignores case: another value differing only in case shares the key range.
            exact = [.. LatestQuery(db, collection, partition, timeField, beforeMs).ToEnumerable().Where(d => IsOf(d, partition)).Take(limit)];
        }

        return exact.Select(d => db.Mapper.ToObject<T>(d)).ToList();
    }

    public int Count(string collection) => db.GetCollection(collection).Count();

    public void Upsert<T>(string collection, DocumentId id, T document)
        where T : class =>
        db.GetCollection<T>(collection).Upsert(Key(id), document);

    public bool TryInsert<T>(string collection, DocumentId id, T document)
        where T : class
    {
        // The store's single writer runs one write at a time, so the check and the insert cannot be split.
        var documents = db.GetCollection<T>(collection);
        if (documents.FindById(Key(id)) is not null)
        {
            return false;
        }

        documents.Insert(Key(id), document);
        return true;
    }

    public T? InsertWithNewId<T>(string collection, Func<int, T> withId)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(withId);
        var id = db.GetCollection<T>(collection, BsonAutoId.Int32).Insert(withId(0));
        return withId(id.AsInt32);
    }

    public bool Delete(string collection, DocumentId id) => db.GetCollection(collection).Delete(Key(id));

    public int DeleteOlderThan(string collection, string timeField, long beforeMs, int max)
    {
        var documents = db.GetCollection(collection);
        return OlderThanQuery(db, collection, timeField, beforeMs).Limit(max).ToList().Count(d => documents.Delete(d["_id"]));
    }

    public void LockUntilCommit(string key)
    {
    }

    private static BsonValue Key(DocumentId id) => id.Text is { } text ? new BsonValue(text) : new BsonValue(id.Number);

    private static bool IsOf(BsonDocument document, IReadOnlyList<(string Field, string Value)> partition) =>
        partition.All(p => document[p.Field] is { IsString: true } value && string.Equals(value.AsString, p.Value, StringComparison.Ordinal));
}
