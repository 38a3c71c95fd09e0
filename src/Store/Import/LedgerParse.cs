namespace InstructorBot.Store.Import;

/// <summary>A ledger file read and checked: the rows when every one is valid, else every error.</summary>
internal sealed record LedgerParse(IReadOnlyList<LedgerRow> Rows, IReadOnlyList<ImportError> Errors);
