using InstructorBot.Bot.Cli;
using InstructorBot.Store;

namespace InstructorBot.Bot.Demo;

/// <summary>
/// 演示数据: the fictional ledger (32 organisations of 龙岗区 and 龙华区) and its 9 users, embedded in the assembly, loaded
/// into an empty database so a first start has something to talk about. A marker document remembers it: replies and
/// the page say 演示数据 while it is there, and <see cref="RemoveAsync"/> (the <c>demo remove</c> verb) empties the
/// database again and leaves a marker that stops it from being created a second time.
/// </summary>
public sealed class DemoWorkspace
{
    public const string Collection = "workspace";

    private const string MarkerId = "demo";

    /// <summary>Who the start-up prints a sign-in link for: a 指导员 who reports and a 协调员 who asks for figures.</summary>
    public static readonly IReadOnlyList<(string UserId, string Role)> SignIns = [("u_zhang", "指导员"), ("u_wang", "协调员")];

    private readonly InstructorStore store;
    private volatile DemoState state;

    public DemoWorkspace(InstructorStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        store.EnsureCollection(Collection);
        state = ReadState();
    }

    public DemoState State => state;

    /// <summary>True while the database holds the demo workspace: every reply is marked 演示数据.</summary>
    public bool IsActive => state == DemoState.Active;

    /// <summary>Nothing at all: no organisation, no user, no demo created or removed before.</summary>
    public bool DatabaseIsEmpty => store.Organizations().Count == 0 && store.Users().Count == 0 && state == DemoState.None;

    /// <summary>Loads the demo ledger and users and sets the marker; the line to print.</summary>
    public async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("instructorbot-demo-").FullName;
        try
        {
            var ledger = Extract("demo-ledger.csv", folder);
            var users = Extract("demo-users.csv", folder);
            var organizations = await store.ImportLedgerAsync(ledger, "demo", cancellationToken);
            var people = await store.ImportUsersAsync(users, "demo", cancellationToken);
            if (!organizations.Succeeded || !people.Succeeded)
            {
                throw new InvalidOperationException("the embedded demo ledger or users were refused: " + string.Join("; ", organizations.Errors.Concat(people.Errors)));
            }

            // The database was empty: everything in it now is the demo's, remembered so that removing it can tell real data apart.
            await WriteMarkerAsync(DemoState.Active, cancellationToken, store.Organizations().Select(o => o.Id), store.Users().Select(u => u.Id));
            return $"演示数据已创建：{store.Organizations().Count} 家单位、{store.Users().Count} 名用户（均为虚构）";
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Empties the database (every collection: ledger, users, records, conversations, sign-ins) and remembers that the demo
    /// was removed. Refused when there is no demo, or when data other than the demo's was added beside it: that is real
    /// data, and deleting it is not what removing the demo means.
    /// </summary>
    public async Task<string> RemoveAsync(CancellationToken cancellationToken)
    {
        if (state != DemoState.Active)
        {
            throw new CliException("数据库中没有演示数据", "the database holds no demo workspace");
        }

        var marker = store.Documents.Find<DemoMarker>(Collection, MarkerId)!;
        var demoOrganizations = marker.Organizations.ToHashSet();
        var demoUsers = marker.Users.ToHashSet(StringComparer.Ordinal);
        var otherOrganizations = store.Organizations().Count(o => !demoOrganizations.Contains(o.Id));
        var otherUsers = store.Users().Count(u => !demoUsers.Contains(u.Id));
        if (otherOrganizations > 0 || otherUsers > 0)
        {
            throw new CliException(
                $"除演示数据外，数据库中还有 {otherOrganizations} 家单位、{otherUsers} 名用户，未删除任何数据。请换一个新的数据库文件（--db）导入正式台账",
                $"the database holds {otherOrganizations} organisation(s) and {otherUsers} user(s) besides the demo; nothing deleted");
        }

        var organizations = store.Organizations().Count;
        var users = store.Users().Count;
        await store.ClearAsync(cancellationToken);
        await WriteMarkerAsync(DemoState.Removed, cancellationToken, [], []);
        return $"演示数据已删除：{organizations} 家单位、{users} 名用户及其记录和对话。现在可以导入正式台账（import --ledger）和用户（import --users）";
    }

    private async Task WriteMarkerAsync(DemoState next, CancellationToken cancellationToken, IEnumerable<int> organizations, IEnumerable<string> users)
    {
        var marker = new DemoMarker
        {
            Id = MarkerId,
            State = next.ToString(),
            AtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Organizations = [.. organizations],
            Users = [.. users],
        };
        await store.WriteDocumentsAsync(documents => { documents.Upsert(Collection, MarkerId, marker); return true; }, cancellationToken);
        state = next;
    }

    private DemoState ReadState() =>
        store.Documents.Find<DemoMarker>(Collection, MarkerId) is { } marker && Enum.TryParse<DemoState>(marker.State, out var read)
            ? read
            : DemoState.None;

    private static string Extract(string name, string folder)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, ReadEmbedded(name));
        return path;
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(DemoWorkspace).Assembly.GetManifestResourceStream("Demo." + name)
            ?? throw new InvalidOperationException($"embedded demo file {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
