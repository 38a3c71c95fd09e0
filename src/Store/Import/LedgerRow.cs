using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Import;

/// <summary>A valid ledger row: its line, the organisation it describes, and which columns the file had.</summary>
internal sealed record LedgerRow(int Line, Organization Organization, IReadOnlySet<LedgerColumn> Present);
