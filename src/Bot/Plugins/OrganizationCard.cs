using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Plugins;

/// <summary>One organisation's ledger facts and its last visit, or why it may not be shown.</summary>
public sealed record OrganizationCard(Organization? Organization, DateOnly? LastVisit, DateOnly Today, string? Refusal = null);
