namespace InstructorBot.Store.Domain;

/// <summary>Who changed what, when, with every changed organisation before and after.</summary>
public sealed record AuditEntry
{
    public int Id { get; init; }

    /// <summary>用户ID of whoever wrote (<c>system</c> for imports from the command line).</summary>
    public string Actor { get; init; } = "";

    public DateTimeOffset At { get; init; }

    /// <summary><c>record</c>, <c>undo</c>, <c>import_ledger</c>, <c>import_users</c>, <c>save_user</c>.</summary>
    public string Action { get; init; } = "";

    /// <summary>A short description (counts for an import).</summary>
    public string? Summary { get; init; }

    /// <summary>The records written (for <c>record</c>) or removed (for <c>undo</c>).</summary>
    public IReadOnlyList<RecordRef> Records { get; init; } = [];

    public IReadOnlyList<Organization> Before { get; init; } = [];

    public IReadOnlyList<Organization> After { get; init; } = [];

    /// <summary>For an <c>undo</c>: the entry it took back.</summary>
    public int? Undoes { get; init; }

    /// <summary>For a <c>record</c> entry written as a correction: the entry it replaced (undone in the same transaction).</summary>
    public int? Corrects { get; init; }

    /// <summary>Set on a <c>record</c> entry once it has been taken back.</summary>
    public int? UndoneBy { get; init; }
}
