namespace InstructorBot.Bot.Understanding;

/// <summary>One ledger organisation a mention may mean, for "您说的是哪一家：1. … 2. …".</summary>
public sealed record OrganizationCandidate(int Id, string Name);
