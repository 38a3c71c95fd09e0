using InstructorBot.Bot.Cli;

namespace InstructorBot.Bot.Hosting;

/// <summary>The running host's side of <see cref="AdminFile"/>: the token in force and where uploaded files go.</summary>
public sealed class AdminAccess(string databasePath)
{
    private readonly string dataFolder = Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".";

    /// <summary>The published admin file; null until the host listens (and under the in-memory test server).</summary>
    public AdminFile? Current { get; private set; }

    public void Publish(string url)
    {
        var admin = AdminFile.Create(url);
        admin.Write(databasePath);
        Current = admin;
    }

    public void Withdraw()
    {
        Current = null;
        try
        {
            File.Delete(AdminFile.PathFor(databasePath));
        }
        catch (IOException)
        {
            // Left behind, it names an address that no longer answers: harmless.
        }
    }

    /// <summary>A private folder under the data folder for one request's uploads, deleted when disposed.</summary>
    public Uploads UploadFolder() => new(PrivateFolder(Path.Combine(dataFolder, "uploads", Guid.NewGuid().ToString("N"))));

    /// <summary>Saves an uploaded document as <c>documents/NAME</c> under the data folder; its path.</summary>
    public string SaveDocument(AdminRequest.Upload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var folder = PrivateFolder(Path.Combine(dataFolder, "documents"));
        var path = Path.Combine(folder, SafeName(upload.Name));
        File.WriteAllBytes(path, upload.Content);
        return path;
    }

    /// <summary>A folder only the service's user can enter (uploaded ledgers carry personal data).</summary>
    private static string PrivateFolder(string path) =>
        (OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)).FullName;

    /// <summary>The file's own name only: an uploaded name can never climb out of the folder.</summary>
    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        return file is { Length: > 0 } and not "." and not ".." ? file : throw new CliException($"文件名不可用：{name}", $"unusable file name: {name}");
    }

    public sealed class Uploads(string folder) : IDisposable
    {
        public string Save(AdminRequest.Upload upload)
        {
            ArgumentNullException.ThrowIfNull(upload);
            var path = Path.Combine(folder, SafeName(upload.Name));
            File.WriteAllBytes(path, upload.Content);
            return path;
        }

        public void Dispose() => Directory.Delete(folder, recursive: true);
    }
}
