using InstructorBot.Store.Documents;
using InstructorBot.Store.Domain;
using LiteDB;

namespace InstructorBot.Store.Storage;

/// <summary>
/// The embedded engine: one LiteDB 5 file per process, guarded by a lock file of its own (LiteDB's direct mode does not
/// stop a second process on Linux). A write group is durable once committed, checkpointed and fsynced: LiteDB 5.0.20
/// acknowledges a commit before its pages reach the disk (upstream #2127, #2157).
/// </summary>
internal sealed class LiteDbEngine : IStoreEngine
{
    private readonly FileStream lockFile;
    private readonly FileStream dataFile;
    private readonly LiteDatabase db;
    private readonly BsonMapper mapper;
    private readonly RecordIds ids = new();
    private bool disposed;

    private LiteDbEngine(string path, FileStream lockFile)
    {
        Location = path;
        this.lockFile = lockFile;
        mapper = StoreMapper.Create();
        db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, mapper);
        try
        {
            EnsureIndexes();
            db.Checkpoint();

            // A second handle on the data file, only to fsync it after each checkpoint (fsync flushes the file, whichever handle asks).
            dataFile = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The full path of the database file.</summary>
    public string Location { get; }

    public ILiteDatabase Lite => db;

    // One process owns the file (its lock file): there is no other host to hold anything against.
    public Task<IAsyncDisposable?> HoldAsync(string key, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(null);

    // Explicit: Documents(collection) below is migrate's raw reader of the store's own collections.
    IDocumentReader IStoreEngine.Documents => new LiteDbDocuments(db);

    private ILiteCollection<Organization> OrganizationCollection => db.GetCollection<Organization>(Collections.Organizations, BsonAutoId.Int32);

    /// <summary>
    /// Opens (creating the folder and file if needed) and locks the database for this process. When another holder has the
    /// lock, waits up to <paramref name="lockWait"/> for it to let go.
    /// </summary>
    /// <exception cref="StoreException">Another process holds the database.</exception>
    public static LiteDbEngine Open(string path, TimeSpan lockWait)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var deadline = DateTime.UtcNow + lockWait;
        FileStream lockFile;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Linux: LiteDB's direct mode does not guard against a second process.
                lockFile = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                break;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
            catch (IOException busy)
            {
                throw new StoreException($"数据库正被另一个进程使用：{full}（database is in use by another process）", busy);
            }
        }

        try
        {
            return new LiteDbEngine(full, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    public IWriteSession OpenWriteSession() => new Session(this);

    public IReadOnlyList<Organization> LoadOrganizations() => OrganizationCollection.FindAll().ToList();

    public IReadOnlyList<Organization> LoadOrganizations(IReadOnlyCollection<int> ids) =>
        [.. ids.Select(id => OrganizationCollection.FindById(id)).OfType<Organization>()];

    public IDisposable? WatchChanges(Action<StoreChanges> changed, out Action start)
    {
        start = () => { };
        return null;
    }

    public IReadOnlyList<User> LoadUsers() =>
        db.GetCollection<User>(Collections.Users).FindAll().OrderBy(u => u.Id, StringComparer.Ordinal).ToArray();

    public IReadOnlyList<RecordRequest> RecordsBetween(string kind, DateOnly from, DateOnly to, Jurisdiction within)
    {
        var (collection, type) = Collections.Records[kind];
        var range = Query.Between(nameof(RecordRequest.Date), mapper.Serialize(typeof(DateOnly), from), mapper.Serialize(typeof(DateOnly), to));
        return db.GetCollection(collection).Find(range).Select(doc => (RecordRequest)mapper.ToObject(type, doc)).ToArray();
    }

    public IReadOnlyList<RecordRequest> RecordsBy(string userId) =>
        Collections.Records.Values
            .SelectMany(entry => db.GetCollection(entry.Collection).Find(Query.EQ(nameof(RecordRequest.ReportedBy), userId))
                .Select(doc => (RecordRequest)mapper.ToObject(entry.Type, doc)))
            .ToArray();

    public RecordRequest? FindRecord(RecordRef reference) =>
        Collections.Records.TryGetValue(reference.Kind, out var entry) && db.GetCollection(entry.Collection).FindById(reference.Id) is { } document
            ? (RecordRequest)mapper.ToObject(entry.Type, document)
            : null;

    public IReadOnlyList<AuditEntry> AuditOf(string actor, int limit) =>
        db.GetCollection<AuditEntry>(Collections.Audit).Query()
            .Where(e => e.Actor == actor).OrderByDescending(e => e.Id).Limit(limit).ToList();

    /// <summary>Copies the file, which after the last group's checkpoint holds every committed write.</summary>
    public void Backup(string destination)
    {
        if (string.Equals(destination, Location, StringComparison.Ordinal))
        {
            throw new StoreException("备份文件不能是数据库本身");
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
        var temporary = destination + ".partial";
        using (var source = new FileStream(Location, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            source.CopyTo(target);
            target.Flush(flushToDisk: true);
        }

        File.Move(temporary, destination, overwrite: true);
    }

    /// <summary>Every document of one of the store's collections as stored, for <c>migrate</c>.</summary>
    internal IEnumerable<BsonDocument> Documents(string collection) => db.GetCollection(collection).FindAll();

    /// <summary>The highest id an undo ever took back in a record collection (0 when none), for <c>migrate</c>.</summary>
    internal int RetiredFloor(string collection) =>
        db.GetCollection(Collections.RecordIdFloors).FindById(collection)?["Floor"] is { IsInt32: true } floor ? floor.AsInt32 : 0;

    internal BsonMapper Mapper => mapper;

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            db.Checkpoint();
        }
        finally
        {
            // Whatever failed above (an engine LiteDB already closed after an error), the files and the lock are let go:
            // every acknowledged write was checkpointed and fsynced with its group, and a kept lock would refuse the
            // next open for the life of this process.
            try
            {
                db.Dispose();
            }
            finally
            {
                dataFile.Dispose();
                lockFile.Dispose();
            }
        }
    }

    private void EnsureIndexes()
    {
        var organizationsCollection = OrganizationCollection;

        // Unique where present: an organisation without a code indexes as its own id, so absent codes never collide.
        organizationsCollection.EnsureIndex("CreditCode", "COALESCE($.CreditCode, '#' + STRING($._id))", unique: true);

        // Lookups by name, district, street and community are served from the in-memory snapshot, not LiteDB. Each
        // extra LiteDB index on organisations cost about 30 KB of allocation per row in a 100,000-row import
        // transaction (measured: 10.3 GB with five indexes, 7.2 GB with three), so only the credit code is indexed.
        foreach (var (collection, _) in Collections.Records.Values)
        {
            var records = db.GetCollection(collection);
            records.EnsureIndex(nameof(RecordRequest.OrganizationId));
            records.EnsureIndex(nameof(RecordRequest.Date));
            records.EnsureIndex(nameof(RecordRequest.ReportedBy));
        }

        var audit = db.GetCollection<AuditEntry>(Collections.Audit);
        audit.EnsureIndex(e => e.Actor);
        audit.EnsureIndex(e => e.At);
    }

    /// <summary>The writer thread's transactions: BeginTrans/Commit on that thread, then checkpoint and fsync.</summary>
    private sealed class Session(LiteDbEngine engine) : IWriteSession
    {
        private readonly LiteDbTransaction transaction = new(engine.db, engine.mapper, engine.ids);

        public IStoreTransaction Begin()
        {
            engine.db.BeginTrans();
            return transaction;
        }

        public void CommitDurably()
        {
            engine.db.Commit();
            engine.db.Checkpoint();
            engine.dataFile.Flush(flushToDisk: true);
        }

        public void Rollback() => engine.db.Rollback();

        public void Dispose()
        {
            // The database is the engine's; nothing of its own to let go.
        }
    }
}
