using System.Collections.Frozen;
using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Storage;

/// <summary>
/// An immutable in-memory copy of every organisation, swapped after each committed write that changed one. The
/// name and credit-code lookups hold ids and are rebuilt only when a name, code or location changes or an
/// organisation is added; a visit only replaces the changed entries (a 100,000-row ledger is not re-indexed per write).
/// </summary>
internal sealed class OrganizationSnapshot
{
    private static readonly Comparer<Organization> ByIdOrder = Comparer<Organization>.Create((a, b) => a.Id.CompareTo(b.Id));

    private readonly FrozenDictionary<string, int> idByCode;
    private readonly FrozenDictionary<string, int> idByName;
    private readonly Organization[] all;

    private OrganizationSnapshot(Dictionary<int, Organization> byId, Organization[] all, long version, long namesVersion,
        FrozenDictionary<string, int>? idByCode = null, FrozenDictionary<string, int>? idByName = null)
    {
        ById = byId;
        this.all = all;
        Version = version;
        NamesVersion = namesVersion;
        if (idByCode is null || idByName is null)
        {
            var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var organization in all)
            {
                if (organization.CreditCode is { Length: > 0 } code)
                {
                    byCode.TryAdd(code, organization.Id);
                }

                byName.TryAdd(organization.Name, organization.Id);
            }

            idByCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
            idByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        }

        this.idByCode = idByCode;
        this.idByName = idByName;
    }

    public static OrganizationSnapshot Empty { get; } = new([], [], 0, 0);

    /// <summary>Every organisation, ordered by id.</summary>
    public IReadOnlyList<Organization> All => all;

    public long Version { get; }

    /// <summary>Moves only when an organisation is added or its name, credit code, district, street or community changes.</summary>
    public long NamesVersion { get; }

    public IReadOnlyDictionary<int, Organization> ById { get; }

    public Organization? FindByCode(string code) => idByCode.TryGetValue(code, out var id) ? ById[id] : null;

    public Organization? FindByName(string name) => idByName.TryGetValue(name, out var id) ? ById[id] : null;

    public static OrganizationSnapshot Of(IEnumerable<Organization> organizations, long version)
    {
        var byId = organizations.ToDictionary(o => o.Id);
        return new(byId, [.. byId.Values.OrderBy(o => o.Id)], version, version);
    }

    public OrganizationSnapshot With(IEnumerable<Organization> changed)
    {
        var byId = new Dictionary<int, Organization>(ById);
        var namesChanged = false;
        foreach (var organization in changed)
        {
            namesChanged |= !byId.TryGetValue(organization.Id, out var previous) || !SameNames(previous, organization);
            byId[organization.Id] = organization;
        }

        if (namesChanged)
        {
            return new OrganizationSnapshot(byId, [.. byId.Values.OrderBy(o => o.Id)], Version + 1, NamesVersion + 1);
        }

        // Same ids, names and codes: replace the changed entries in the id-ordered array and keep the lookups.
        var copy = (Organization[])all.Clone();
        foreach (var organization in changed)
        {
            copy[Array.BinarySearch(copy, organization, ByIdOrder)] = byId[organization.Id];
        }

        return new OrganizationSnapshot(byId, copy, Version + 1, NamesVersion, idByCode, idByName);
    }

    private static bool SameNames(Organization a, Organization b) =>
        a.Name == b.Name && a.CreditCode == b.CreditCode && a.District == b.District && a.Street == b.Street && a.Community == b.Community;
}
