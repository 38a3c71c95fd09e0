using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Plugins;

/// <summary>One organisation's ledger facts, its last visit and its 一企一策 plan, or why it may not be shown.</summary>
public sealed record OrganizationCard(Organization? Organization, DateOnly? LastVisit, DateOnly Today, string? Refusal = null, FormationPlan? Plan = null);
