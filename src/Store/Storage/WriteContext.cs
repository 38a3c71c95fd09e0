using InstructorBot.Store.Domain;
using LiteDB;

namespace InstructorBot.Store.Storage;

/// <summary>One queued write's view of the open transaction, and what it changed (applied to the snapshots after commit).</summary>
internal sealed class WriteContext(ILiteDatabase db)
{
    public ILiteDatabase Db => db;

    public Dictionary<int, Organization> ChangedOrganizations { get; } = [];

    public bool UsersChanged { get; set; }

    /// <summary>Every collection was emptied (<see cref="InstructorStore.ClearAsync"/>): the snapshots start again from nothing.</summary>
    public bool Cleared { get; set; }

    public ILiteCollection<Organization> Organizations => db.GetCollection<Organization>(Collections.Organizations, BsonAutoId.Int32);

    public ILiteCollection<User> Users => db.GetCollection<User>(Collections.Users);

    public ILiteCollection<AuditEntry> Audit => db.GetCollection<AuditEntry>(Collections.Audit, BsonAutoId.Int32);

    public Organization Insert(Organization organization)
    {
        var id = Organizations.Insert(organization with { Id = 0 }).AsInt32;
        var stored = organization with { Id = id };
        ChangedOrganizations[id] = stored;
        return stored;
    }

    public Organization Update(Organization organization)
    {
        if (!Organizations.Update(organization))
        {
            throw new StoreException($"找不到单位（编号 {organization.Id}）");
        }

        ChangedOrganizations[organization.Id] = organization;
        return organization;
    }

    public int Append(AuditEntry entry) => Audit.Insert(entry with { Id = 0 }).AsInt32;
}
