using LiteDB;

namespace InstructorBot.Store.Storage;

/// <summary>
/// Record ids: per collection, monotonic and never reused, across undos and restarts, so an audit entry's
/// <c>visit:7</c> names one record forever. LiteDB's own Int32 auto-id restarts from the largest id present when the
/// database opens, so a record taken back by an undo would hand its id to the next record after a restart. Here the
/// next id is one above both the largest id present and the largest id an undo ever deleted (kept in
/// <see cref="Collections.RecordIdFloors"/>, written in the undo's own transaction). Used on the writer thread only; the
/// counters live in memory after the first use (a rolled-back group leaves a gap, never a reuse).
/// </summary>
internal sealed class RecordIds
{
    private readonly Dictionary<string, int> last = new(StringComparer.Ordinal);

    public int Next(ILiteDatabase db, string collection)
    {
        if (!last.TryGetValue(collection, out var id))
        {
            id = Math.Max(LargestPresent(db, collection), Floor(db, collection));
        }

        last[collection] = ++id;
        return id;
    }

    /// <summary>Remembers that <paramref name="id"/> was deleted, so it is never given again.</summary>
    public void Retire(ILiteDatabase db, string collection, int id)
    {
        var floors = db.GetCollection(Collections.RecordIdFloors);
        var floor = floors.FindById(collection)?["Floor"].AsInt32 ?? 0;
        if (id > floor)
        {
            floors.Upsert(new BsonDocument { ["_id"] = collection, ["Floor"] = id });
        }

        if (last.TryGetValue(collection, out var known) && known < id)
        {
            last[collection] = id;
        }
    }

    private static int LargestPresent(ILiteDatabase db, string collection) =>
        db.GetCollection(collection).Find(Query.All(Query.Descending), 0, 1).FirstOrDefault()?["_id"] is { IsInt32: true } id ? id.AsInt32 : 0;

    /// <summary>
    /// The stored floor; for a database written before floors existed, the largest id its undo entries name (read once,
    /// then stored, so later starts do not read the audit trail again).
    /// </summary>
    private static int Floor(ILiteDatabase db, string collection)
    {
        var floors = db.GetCollection(Collections.RecordIdFloors);
        if (floors.FindById(collection) is { } stored)
        {
            return stored["Floor"].AsInt32;
        }

        var kind = Collections.Records.First(r => r.Value.Collection == collection).Key;
        var undone = 0;
        foreach (var entry in db.GetCollection(Collections.Audit).Find(Query.EQ("Action", "undo")))
        {
            foreach (var reference in entry["Records"].AsArray)
            {
                // The mapper stores a property named Id as _id, in embedded documents too.
                var id = reference["_id"].IsInt32 ? reference["_id"].AsInt32 : reference["Id"].IsInt32 ? reference["Id"].AsInt32 : 0;
                if (reference["Kind"].AsString == kind && id > undone)
                {
                    undone = id;
                }
            }
        }

        floors.Upsert(new BsonDocument { ["_id"] = collection, ["Floor"] = undone });
        return undone;
    }
}
