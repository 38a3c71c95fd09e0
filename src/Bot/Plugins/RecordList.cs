using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Plugins;

/// <summary>Records (visits or formations) of a scope over the last days, or why they may not be shown.</summary>
public sealed record RecordList(string Scope, DateOnly From, DateOnly To, IReadOnlyList<RecordRequest> Records, string? Refusal = null);
