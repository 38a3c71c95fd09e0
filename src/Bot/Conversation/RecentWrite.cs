using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>One of the sender's recent record writes (one message's records), numbered from 1 for the newest.</summary>
public sealed record RecentWrite(int Number, AuditEntry Entry, IReadOnlyList<RecordRequest> Records);
