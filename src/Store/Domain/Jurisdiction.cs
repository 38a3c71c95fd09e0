namespace InstructorBot.Store.Domain;

/// <summary>辖区: a district, optionally narrowed to a street and a community. All empty = everywhere (admin).</summary>
public sealed record Jurisdiction(string? District = null, string? Street = null, string? Community = null)
{
    public static readonly Jurisdiction Everywhere = new();

    /// <summary>Parses the ledger's "龙岗区/坂田街道/五和社区" form; empty text is everywhere.</summary>
    public static Jurisdiction Parse(string? text)
    {
        var parts = (text ?? "").Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Jurisdiction(parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2));
    }

    public bool Contains(Organization organization) =>
        (District is null || District == organization.District)
        && (Street is null || Street == organization.Street)
        && (Community is null || Community == organization.Community);

    /// <summary>The narrowest named level: the community, else the street, else the district; null for everywhere.</summary>
    public string? Name => Community ?? Street ?? District;

    public override string ToString() => string.Join('/', new[] { District, Street, Community }.Where(p => p is not null));
}
