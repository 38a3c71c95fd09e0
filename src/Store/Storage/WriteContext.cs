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

    /// <summary>Stores new organisations in one set-based write; returns them with their ids, in order.</summary>
    public IReadOnlyList<Organization> InsertAll(IReadOnlyList<Organization> organizations)
    {
        var ids = transaction.InsertOrganizations(organizations.Select(o => o with { Id = 0 }).ToArray());
        var stored = organizations.Select((o, i) => o with { Id = ids[i] }).ToArray();
        foreach (var organization in stored)
        {
            ChangedOrganizations[organization.Id] = organization;
        }

        return stored;
    }

    /// <summary>Replaces existing organisations in one set-based write.</summary>
    public void UpdateAll(IReadOnlyList<Organization> organizations)
    {
        if (!transaction.UpdateOrganizations(organizations))
        {
            throw new StoreException("导入时有单位已不在台账中（an organisation of the import is gone）");
        }

        foreach (var organization in organizations)
        {
            ChangedOrganizations[organization.Id] = organization;
        }
    }

    public int Append(AuditEntry entry) => transaction.AppendAudit(entry with { Id = 0 });
}
