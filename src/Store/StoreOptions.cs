namespace InstructorBot.Store;

/// <summary>How to open the store: configuration <c>Store:Engine</c>, <c>Store:Path</c>, <c>Store:ConnectionString</c>.</summary>
public sealed record StoreOptions
{
    public StoreEngineKind Engine { get; init; } = StoreEngineKind.LiteDb;

    /// <summary>The LiteDB file (LiteDB engine).</summary>
    public string? Path { get; init; }

    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Database=instructorbot;Username=bot</c> (PostgreSQL engine).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>LiteDB: how long to wait for another process to let go of the file.</summary>
    public TimeSpan LockWait { get; init; }

    /// <summary>The engine a configuration value names: empty or <c>litedb</c>, or <c>postgres</c> (also <c>postgresql</c>), any case.</summary>
    /// <exception cref="StoreException">Any other value.</exception>
    public static StoreEngineKind ParseEngine(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "litedb" => StoreEngineKind.LiteDb,
        "postgres" or "postgresql" => StoreEngineKind.Postgres,
        var other => throw new StoreException($"未知的存储引擎 Store:Engine={other}（可选 litedb 或 postgres）"),
    };
}
