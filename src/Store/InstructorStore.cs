using InstructorBot.Store.Documents;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;
using InstructorBot.Store.Import;
using InstructorBot.Store.Storage;
using LiteDB;

namespace InstructorBot.Store;

/// <summary>
/// The store: the ledger, users, records and audit on an engine (<see cref="StoreEngineKind.LiteDb"/>, one embedded file
/// per process guarded by a lock file of its own, or <see cref="StoreEngineKind.Postgres"/>). Reads come from immutable
/// in-memory snapshots (organisations, users) or from the engine directly; every write goes through one group-commit
/// writer and is acknowledged only once durable. Thread-safe.
/// </summary>
public sealed class InstructorStore : IDisposable
{
    private readonly IStoreEngine engine;
    private readonly GroupCommitWriter writer;
    private readonly RecordEffects effects = new();
    private readonly TimeProvider clock;
    private volatile OrganizationSnapshot organizations;
    private volatile IReadOnlyList<User> users;
    private readonly Lock backupGate = new();

    /// <summary>Orders the snapshot updates of this process's writes and of other hosts' notices.</summary>
    private readonly Lock snapshotGate = new();

    /// <summary>Commits this store applied to its snapshots (under <see cref="snapshotGate"/>): a reload of rows read while it
    /// moved may be older than the snapshot and is read again.</summary>
    private long localCommits;

    private readonly IDisposable? changes;
    private Timer? backupServer;
    private bool disposed;

    private InstructorStore(IStoreEngine engine, StoreEngineKind kind, TimeProvider clock)
    {
        this.engine = engine;
        this.clock = clock;
        Engine = kind;

        // Listening starts before the snapshots load, so another host's commit in between is not missed.
        changes = engine.WatchChanges(ApplyElsewhere, out var startWatching);
        try
        {
            organizations = OrganizationSnapshot.Of(engine.LoadOrganizations(), 1);
            users = engine.LoadUsers();
            writer = new GroupCommitWriter(engine, ApplyCommitted);
        }
        catch
        {
            changes?.Dispose();
            throw;
        }

        startWatching();
    }

    /// <summary>
    /// The full path of the database file (LiteDB); on PostgreSQL, the server and database it is on (never a password).
    /// </summary>
    public string Path => engine.Location;

    /// <summary>Which engine holds the data.</summary>
    public StoreEngineKind Engine { get; }

    /// <summary>
    /// The knowledge documents added with <c>index</c> that every host on the same PostgreSQL database indexes
    /// (docs/store.md §Knowledge documents); null on LiteDB, where the one host's own index keeps them.
    /// </summary>
    public Postgres.SharedKnowledgeDocuments? KnowledgeDocuments => (engine as Postgres.PostgresEngine)?.Knowledge;

    /// <summary>The engine under the store, for <see cref="StoreMigration"/> and tests.</summary>
    internal IStoreEngine EngineBehind => engine;

    /// <summary>Changes whenever any organisation changes (a write or an import that changed one).</summary>
    public long OrganizationsVersion => organizations.Version;

    /// <summary>
    /// Changes only when an organisation is added or its name, credit code, district, street or community changes:
    /// what a name index depends on. A visit or a member discovery moves <see cref="OrganizationsVersion"/>, not this.
    /// </summary>
    public long OrganizationNamesVersion => organizations.NamesVersion;

    /// <summary>
    /// Opens (creating the folder and file if needed) and locks the LiteDB database for this process. When another holder has the
    /// lock, waits up to <paramref name="lockWait"/> for it to let go: a host that is stopping (a systemd restart, a verb
    /// run right after) releases the file moments after it says it stopped.
    /// </summary>
    /// <exception cref="StoreException">Another process holds the database.</exception>
    public static InstructorStore Open(string path, TimeProvider? clock = null, TimeSpan lockWait = default) =>
        Open(new StoreOptions { Path = path, LockWait = lockWait }, clock);

    /// <summary>Opens the store on the engine the options name (PostgreSQL: its schema is created or migrated first).</summary>
    /// <exception cref="StoreException">The database is held by another process, unreachable, or the options are incomplete.</exception>
    public static InstructorStore Open(StoreOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IStoreEngine engine = options.Engine switch
        {
            StoreEngineKind.Postgres => Postgres.PostgresEngine.Open(
                options.ConnectionString is { Length: > 0 } connection
                    ? connection
                    : throw new StoreException("使用 PostgreSQL 时必须配置连接字符串 Store:ConnectionString（Store:ConnectionString is required for the postgres engine）")),
            _ => LiteDbEngine.Open(options.Path ?? throw new StoreException("未配置数据库文件 Store:Path（Store:Path is required）"), options.LockWait),
        };
        try
        {
            return new InstructorStore(engine, options.Engine, clock ?? TimeProvider.System);
        }
        catch
        {
            engine.Dispose();
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
        engine.RecordsBy(userId).OrderByDescending(r => r.RecordedAt).ToArray();

    /// <summary>The audit trail of one actor, newest first.</summary>
    public IReadOnlyList<AuditEntry> AuditOf(string actorUserId, int limit = 100) => engine.AuditOf(actorUserId, limit);

    /// <summary>The host's own documents (dialogue state, handled turns, notices, …) on either engine, read on the caller's thread.</summary>
    public IDocumentReader Documents => engine.Documents;

    /// <summary>A read of the LiteDB database on the caller's thread (LiteDB engine only; the host uses <see cref="Documents"/>).</summary>
    public T Read<T>(Func<ILiteDatabase, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(engine.Lite);
    }

    /// <summary>
    /// Holds <paramref name="key"/> (e.g. a sender) until the result is disposed, against every other host on the same
    /// PostgreSQL database: a second holder waits. On LiteDB, where one process owns the file, nothing is held (the
    /// caller's own in-process gate is enough) and the result is null.
    /// </summary>
    public Task<IAsyncDisposable?> HoldAsync(string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return engine.HoldAsync(key, ct);
    }

    // ---- Writes ------------------------------------------------------------------------------------------------

    public Task<WriteReceipt> RecordAsync(string actorUserId, RecordRequest request, CancellationToken ct = default) =>
        RecordAsync(actorUserId, [request], ct);

    /// <summary>Writes all the records in one transaction, with their effects and one audit entry; returns once durable.</summary>
    public Task<WriteReceipt> RecordAsync(string actorUserId, IReadOnlyList<RecordRequest> requests, CancellationToken ct = default) =>
        RecordAsync(actorUserId, requests, alsoWrite: null, ct);

    /// <summary>
    /// As <see cref="RecordAsync(string, IReadOnlyList{RecordRequest}, CancellationToken)"/>, and
    /// <paramref name="alsoWrite"/> writes the caller's own documents in the same transaction once the receipt is known
    /// (on the writer thread; keep it short): both are durable together or not at all. When it throws, nothing of the
    /// write is kept and the task fails with its exception.
    /// </summary>
    public Task<WriteReceipt> RecordAsync(
        string actorUserId, IReadOnlyList<RecordRequest> requests, Action<IDocumentWriter, WriteReceipt>? alsoWrite, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentNullException.ThrowIfNull(requests);
        var copy = requests.ToArray();
        return writer.Enqueue(
            context =>
            {
                var receipt = effects.Record(context, actorUserId, copy, Now());
                alsoWrite?.Invoke(context.Data.Documents, receipt);
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
        string actorUserId, int auditId, IReadOnlyList<RecordRequest> replacement, Action<IDocumentWriter, CorrectionReceipt>? alsoWrite = null,
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
                    alsoWrite?.Invoke(context.Data.Documents, receipt);
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
            if (engine.FindRecord(reference) is { } record)
            {
                found.Add(record);
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
                context.Data.UpsertUser(user);
                context.UsersChanged = true;
                context.Append(new AuditEntry { Actor = user.Id, At = Now(), Action = "save_user", Summary = user.Id });
                return true;
            },
            ct);
    }

    /// <summary>
    /// Empties every collection, keeping the collections and their indexes (a demo workspace being removed): the file
    /// is then as a new one, with the document ids going on where they were. Returns how many documents were deleted.
    /// On PostgreSQL the store's tables are emptied; their id sequences go on too.
    /// </summary>
    public Task<int> ClearAsync(CancellationToken ct = default) =>
        writer.Enqueue(
            context =>
            {
                var deleted = context.Data.ClearAll();
                context.Cleared = true;
                context.UsersChanged = true;
                return deleted;
            },
            ct);

    /// <summary>
    /// A consistent copy of the database, taken on the writer thread between two groups (no write mid-flight): the LiteDB
    /// file, or on PostgreSQL a <c>pg_dump</c> archive (custom format, for <c>pg_restore</c>).
    /// </summary>
    public Task BackupAsync(string destinationFile, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationFile);
        var destination = System.IO.Path.GetFullPath(destinationFile);
        if (string.Equals(destination, Path, StringComparison.Ordinal))
        {
            throw new StoreException("备份文件不能是数据库本身");
        }

        return writer.Enqueue(_ => true, ct, afterDurable: () => engine.Backup(destination));
    }

    /// <summary>
    /// A durable write of the host's own documents, run on the writer thread inside the group's transaction (either
    /// engine); returns once committed. When <paramref name="work"/> throws, nothing it did is kept.
    /// </summary>
    public Task<T> WriteDocumentsAsync<T>(Func<IDocumentWriter, T> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return writer.Enqueue(context => work(context.Data.Documents), ct);
    }

    /// <summary>A durable write of the LiteDB database, run on the writer thread inside the group's transaction (LiteDB only).</summary>
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
    /// On PostgreSQL nothing is done: every collection is a part of the one <c>documents</c> table, with its indexes
    /// (migration 0003).
    /// </summary>
    public void EnsureCollection(string name, Action<ILiteCollection<BsonDocument>>? indexes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Engine == StoreEngineKind.Postgres)
        {
            return;
        }

        if (engine.Lite.CollectionExists(name) && indexes is null)
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
        if (Engine != StoreEngineKind.LiteDb)
        {
            // A PostgreSQL server serves any number of readers, and pg_dump backs it up while the bot runs.
            return;
        }

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
            changes?.Dispose();
            writer.Dispose();
        }
        finally
        {
            // Whatever failed above, the engine lets go of its files, lock or connections.
            engine.Dispose();
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

    /// <summary>
    /// Another host (or this one, PostgreSQL notices come back to their sender) committed changes to organisations or
    /// users: the snapshots reload them from the database, in the order the commits happened.
    /// </summary>
    private void ApplyElsewhere(StoreChanges change)
    {
        if (change.AllOrganizations || change.OrganizationIds.Count > 0)
        {
            while (true)
            {
                var seen = LocalCommits();
                var loaded = change.AllOrganizations ? engine.LoadOrganizations() : engine.LoadOrganizations(change.OrganizationIds);
                lock (snapshotGate)
                {
                    if (seen != localCommits)
                    {
                        // This store committed while the rows were read: they may be older than what its commit put in
                        // the snapshot (an undo's reverted figure overwritten by the figure before it). Read them again.
                        continue;
                    }

                    // Only what differs from the snapshot moves the versions (this store's own notices mostly find nothing new).
                    var current = organizations;
                    var changed = loaded.Where(o => !current.ById.TryGetValue(o.Id, out var held)
                        || held.UpdatedAt != o.UpdatedAt || !OrganizationEquality.Same(held, o)).ToArray();
                    var present = change.AllOrganizations ? loaded.Select(o => o.Id).ToHashSet() : null;
                    if (present is not null && current.ById.Keys.Any(id => !present.Contains(id)))
                    {
                        // Units gone (a clear): a new snapshot, with versions still rising.
                        organizations = OrganizationSnapshot.Of(loaded, Math.Max(current.Version, current.NamesVersion) + 1);
                    }
                    else if (changed.Length > 0)
                    {
                        organizations = current.With(changed);
                    }
                }

                break;
            }
        }

        if (change.Users)
        {
            while (true)
            {
                var seen = LocalCommits();
                var loaded = engine.LoadUsers();
                lock (snapshotGate)
                {
                    if (seen != localCommits)
                    {
                        continue;
                    }

                    users = loaded;
                }

                break;
            }
        }
    }

    private long LocalCommits()
    {
        lock (snapshotGate)
        {
            return localCommits;
        }
    }

    private void ApplyCommitted(IReadOnlyList<WriteContext> contexts)
    {
        lock (snapshotGate)
        {
            ApplyCommittedLocked(contexts);
        }
    }

    private void ApplyCommittedLocked(IReadOnlyList<WriteContext> contexts)
    {
        localCommits++;
        if (contexts.Any(c => c.Cleared))
        {
            // Versions go on rising, so caches keyed by them (the name index) never take the empty ledger for an old one.
            var next = Math.Max(organizations.Version, organizations.NamesVersion) + 1;
            organizations = OrganizationSnapshot.Of(engine.LoadOrganizations(), next);
        }

        var changed = contexts.SelectMany(c => c.ChangedOrganizations.Values).ToArray();
        if (changed.Length > 0)
        {
            organizations = organizations.With(changed);
        }

        if (contexts.Any(c => c.UsersChanged))
        {
            users = engine.LoadUsers();
        }
    }

    private IReadOnlyList<T> RecordsIn<T>(Jurisdiction jurisdiction, DateOnly from, DateOnly to)
        where T : RecordRequest
    {
        var kind = Collections.Records.First(entry => entry.Value.Type == typeof(T)).Key;
        var snapshot = organizations;
        return engine.RecordsBetween(kind, from, to, jurisdiction)
            .Cast<T>()
            .Where(r => snapshot.ById.TryGetValue(r.OrganizationId, out var o) && jurisdiction.Contains(o))
            .OrderBy(r => r.Date).ThenBy(r => r.Id)
            .ToArray();
    }
}
