using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Where a message names an organisation: linked to one ledger organisation, or ambiguous (several
/// <see cref="Candidates"/>), or a name the ledger lacks (<see cref="Written"/> only), or a generic "一家企业".
/// </summary>
public sealed record OrganizationMention(int Start, int Length, string Written)
{
    public Organization? Organization { get; init; }

    public IReadOnlyList<OrganizationCandidate> Candidates { get; init; } = [];

    /// <summary>"一家企业": an organisation is meant but not named.</summary>
    public bool IsGeneric { get; init; }

    /// <summary>
    /// Linked by sound, not as written (家和餐饮 for 佳和餐饮, <see cref="OrganizationSoundAlikes"/>): the unit is offered as
    /// a question ("您是指…吗？") before anything is written for it.
    /// </summary>
    public bool IsHeard { get; init; }

    public int End => Start + Length;

    public bool IsAmbiguous => Organization is null && Candidates.Count > 1;

    /// <summary>The name the contract reports: the ledger's full name, the name as written, or null.</summary>
    public string? ReportedName => Organization?.Name ?? (IsGeneric || IsAmbiguous ? null : Written);
}
