namespace InstructorBot.Bot.Demo;

/// <summary>
/// The workspace marker (<c>workspace</c>, id <c>demo</c>): whether the demo is in the database, and what was the demo's
/// when it was made (so removing it can tell real data apart). The field names are those LiteDB files already hold.
/// </summary>
public sealed record DemoMarker
{
    public string Id { get; init; } = "";

    /// <summary>A <see cref="DemoState"/> by name.</summary>
    public string State { get; init; } = "";

    public long AtMs { get; init; }

    public IReadOnlyList<int> Organizations { get; init; } = [];

    public IReadOnlyList<string> Users { get; init; } = [];
}
