namespace InstructorBot.Store.Domain;

/// <summary>A scope name resolved against the ledger: "坂田街道" → street 龙岗区/坂田街道.</summary>
public sealed record ScopeMatch(string Name, ScopeLevel Level, Jurisdiction Jurisdiction);
