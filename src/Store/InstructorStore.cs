using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;
using InstructorBot.Store.Import;
using InstructorBot.Store.Storage;
using LiteDB;

namespace InstructorBot.Store;

/// <summary>
/// The embedded store: one LiteDB file per process, guarded by a lock file of its own. Reads come from immutable
/// in-memory snapshots (organisations, users) or from LiteDB directly; every write goes through one group-commit
/// writer and is acknowledged only once durable (committed, checkpointed, fsynced). Thread-safe.
/// </summary>
public sealed class InstructorStore : IDisposable
{
    private readonly FileStream lockFile;
    private readonly FileStream dataFile;
    private readonly LiteDatabase db;
    private readonly BsonMapper mapper;
    private readonly GroupCommitWriter writer;
    private readonly RecordEffects effects;
    private readonly TimeProvider clock;
    private volatile OrganizationSnapshot organizations;
    private volatile IReadOnlyList<User> users;
    private readonly Lock backupGate = new();
    private Timer? backupServer;
    private bool disposed;

    private InstructorStore(string path, FileStream lockFile, TimeProvider clock)
    {
        Path = path;
        this.lockFile = lockFile;
        this.clock = clock;
        mapper = StoreMapper.Create();
        db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, mapper);
        EnsureIndexes();
        db.Checkpoint();

        // A second handle on the data file, only to fsync it after each checkpoint (fsync flushes the file, whichever handle asks).
        dataFile = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        effects = new RecordEffects(mapper);
        organizations = OrganizationSnapshot.Of(OrganizationCollection.FindAll(), 1);
        users = LoadUsers();
        writer = new GroupCommitWriter(db, () => dataFile.Flush(flushToDisk: true), ApplyCommitted);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Changes whenever any organisation changes (a write or an import that changed one).</summary>
    public long OrganizationsVersion => organizations.Version;

    /// <summary>
    /// Changes only when an organisation is added or its name, credit code, district, street or community changes:
    /// what a name index depends on. A visit or a member discovery moves <see cref="OrganizationsVersion"/>, not this.
    /// </summary>
    public long OrganizationNamesVersion => organizations.NamesVersion;

    private ILiteCollection<Organization> OrganizationCollection => db.GetCollection<Organization>(Collections.Organizations, BsonAutoId.Int32);

    /// <summary>
    /// Opens (creating the folder and file if needed) and locks the database for this process. When another holder has the
    /// lock, waits up to <paramref name="lockWait"/> for it to let go: a host that is stopping (a systemd restart, a verb
    /// run right after) releases the file moments after it says it stopped.
    /// </summary>
    /// <exception cref="StoreException">Another process holds the database.</exception>
    public static InstructorStore Open(string path, TimeProvider? clock = null, TimeSpan lockWait = default)
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
            return new InstructorStore(full, lockFile, clock ?? TimeProvider.System);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    // ---- Reads -------------------------------------------------------------------------------------------------

    public IReadOnlyList<Organization> Organizations() => organizations.All;

    public Organization? FindOrganization(int id) => organizations.ById.GetValueOrDefault(id);

    public Organization? FindOrganizationByCreditCode(string creditCode) =>
        organizations.FindByCode(creditCode.Trim().ToUpperInvariant());

    public Organization? FindOrganizationByName(string exactName) => organizations.FindByName(exactName.Trim());

    /// <summary>"坂田街道", "龙岗区", "五和社区", "龙岗区/坂田街道" or a name without its suffix ("坂田") → the scope; null if unknown.</summary>
    public ScopeMatch? FindScope(string name) => ScopeResolver.Find(organizations.All, name);

    public IReadOnlyList<Organization> OrganizationsIn(Jurisdiction jurisdiction) =>
        organizations.All.Where(jurisdiction.Contains).ToArray();

    /// <summary>The figures (DOMAIN.md §Figures) for a scope name; null when the ledger has no such 区/街道/社区.</summary>
    public CoverageReport? Coverage(string scopeName) =>
        FindScope(scopeName) is { } scope ? new CoverageCalculator().Compute(scope.Name, OrganizationsIn(scope.Jurisdiction)) : null;

    /// <summary>The figures for a user's own jurisdiction (everything for an admin, named "全部").</summary>
    public CoverageReport Coverage(Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return new CoverageCalculator().Compute(jurisdiction.Name ?? "全部", OrganizationsIn(jurisdiction));
    }

    public IReadOnlyList<User> Users() => users;

    public User? FindUser(string id) => users.FirstOrDefault(u => u.Id == id);

    public User? FindUserByChannel(string channel, string channelUserId) =>
        users.FirstOrDefault(u => u.ChannelIdentities.Any(c => c.Channel == channel && c.ChannelUserId == channelUserId));

    public IReadOnlyList<Visit> Visits(Jurisdiction jurisdiction, DateOnly from, DateOnly to) => RecordsIn<Visit>(jurisdiction, from, to);

    public IReadOnlyList<Formation> Formations(Jurisdiction jurisdiction, DateOnly from, DateOnly to) =>
        RecordsIn<Formation>(jurisdiction, from, to);

    public IReadOnlyList<MemberDiscovery> MemberDiscoveries(Jurisdiction jurisdiction, DateOnly from, DateOnly to) =>
        RecordsIn<MemberDiscovery>(jurisdiction, from, to);

    public IReadOnlyList<WorkCoverage> WorkCoverages(Jurisdiction jurisdiction, DateOnly from, DateOnly to) =>
        RecordsIn<WorkCoverage>(jurisdiction, from, to);

    public IReadOnlyList<Pairing> Pairings(Jurisdiction jurisdiction, DateOnly from, DateOnly to) => RecordsIn<Pairing>(jurisdiction, from, to);

    /// <summary>一企一策: the plan in force for each unit of the jurisdiction that has one (its latest), by organisation id.</summary>
    public IReadOnlyDictionary<int, FormationPlan> FormationPlans(Jurisdiction jurisdiction) =>
        RecordsIn<FormationPlan>(jurisdiction, DateOnly.MinValue, DateOnly.MaxValue)
            .GroupBy(p => p.OrganizationId)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.RecordedAt).ThenBy(p => p.Id).Last());

    /// <summary>Every record the user reported, newest first.</summary>
    public IReadOnlyList<RecordRequest> RecordsBy(string userId) =>
        Collections.Records.Values
            .SelectMany(entry => db.GetCollection(entry.Collection).Find(Query.EQ(nameof(RecordRequest.ReportedBy), userId))
                .Select(doc => (RecordRequest)mapper.ToObject(entry.Type, doc)))
            .OrderByDescending(r => r.RecordedAt)
            .ToArray();

    /// <summary>The audit trail of one actor, newest first.</summary>
    public IReadOnlyList<AuditEntry> AuditOf(string actorUserId, int limit = 100) =>
        db.GetCollection<AuditEntry>(Collections.Audit).Query()
            .Where(e => e.Actor == actorUserId).OrderByDescending(e => e.Id).Limit(limit).ToList();

    /// <summary>A read on the caller's thread, for other features' own collections.</summary>
    public T Read<T>(Func<ILiteDatabase, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(db);
    }

    // ---- Writes ------------------------------------------------------------------------------------------------

    public Task<WriteReceipt> RecordAsync(string actorUserId, RecordRequest request, CancellationToken ct = default) =>
        RecordAsync(actorUserId, [request], ct);

    /// <summary>Writes all the records in one transaction, with their effects and one audit entry; returns once durable.</summary>
    public Task<WriteReceipt> RecordAsync(string actorUserId, IReadOnlyList<RecordRequest> requests, CancellationToken ct = default) =>
        RecordAsync(actorUserId, requests, alsoWrite: null, ct);

    /// <summary>
    /// As <see cref="RecordAsync(string, IReadOnlyList{RecordRequest}, CancellationToken)"/>, and
    /// <paramref name="alsoWrite"/> writes the caller's own collections in the same transaction once the receipt is known
    /// (on the writer thread; keep it short): both are durable together or not at all.
    /// </summary>
    public Task<WriteReceipt> RecordAsync(
        string actorUserId, IReadOnlyList<RecordRequest> requests, Action<ILiteDatabase, WriteReceipt>? alsoWrite, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentNullException.ThrowIfNull(requests);
        var copy = requests.ToArray();
        return writer.Enqueue(
            context =>
            {
                var receipt = effects.Record(context, actorUserId, copy, Now());
                alsoWrite?.Invoke(context.Db, receipt);
                return receipt;
            },
            ct);
    }

    /// <summary>Takes back the actor's last record write (records removed, organisations reverted); null when none is left.</summary>
    public Task<UndoReceipt?> UndoLastAsync(string actorUserId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        return writer.Enqueue(context => effects.UndoLast(context, actorUserId, Now()), ct);
    }

    /// <summary>Takes back one of the actor's own record writes by its audit id; null when it is not theirs or already undone.</summary>
    public Task<UndoReceipt?> UndoAsync(string actorUserId, int auditId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        return writer.Enqueue(context => effects.Undo(context, actorUserId, auditId, Now()), ct);
    }

    /// <summary>
    /// Replaces the actor's record write <paramref name="auditId"/> by <paramref name="replacement"/> in one transaction
    /// (the old one undone, the new one audited as its correction); null when the entry cannot be undone.
    /// <paramref name="alsoWrite"/> writes the caller's own collections in the same transaction.
    /// </summary>
    public Task<CorrectionReceipt?> CorrectAsync(
        string actorUserId, int auditId, IReadOnlyList<RecordRequest> replacement, Action<ILiteDatabase, CorrectionReceipt>? alsoWrite = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentNullException.ThrowIfNull(replacement);
        var copy = replacement.ToArray();
        return writer.Enqueue(
            context =>
            {
                var receipt = effects.Correct(context, actorUserId, auditId, copy, Now());
                if (receipt is not null)
                {
                    alsoWrite?.Invoke(context.Db, receipt);
                }

                return receipt;
            },
            ct);
    }

    /// <summary>The stored records an audit entry points at (those still stored), in its order.</summary>
    public IReadOnlyList<RecordRequest> FindRecords(IReadOnlyList<RecordRef> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var found = new List<RecordRequest>(references.Count);
        foreach (var reference in references)
        {
            if (Collections.Records.TryGetValue(reference.Kind, out var entry)
                && db.GetCollection(entry.Collection).FindById(reference.Id) is { } document)
            {
                found.Add((RecordRequest)mapper.ToObject(entry.Type, document));
            }
        }

        return found;
    }

    /// <summary>Loads a ledger (.csv in UTF-8/GB18030, or .xlsx). A file with any bad row is refused whole: nothing is written.</summary>
    public Task<ImportReport> ImportLedgerAsync(string file, CancellationToken ct = default) => ImportLedgerAsync(file, "system", ct);

    public async Task<ImportReport> ImportLedgerAsync(string file, string actorUserId, CancellationToken ct = default)
    {
        var parsed = await Task.Run(() => LedgerReader.Read(file), ct).ConfigureAwait(false);
        if (parsed.Errors.Count > 0)
        {
            return ImportReport.Refused(parsed.Errors);
        }

        return await writer.Enqueue(context => LedgerMerger.Merge(context, parsed.Rows, actorUserId, Now()), ct).ConfigureAwait(false);
    }

    /// <summary>Loads users (用户ID,姓名,角色,辖区); refused whole on any bad row.</summary>
    public Task<ImportReport> ImportUsersAsync(string file, CancellationToken ct = default) => ImportUsersAsync(file, "system", ct);

    public async Task<ImportReport> ImportUsersAsync(string file, string actorUserId, CancellationToken ct = default)
    {
        var parsed = await Task.Run(() => UserReader.Read(file), ct).ConfigureAwait(false);
        if (parsed.Errors.Count > 0)
        {
            return ImportReport.Refused(parsed.Errors);
        }

        return await writer.Enqueue(context => UserMerger.Merge(context, parsed.Users, actorUserId, Now()), ct).ConfigureAwait(false);
    }

    /// <summary>Adds or replaces a user (e.g. after binding a channel identity), audited.</summary>
    public Task SaveUserAsync(User user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Id);
        return writer.Enqueue(
            context =>
            {
                context.Users.Upsert(user);
                context.UsersChanged = true;
                context.Append(new AuditEntry { Actor = user.Id, At = Now(), Action = "save_user", Summary = user.Id });
                return true;
            },
            ct);
    }

    /// <summary>
    /// Empties every collection, keeping the collections and their indexes (a demo workspace being removed): the file
    /// is then as a new one, with the document ids going on where they were. Returns how many documents were deleted.
    /// </summary>
    public Task<int> ClearAsync(CancellationToken ct = default) =>
        writer.Enqueue(
            context =>
            {
                var deleted = 0;
                foreach (var name in context.Db.GetCollectionNames().ToList())
                {
                    deleted += context.Db.GetCollection(name).DeleteAll();
                }

                context.Cleared = true;
                context.UsersChanged = true;
                return deleted;
            },
            ct);

    /// <summary>A consistent copy of the database, taken on the writer thread between two groups (no write mid-flight).</summary>
    public Task BackupAsync(string destinationFile, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationFile);
        var destination = System.IO.Path.GetFullPath(destinationFile);
        if (string.Equals(destination, Path, StringComparison.Ordinal))
        {
            throw new StoreException("备份文件不能是数据库本身");
        }

        return writer.Enqueue(
            _ => true,
            ct,
            afterDurable: () =>
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
                var temporary = destination + ".partial";
                using (var source = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    source.CopyTo(target);
                    target.Flush(flushToDisk: true);
                }

                File.Move(temporary, destination, overwrite: true);
            });
    }

    /// <summary>A durable write of the caller's own collections, run on the writer thread inside the group's transaction.</summary>
    /// <remarks>Do not write organisations or users here: the snapshots would not see it. Use the domain writes.</remarks>
    public Task<T> WriteAsync<T>(Func<ILiteDatabase, T> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return writer.Enqueue(context => work(context.Db), ct);
    }

    /// <summary>
    /// Creates one of the caller's collections, and its indexes through <paramref name="indexes"/> (run on the writer, in
    /// the same write), before anyone uses it; returns once durable. LiteDB 5.0.x fails a read that races the transaction creating the collection it reads
    /// ("page type must be collection page", upstream #2792), and that failure closes the whole engine, so a collection
    /// must exist before two threads can touch it: call this from the owner's constructor, never from the writer.
    /// </summary>
    public void EnsureCollection(string name, Action<ILiteCollection<BsonDocument>>? indexes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (db.CollectionExists(name) && indexes is null)
        {
            return;
        }

        writer.Enqueue(
            context =>
            {
                var collection = context.Db.GetCollection(name);
                indexes?.Invoke(collection);

                if (!context.Db.CollectionExists(name))
                {
                    // LiteDB has no "create collection" and never creates one for its _id index: a placeholder does.
                    var placeholder = collection.Insert(new BsonDocument { ["_id"] = "__created__" });
                    collection.Delete(placeholder);
                }

                return true;
            },
            CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Answers <see cref="BackupRequest"/>s from other processes (the <c>backup</c> verb while the bot runs), polling the folder.</summary>
    public void ServeBackupRequests(TimeSpan? interval = null)
    {
        var every = interval ?? TimeSpan.FromSeconds(1);
        backupServer ??= new Timer(_ => AnswerBackupRequests(), null, every, every);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            backupServer?.Dispose();
            writer.Dispose();
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

    // ---- Internals ---------------------------------------------------------------------------------------------

    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
    }

    private void AnswerBackupRequests()
    {
        if (!backupGate.TryEnter())
        {
            return;
        }

        try
        {
            AnswerPendingBackupRequests();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // A timer callback that throws ends the process: a folder that cannot be listed now is polled again next time.
        }
        finally
        {
            backupGate.Exit();
        }
    }

    private void AnswerPendingBackupRequests()
    {
        var prefix = BackupRequest.Prefix(Path);
        var folder = System.IO.Path.GetDirectoryName(prefix)!;
        foreach (var request in Directory.EnumerateFiles(folder, System.IO.Path.GetFileName(prefix) + "*" + BackupRequest.RequestSuffix))
        {
            string answer;
            try
            {
                var destination = File.ReadAllText(request).Trim();
                File.Delete(request);
                BackupAsync(destination).GetAwaiter().GetResult();
                answer = BackupRequest.Ok;
            }
#pragma warning disable CA1031 // The requester gets the reason; the bot keeps serving.
            catch (Exception failed)
#pragma warning restore CA1031
            {
                answer = failed.Message;
            }

            try
            {
                var done = request[..^BackupRequest.RequestSuffix.Length] + ".done";
                File.WriteAllText(done + ".tmp", answer);
                File.Move(done + ".tmp", done, overwrite: true);
            }
            catch (IOException)
            {
                // The requester times out and says so.
            }
        }
    }

    private IReadOnlyList<User> LoadUsers() =>
        db.GetCollection<User>(Collections.Users).FindAll().OrderBy(u => u.Id, StringComparer.Ordinal).ToArray();

    private void ApplyCommitted(IReadOnlyList<WriteContext> contexts)
    {
        if (contexts.Any(c => c.Cleared))
        {
            // Versions go on rising, so caches keyed by them (the name index) never take the empty ledger for an old one.
            var next = Math.Max(organizations.Version, organizations.NamesVersion) + 1;
            organizations = OrganizationSnapshot.Of(OrganizationCollection.FindAll(), next);
        }

        var changed = contexts.SelectMany(c => c.ChangedOrganizations.Values).ToArray();
        if (changed.Length > 0)
        {
            organizations = organizations.With(changed);
        }

        if (contexts.Any(c => c.UsersChanged))
        {
            users = LoadUsers();
        }
    }

    private IReadOnlyList<T> RecordsIn<T>(Jurisdiction jurisdiction, DateOnly from, DateOnly to)
        where T : RecordRequest
    {
        var (collection, _) = Collections.Records.Values.First(entry => entry.Type == typeof(T));
        var snapshot = organizations;
        var range = Query.Between(nameof(RecordRequest.Date), mapper.Serialize(typeof(DateOnly), from), mapper.Serialize(typeof(DateOnly), to));
        return db.GetCollection(collection).Find(range)
            .Select(doc => (T)mapper.ToObject(typeof(T), doc))
            .Where(r => snapshot.ById.TryGetValue(r.OrganizationId, out var o) && jurisdiction.Contains(o))
            .OrderBy(r => r.Date).ThenBy(r => r.Id)
            .ToArray();
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
}
