namespace InstructorBot.Store.Tests;

/// <summary>A real LiteDB file in its own temp folder, deleted (with its -log.db and lock) afterwards.</summary>
public sealed class TestStore : IDisposable
{
    private TestStore(string folder)
    {
        Folder = folder;
        Store = InstructorStore.Open(DatabasePath);
    }

    public string Folder { get; }

    public string DatabasePath => System.IO.Path.Combine(Folder, "test.db");

    public InstructorStore Store { get; private set; }

    public static string Data(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "data", name);

    public static TestStore Empty() =>
        new(Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "instructorbot-" + Guid.NewGuid().ToString("N"))).FullName);

    public static async Task<TestStore> WithFixtureAsync()
    {
        var test = Empty();
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
        Store = InstructorStore.Open(DatabasePath);
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
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
