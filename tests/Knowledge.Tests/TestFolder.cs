namespace InstructorBot.Knowledge.Tests;

/// <summary>A temporary folder on disk, removed when disposed.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kb-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static string Data(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    public static string Corpus => System.IO.Path.Combine(AppContext.BaseDirectory, "corpus");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A knowledge base in this folder over the shipped corpus plus 001 (added through <c>index</c>), both indexed.</summary>
    public KnowledgeBase ShippedCorpusWithPlan()
    {
        var knowledge = new KnowledgeBase(File("index"), Corpus);
        knowledge.AddDocuments([Data("documents", "001-quality-plan.txt")]);
        knowledge.EnsureCorpus();
        return knowledge;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the OS cleans the temp folder.
        }
    }
}
