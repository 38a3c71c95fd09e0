using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;
using InstructorBot.Store.Import;
using InstructorBot.Store.Postgres;
using InstructorBot.Store.Tests;
using Npgsql;

namespace InstructorBot.Benchmarks;

/// <summary>
/// LiteDB and PostgreSQL side by side in one run (issue 16), over the same generated ledger (tests/Store.Tests/GeneratedLedger,
/// 10 districts × 10 streets × 10 communities) of 100,000 and of 1,000,000 organisations:
/// <list type="bullet">
/// <item>the store's part of a turn (a visit with a member discovery, acknowledged once durable), one at a time and 16 at
/// once (group commit);</item>
/// <item><c>report --scope 测试3区</c> (a tenth of the ledger) as the verb computes it: LiteDB from the open store's
/// snapshot, PostgreSQL in SQL (<see cref="PostgresFigures"/>); and the verb's whole path, opening included (LiteDB loads
/// every organisation, PostgreSQL only connects);</item>
/// <item><c>import --ledger</c> of the whole generated file into an empty database (PostgreSQL: binary COPY).</item>
/// </list>
/// PostgreSQL needs a server with durable commits (fsync on, as in production): set BENCH_POSTGRES to a connection string
/// of a user who may create databases; each run makes its own databases and drops them. The command, and how to start a
/// throwaway cluster for it, are in docs/store.md §Benchmarks side by side. BENCH_ROWS=2000 runs every benchmark once at
/// that size, outside BenchmarkDotNet (<c>-- --smoke</c>): a check that each setup works, not a measurement.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int SequentialWrites = 200;
    private const int ConcurrentWriters = 16;
    private const int WritesPerWriter = 25;
    private const string District = "测试3区";
    private static readonly DateOnly Day = new(2026, 12, 5);

    private readonly List<string> databases = [];
    private string folder = "";
    private string ledger = "";
    private StoreOptions options = new();
    private InstructorStore? store;
    private PostgresFigures? figures;
    private StoreOptions importOptions = new();
    private InstructorStore? importStore;
    private int[] organizationIds = [];

    [Params(StoreEngineKind.LiteDb, StoreEngineKind.Postgres)]
    public StoreEngineKind Engine { get; set; }

    [ParamsSource(nameof(Sizes))]
    public int Rows { get; set; }

    /// <summary>100,000 and 1,000,000 units, or the sizes BENCH_SIZES lists ("100000" for a shorter run).</summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("BENCH_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : [100_000, 1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("instructorbot-bench-engines-").FullName;
        ledger = Path.Combine(folder, $"ledger-{Rows}.csv");
        File.WriteAllText(ledger, GeneratedLedger.Csv(Rows), new UTF8Encoding(false));
        options = NewDatabase("bench");
        store = InstructorStore.Open(options);
        Imported(store.ImportLedgerAsync(ledger).GetAwaiter().GetResult());

        var users = Path.Combine(folder, "users.csv");
        File.WriteAllText(users, $"用户ID,姓名,角色,辖区\nu_bench,压测指导员,指导员,{District}\n", new UTF8Encoding(false));
        store.ImportUsersAsync(users).GetAwaiter().GetResult();
        organizationIds = store.OrganizationsIn(new Jurisdiction(District)).Select(o => o.Id).ToArray();
        figures = Engine == StoreEngineKind.Postgres ? PostgresFigures.Open(options.ConnectionString!) : null;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        figures?.Dispose();
        store?.Dispose();
        NpgsqlConnection.ClearAllPools();
        foreach (var database in databases)
        {
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

    /// <summary>report --scope 测试3区 as the verb computes it, the store already open: LiteDB's snapshot, or PostgreSQL's SQL.</summary>
    [Benchmark]
    public CoverageReport ReportForADistrict()
    {
        if (figures is not null)
        {
            var scope = figures.FindScope(District) ?? throw new InvalidOperationException("scope");
            return figures.Coverage(scope.Name, scope.Jurisdiction);
        }

        return store!.Coverage(District) ?? throw new InvalidOperationException("scope");
    }

    /// <summary>The report verb's whole path: LiteDB opens the store (every organisation loaded) then reports; PostgreSQL connects and runs the SQL.</summary>
    [Benchmark]
    public CoverageReport OpenThenReport()
    {
        if (Engine == StoreEngineKind.Postgres)
        {
            using var connected = PostgresFigures.Open(options.ConnectionString!);
            var scope = connected.FindScope(District) ?? throw new InvalidOperationException("scope");
            return connected.Coverage(scope.Name, scope.Jurisdiction);
        }

        // LiteDB allows one open per file: the benchmark's own store lets go for the verb and takes the file back after.
        store!.Dispose();
        try
        {
            using var verb = InstructorStore.Open(options);
            return verb.Coverage(District) ?? throw new InvalidOperationException("scope");
        }
        finally
        {
            store = InstructorStore.Open(options);
        }
    }

    [IterationSetup(Target = nameof(ImportLedger))]
    public void EmptyDatabase()
    {
        importOptions = NewDatabase("import");
        importStore = InstructorStore.Open(importOptions);
    }

    [IterationCleanup(Target = nameof(ImportLedger))]
    public void DropImportDatabase()
    {
        importStore?.Dispose();
        importStore = null;
        if (importOptions.ConnectionString is { } connection)
        {
            var database = new NpgsqlConnectionStringBuilder(connection).Database!;
            NpgsqlConnection.ClearAllPools();
            Execute(ServerConnection(), $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            databases.Remove(database);
        }
        else
        {
            foreach (var file in Directory.EnumerateFiles(folder, Path.GetFileNameWithoutExtension(importOptions.Path!) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>import --ledger of the whole file (Rows units) into an empty database: read, check every row, write durably.</summary>
    [Benchmark]
    public ImportReport ImportLedger() => Imported(importStore!.ImportLedgerAsync(ledger).GetAwaiter().GetResult());

    /// <summary>
    /// Every benchmark once at a small size on both engines, outside BenchmarkDotNet (BENCH_ROWS, default 2,000): what
    /// <c>-- --smoke</c> runs to check the setups before the lead's run on a quiet machine. Returns one line per step.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SmokeAsync(int rows)
    {
        var lines = new List<string>();
        foreach (var engine in new[] { StoreEngineKind.LiteDb, StoreEngineKind.Postgres })
        {
            var bench = new EngineBenchmarks { Engine = engine, Rows = rows };
            bench.Setup();
            try
            {
                await bench.TurnWriteOneAtATime();
                await bench.TurnWrite16AtOnce();
                var report = bench.ReportForADistrict();
                var again = bench.OpenThenReport();
                if (System.Text.Json.JsonSerializer.Serialize(report) != System.Text.Json.JsonSerializer.Serialize(again))
                {
                    throw new InvalidOperationException($"{engine}: the two report paths differ");
                }

                bench.EmptyDatabase();
                var import = bench.ImportLedger();
                bench.DropImportDatabase();
                lines.Add($"{engine}: {rows} rows; turn writes ok; {District} base {report.Base}, covered {report.Covered}; import {import.Describe()}");
            }
            finally
            {
                bench.Cleanup();
            }
        }

        return lines;
    }

    private static ImportReport Imported(ImportReport report) =>
        report.Succeeded && report.Added > 0 ? report : throw new InvalidOperationException(report.Describe());

    private StoreOptions NewDatabase(string name)
    {
        if (Engine == StoreEngineKind.LiteDb)
        {
            return new StoreOptions { Path = Path.Combine(folder, $"{name}-{Guid.NewGuid():N}.db") };
        }

        var database = $"bench_{name}_{Guid.NewGuid():N}";
        Execute(ServerConnection(), $"CREATE DATABASE {database}");
        databases.Add(database);
        return new StoreOptions
        {
            Engine = StoreEngineKind.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnection()) { Database = database, CommandTimeout = 0 }.ConnectionString,
        };
    }

    private Task<WriteReceipt> WriteTurnAsync(int i)
    {
        var id = organizationIds[i % organizationIds.Length];
        return store!.RecordAsync("u_bench", [new Visit { OrganizationId = id, Date = Day }, new MemberDiscovery { OrganizationId = id, Date = Day, Count = 1 }]);
    }

    private static string ServerConnection() =>
        Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException(
                "BENCH_POSTGRES is not set: give a PostgreSQL connection string of a user who may create databases (docs/store.md §Benchmarks side by side)");

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
