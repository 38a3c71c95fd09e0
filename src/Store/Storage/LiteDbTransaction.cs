using InstructorBot.Store.Documents;
using InstructorBot.Store.Domain;
using LiteDB;

namespace InstructorBot.Store.Storage;

/// <summary>The store's data in LiteDB's open transaction (the writer thread's; LiteDB ties it to the thread).</summary>
internal sealed class LiteDbTransaction(LiteDatabase db, BsonMapper mapper, RecordIds ids) : IStoreTransaction
{
    private ILiteCollection<Organization> Organizations => db.GetCollection<Organization>(Collections.Organizations, BsonAutoId.Int32);

    private ILiteCollection<User> Users => db.GetCollection<User>(Collections.Users);

    private ILiteCollection<AuditEntry> Audit => db.GetCollection<AuditEntry>(Collections.Audit, BsonAutoId.Int32);

    public IDocumentWriter Documents { get; } = new LiteDbDocuments(db);

    public Organization? FindOrganization(int id) => Organizations.FindById(id);

    public IReadOnlyList<Organization> AllOrganizations() => Organizations.FindAll().ToList();

    public int InsertOrganization(Organization organization) => Organizations.Insert(organization).AsInt32;

    public bool UpdateOrganization(Organization organization) => Organizations.Update(organization);

    // LiteDB has no cheaper bulk path inside a transaction: the documents go one by one, as before.
    public IReadOnlyList<int> InsertOrganizations(IReadOnlyList<Organization> organizations) =>
        organizations.Select(InsertOrganization).ToArray();

    public bool UpdateOrganizations(IReadOnlyList<Organization> organizations) =>
        organizations.Aggregate(true, (all, organization) => UpdateOrganization(organization) && all);

    public User? FindUser(string id) => Users.FindById(id);

    public void UpsertUser(User user) => Users.Upsert(user);

    public int AppendAudit(AuditEntry entry) => Audit.Insert(entry).AsInt32;

    public AuditEntry? FindAudit(int id) => Audit.FindById(id);

    public void UpdateAudit(AuditEntry entry) => Audit.Update(entry);

    public AuditEntry? LastOpenRecordEntry(string actor) =>
        Audit.Query()
            .Where(e => e.Actor == actor && e.Action == "record" && e.UndoneBy == null)
            .OrderByDescending(e => e.Id)
            .FirstOrDefault();

    public int InsertRecord(RecordRequest record)
    {
        var collection = Collections.For(record.Kind);
        var document = mapper.ToDocument(record.GetType(), record);
        var id = ids.Next(db, collection);
        document["_id"] = id;
        db.GetCollection(collection).Insert(document);
        return id;
    }

    public RecordRequest? FindRecord(string kind, int id) =>
        Collections.Records.TryGetValue(kind, out var entry) && db.GetCollection(entry.Collection).FindById(id) is { } document
            ? (RecordRequest)mapper.ToObject(entry.Type, document)
            : null;

    public void DeleteRecord(string kind, int id)
    {
        var collection = Collections.For(kind);
        db.GetCollection(collection).Delete(id);
        ids.Retire(db, collection, id);
    }

    public void AnnounceChanges(IReadOnlyCollection<int> organizationIds, bool allOrganizations, bool users)
    {
        // One process owns the file: nobody else holds a snapshot.
    }

    public int ClearAll()
    {
        var deleted = 0;
        foreach (var name in db.GetCollectionNames().ToList())
        {
            deleted += db.GetCollection(name).DeleteAll();
        }

        return deleted;
    }
}
