using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;
using Npgsql;

namespace InstructorBot.Benchmarks;

/// <summary>
/// LiteDB and PostgreSQL side by side in one run (issue 16) over the same generated ledger of 100,000 organisations:
/// the store's part of a turn (a visit with a member discovery, acknowledged once durable), one at a time and 16 at
/// once (group commit), the district report from the snapshot, and opening the store (the snapshot loaded from the
/// engine) followed by that report. PostgreSQL needs a server: set BENCH_POSTGRES to a connection string of a user who
/// may create databases (each run makes and drops its own), e.g.
/// BENCH_POSTGRES='Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres' \
///   dotnet run -c Release --project bench/Benchmarks -- --filter '*EngineBenchmarks*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Rows = 100_000;
    private const int SequentialWrites = 200;
    private const int ConcurrentWriters = 16;
    private const int WritesPerWriter = 25;
    private static readonly DateOnly Day = new(2026, 12, 5);

    private string folder = "";
    private string? database;
    private StoreOptions options = new();
    private InstructorStore? store;
    private int[] organizationIds = [];

    [Params(StoreEngineKind.LiteDb, StoreEngineKind.Postgres)]
    public StoreEngineKind Engine { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("instructorbot-bench-engines-").FullName;
        var ledger = Path.Combine(folder, "ledger-100k.csv");
        File.WriteAllText(ledger, StoreBenchmarks.GenerateLedger(Rows), new UTF8Encoding(false));
        options = Engine == StoreEngineKind.Postgres
            ? new StoreOptions { Engine = StoreEngineKind.Postgres, ConnectionString = CreateDatabase() }
            : new StoreOptions { Path = Path.Combine(folder, "bench.db") };
        store = InstructorStore.Open(options);
        var import = store.ImportLedgerAsync(ledger).GetAwaiter().GetResult();
        if (!import.Succeeded || import.Added != Rows)
        {
            throw new InvalidOperationException(import.Describe());
        }

        var users = Path.Combine(folder, "users.csv");
        File.WriteAllText(users, "用户ID,姓名,角色,辖区\nu_bench,压测指导员,指导员,测试3区\n", new UTF8Encoding(false));
        store.ImportUsersAsync(users).GetAwaiter().GetResult();
        organizationIds = store.OrganizationsIn(new Jurisdiction("测试3区")).Select(o => o.Id).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        store?.Dispose();
        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(ServerConnection(), $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The store's part of one turn, one after another: each write waits for its durable commit.</summary>
    [Benchmark(OperationsPerInvoke = SequentialWrites)]
    public async Task TurnWriteOneAtATime()
    {
        for (var i = 0; i < SequentialWrites; i++)
        {
            await WriteTurnAsync(i);
        }
    }

    /// <summary>16 senders writing at once: the writer commits them in groups.</summary>
    [Benchmark(OperationsPerInvoke = ConcurrentWriters * WritesPerWriter)]
    public Task TurnWrite16AtOnce() =>
        Task.WhenAll(Enumerable.Range(0, ConcurrentWriters).Select(async writer =>
        {
            for (var i = 0; i < WritesPerWriter; i++)
            {
                await WriteTurnAsync((writer * WritesPerWriter) + i);
            }
        }));

    /// <summary>report --scope 测试3区 from the open store's snapshot (10,000 units).</summary>
    [Benchmark]
    public CoverageReport ReportForADistrict() => store!.Coverage("测试3区") ?? throw new InvalidOperationException("scope");

    /// <summary>A verb's whole path: open the store (100,000 organisations loaded from the engine), then the district report.</summary>
    [Benchmark]
    public CoverageReport OpenThenReport()
    {
        // LiteDB allows one open per file: the benchmark's own store lets go for the verb and takes the file back after.
        store!.Dispose();
        try
        {
            using var verb = InstructorStore.Open(options);
            return verb.Coverage("测试3区") ?? throw new InvalidOperationException("scope");
        }
        finally
        {
            store = InstructorStore.Open(options);
        }
    }

    private Task<WriteReceipt> WriteTurnAsync(int i)
    {
        var id = organizationIds[i % organizationIds.Length];
        return store!.RecordAsync("u_bench", [new Visit { OrganizationId = id, Date = Day }, new MemberDiscovery { OrganizationId = id, Date = Day, Count = 1 }]);
    }

    private string CreateDatabase()
    {
        database = "bench_" + Guid.NewGuid().ToString("N");
        Execute(ServerConnection(), $"CREATE DATABASE {database}");
        return new NpgsqlConnectionStringBuilder(ServerConnection()) { Database = database }.ConnectionString;
    }

    private static string ServerConnection() =>
        Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException(
                "BENCH_POSTGRES is not set: give a PostgreSQL connection string of a user who may create databases (see EngineBenchmarks)");

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
