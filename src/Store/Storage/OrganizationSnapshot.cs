using System.Collections.Frozen;
using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Storage;

/// <summary>An immutable in-memory copy of every organisation, swapped after each committed write that changed one.</summary>
internal sealed class OrganizationSnapshot
{
    private OrganizationSnapshot(Dictionary<int, Organization> byId, long version, long namesVersion)
    {
        ById = byId;
        Version = version;
        NamesVersion = namesVersion;
        All = byId.Values.OrderBy(o => o.Id).ToArray();
        var byCode = new Dictionary<string, Organization>(StringComparer.Ordinal);
        var byName = new Dictionary<string, Organization>(StringComparer.Ordinal);
        foreach (var organization in All)
        {
            if (organization.CreditCode is { Length: > 0 } code)
            {
                byCode.TryAdd(code, organization);
            }

            byName.TryAdd(organization.Name, organization);
        }

        ByCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        ByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static OrganizationSnapshot Empty { get; } = new([], 0, 0);

    public IReadOnlyList<Organization> All { get; }

    public long Version { get; }

    /// <summary>Moves only when an organisation is added or its name, credit code, district, street or community changes.</summary>
    public long NamesVersion { get; }

    public IReadOnlyDictionary<int, Organization> ById { get; }

    public IReadOnlyDictionary<string, Organization> ByCode { get; }

    public IReadOnlyDictionary<string, Organization> ByName { get; }

    public static OrganizationSnapshot Of(IEnumerable<Organization> organizations, long version) =>
        new(organizations.ToDictionary(o => o.Id), version, version);

    public OrganizationSnapshot With(IEnumerable<Organization> changed)
    {
        var byId = new Dictionary<int, Organization>(ById);
        var namesChanged = false;
        foreach (var organization in changed)
        {
            namesChanged |= !byId.TryGetValue(organization.Id, out var previous) || !SameNames(previous, organization);
            byId[organization.Id] = organization;
        }

        return new OrganizationSnapshot(byId, Version + 1, namesChanged ? NamesVersion + 1 : NamesVersion);
    }

    private static bool SameNames(Organization a, Organization b) =>
        a.Name == b.Name && a.CreditCode == b.CreditCode && a.District == b.District && a.Street == b.Street && a.Community == b.Community;
}
