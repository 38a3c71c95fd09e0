using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Storage;

/// <summary>Resolves a scope name against the 区/街道/社区 names the ledger holds.</summary>
internal static class ScopeResolver
{
    private static readonly string[] Suffixes = ["社区", "街道", "区"];

    public static ScopeMatch? Find(IReadOnlyList<Organization> organizations, string? name)
    {
        var text = (name ?? "").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Contains('/', StringComparison.Ordinal))
        {
            var path = Jurisdiction.Parse(text);
            return organizations.Any(path.Contains) ? new ScopeMatch(path.Name!, LevelOf(path), path) : null;
        }

        return Exact(organizations, text)
            ?? Suffixes.Select(suffix => text.EndsWith(suffix, StringComparison.Ordinal) ? null : Exact(organizations, text + suffix))
                .FirstOrDefault(match => match is not null);
    }

    private static ScopeMatch? Exact(IReadOnlyList<Organization> organizations, string text)
    {
        ScopeMatch? street = null;
        ScopeMatch? community = null;
        foreach (var organization in organizations)
        {
            if (organization.District == text)
            {
                return new ScopeMatch(text, ScopeLevel.District, new Jurisdiction(organization.District));
            }

            if (street is null && organization.Street == text)
            {
                street = new ScopeMatch(text, ScopeLevel.Street, new Jurisdiction(organization.District, organization.Street));
            }

            if (community is null && organization.Community == text)
            {
                community = new ScopeMatch(
                    text, ScopeLevel.Community, new Jurisdiction(organization.District, organization.Street, organization.Community));
            }
        }

        return street ?? community;
    }

    private static ScopeLevel LevelOf(Jurisdiction path) =>
        path.Community is not null ? ScopeLevel.Community : path.Street is not null ? ScopeLevel.Street : ScopeLevel.District;
}
