namespace InstructorBot.Store.Tests;

/// <summary>
/// A real store in its own temp folder: a LiteDB file there (deleted with its -log.db and lock afterwards), or a new
/// database on the test run's PostgreSQL cluster (dropped afterwards).
/// </summary>
public sealed class TestStore : IDisposable
{
    private TestStore(string folder, StoreEngineKind engine)
    {
        Folder = folder;
        Engine = engine;
        ConnectionString = engine == StoreEngineKind.Postgres ? PostgresCluster.Instance.CreateDatabase() : null;
        Store = InstructorStore.Open(Options);
    }

    public string Folder { get; }

    public StoreEngineKind Engine { get; }

    /// <summary>The PostgreSQL database of this test (PostgreSQL only).</summary>
    public string? ConnectionString { get; }

    public StoreOptions Options => new() { Engine = Engine, Path = DatabasePath, ConnectionString = ConnectionString };

    public string DatabasePath => System.IO.Path.Combine(Folder, "test.db");

    public InstructorStore Store { get; private set; }

    public static string Data(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "data", name);

    public static TestStore Empty(StoreEngineKind engine = StoreEngineKind.LiteDb) =>
        new(Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "instructorbot-" + Guid.NewGuid().ToString("N"))).FullName, engine);

    public static async Task<TestStore> WithFixtureAsync(StoreEngineKind engine = StoreEngineKind.LiteDb)
    {
        var test = Empty(engine);
        var ledger = await test.Store.ImportLedgerAsync(Data("ledger.csv"));
        Assert.True(ledger.Succeeded, ledger.Describe());
        var users = await test.Store.ImportUsersAsync(Data("users.csv"));
        Assert.True(users.Succeeded, users.Describe());
        return test;
    }

    /// <summary>Closes and opens the file again, as a restarted process would.</summary>
    public InstructorStore Reopen()
    {
        Store.Dispose();
        Store = InstructorStore.Open(Options);
        return Store;
    }

    public string WriteFile(string name, string text, System.Text.Encoding? encoding = null)
    {
        var path = System.IO.Path.Combine(Folder, name);
        File.WriteAllText(path, text, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        Store.Dispose();
        if (ConnectionString is not null)
        {
            PostgresCluster.Instance.DropDatabase(ConnectionString);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
