using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace InstructorBot.Store.Tests;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for the test run: Debian's initdb and pg_ctl in a temp folder, listening on a free
/// loopback port with its unix socket in that folder, started on first use and stopped when the test process exits.
/// As root initdb refuses to run, so the folder is given to the <c>postgres</c> user and the tools run as it
/// (<c>runuser -u postgres --</c>). Missing binaries fail the PostgreSQL rows with a clear message: never a skip.
/// </summary>
public sealed class PostgresCluster
{
    public const string BinariesFolder = "/usr/lib/postgresql/15/bin";

    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string folder;
    private readonly bool asPostgresUser;

    private PostgresCluster(string folder, int port, bool asPostgresUser)
    {
        this.folder = folder;
        Port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>The cluster of this test run, started on first use.</summary>
    public static PostgresCluster Instance => Shared.Value;

    /// <summary>A connection string to <paramref name="database"/> on the cluster (trust authentication on loopback).</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Timeout=30;Command Timeout=120";

    /// <summary>A new, empty database on the cluster; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever connections are left on it.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static PostgresCluster Start()
    {
        var initdb = Path.Combine(BinariesFolder, "initdb");
        var pgCtl = Path.Combine(BinariesFolder, "pg_ctl");
        if (!File.Exists(initdb) || !File.Exists(pgCtl))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 binaries not found at {BinariesFolder}: install Debian's postgresql package (.ci/run does). " +
                "The PostgreSQL rows of the store tests need them and are not skipped.");
        }

        var asPostgresUser = Environment.UserName == "root";
        // As root, under /tmp whatever TMPDIR says: the postgres user must be able to reach the folder.
        var folder = asPostgresUser
            ? Directory.CreateDirectory(Path.Combine("/tmp", "instructorbot-pg-" + Guid.NewGuid().ToString("N")[..12])).FullName
            : Directory.CreateTempSubdirectory("instructorbot-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var socket = Path.Combine(folder, "socket");
        Directory.CreateDirectory(socket);
        if (asPostgresUser)
        {
            Run("chown", ["-R", "postgres:postgres", folder], asPostgresUser: false);
        }

        var port = FreePort();
        var cluster = new PostgresCluster(folder, port, asPostgresUser);
        Run(initdb, ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asPostgresUser);

        // fsync off: a throwaway cluster for tests (the tests check behaviour, not the server's durability).
        var options = $"-p {port} -k {socket} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
        Run(pgCtl, ["-D", data, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"], asPostgresUser);
        cluster.WatchTestProcess();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    /// <summary>
    /// The test host may be ended before its exit handlers finish, so a detached watcher (setsid) stops the cluster and
    /// removes the folder once this process is gone, whatever way it went.
    /// </summary>
    private void WatchTestProcess()
    {
        const string Script = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            if [ "$4" = yes ]; then runuser -u postgres -- "$2" -D "$3/data" -m fast -w stop; else "$2" -D "$3/data" -m fast -w stop; fi
            rm -rf "$3"
            """;
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "-f", "bash", "-c", Script + " >/dev/null 2>&1", "watch", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                     Path.Combine(BinariesFolder, "pg_ctl"), folder, asPostgresUser ? "yes" : "no",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var watcher = Process.Start(start)!;
        watcher.WaitForExit();
    }

    private void Stop()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(BinariesFolder, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "fast", "-w", "stop"], asPostgresUser);
        }
        finally
        {
            // The folder belongs to the postgres user: removed by a plain rm, which waits for nothing of .NET's.
            Run("rm", ["-rf", folder], asPostgresUser: false);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string[] arguments, bool asPostgresUser)
    {
        var start = asPostgresUser ? new ProcessStartInfo("runuser") : new ProcessStartInfo(program);
        if (asPostgresUser)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.Result}{output.Result}");
        }
    }
}
