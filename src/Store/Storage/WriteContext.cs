using InstructorBot.Store.Domain;
using LiteDB;

namespace InstructorBot.Store.Storage;

/// <summary>One queued write's view of the open transaction, and what it changed (applied to the snapshots after commit).</summary>
internal sealed class WriteContext(IStoreTransaction transaction, IStoreEngine engine)
{
    /// <summary>The store's own data in the open transaction.</summary>
    public IStoreTransaction Data => transaction;

    /// <summary>The LiteDB database, for the host's own collections (LiteDB engine only).</summary>
    public ILiteDatabase Db => engine.Lite;

    public Dictionary<int, Organization> ChangedOrganizations { get; } = [];

    public bool UsersChanged { get; set; }

    /// <summary>Every collection was emptied (<see cref="InstructorStore.ClearAsync"/>): the snapshots start again from nothing.</summary>
    public bool Cleared { get; set; }

    public Organization? FindOrganization(int id) => transaction.FindOrganization(id);

    public Organization Insert(Organization organization)
    {
        var id = transaction.InsertOrganization(organization with { Id = 0 });
        var stored = organization with { Id = id };
        ChangedOrganizations[id] = stored;
        return stored;
    }

    public Organization Update(Organization organization)
    {
        if (!transaction.UpdateOrganization(organization))
        {
            throw new StoreException($"找不到单位（编号 {organization.Id}）");
        }

        ChangedOrganizations[organization.Id] = organization;
        return organization;
    }

    public int Append(AuditEntry entry) => transaction.AppendAudit(entry with { Id = 0 });
}
