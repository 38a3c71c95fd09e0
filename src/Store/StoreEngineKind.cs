namespace InstructorBot.Store;

/// <summary>Where the store keeps its data: configuration <c>Store:Engine</c> = <c>litedb</c> (default) or <c>postgres</c>.</summary>
public enum StoreEngineKind
{
    /// <summary>One embedded LiteDB 5 file (<c>Store:Path</c>).</summary>
    LiteDb,

    /// <summary>A PostgreSQL server through Npgsql (<c>Store:ConnectionString</c>).</summary>
    Postgres,
}
