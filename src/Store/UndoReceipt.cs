using InstructorBot.Store.Domain;

namespace InstructorBot.Store;

/// <summary>What an undo took back: the removed records and the organisations as restored.</summary>
public sealed record UndoReceipt(int AuditId, int UndoneAuditId, IReadOnlyList<RecordRequest> Removed, IReadOnlyList<Organization> Organizations);
