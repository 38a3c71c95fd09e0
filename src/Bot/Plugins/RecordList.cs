using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Plugins;

/// <summary>
/// Records (visits or formations) of a scope within a window, optionally only those one person reported, or why they may
/// not be shown.
/// </summary>
public sealed record RecordList(string Scope, DateOnly From, DateOnly To, IReadOnlyList<RecordRequest> Records, string? Refusal = null, string? Person = null)
{
    /// <summary>How many different units the records concern (家), as against how many records (次).</summary>
    public int Units => Records.Select(r => r.OrganizationId).Distinct().Count();
}
