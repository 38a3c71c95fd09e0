using InstructorBot.Store.Domain;

namespace InstructorBot.Store;

/// <summary>What a durable write stored: the records (with ids), the organisations as they now are, the audit entry.</summary>
public sealed record WriteReceipt(int AuditId, IReadOnlyList<RecordRequest> Records, IReadOnlyList<Organization> Organizations);
