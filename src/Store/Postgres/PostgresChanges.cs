using System.Globalization;
using InstructorBot.Store.Storage;
using Npgsql;

namespace InstructorBot.Store.Postgres;

/// <summary>
/// Keeps the snapshots of several hosts on one database fresh: a write group that changed organisations or users sends
/// <c>NOTIFY instructorbot_changes</c> inside its transaction (delivered only if it commits, in commit order), and each
/// store listens on a connection of its own. Payload: <c>origin|ids or *|u or -</c>; ids longer than
/// <see cref="MaxIdsText"/> characters become <c>*</c> (reload all). A store acts on its own notices too (reloading the ids
/// from the database), so a notice of another host's later commit applied before this host's own snapshot update is
/// undone by the reload that follows; only its own <c>*</c> is skipped (its snapshot already came from the whole table).
/// </summary>
internal sealed class PostgresChanges : IDisposable
{
    public const string Channel = "instructorbot_changes";

    private const int MaxIdsText = 7000;

    private readonly NpgsqlDataSource source;
    private readonly string origin;
    private readonly CancellationTokenSource stop = new();
    private readonly Action<StoreChanges> changed;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private NpgsqlConnection? connection;
    private Task? loop;
    private volatile bool failed;

    private PostgresChanges(NpgsqlDataSource source, string origin, Action<StoreChanges> changed)
    {
        this.source = source;
        this.origin = origin;
        this.changed = changed;
    }

    /// <summary>The payload a write group sends, or null when it changed nothing the snapshots hold.</summary>
    public static string? Payload(string origin, IReadOnlyCollection<int> organizationIds, bool allOrganizations, bool users)
    {
        if (!allOrganizations && organizationIds.Count == 0 && !users)
        {
            return null;
        }

        var ids = string.Join(',', organizationIds.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var organizations = allOrganizations || ids.Length > MaxIdsText ? "*" : ids;
        return $"{origin}|{organizations}|{(users ? "u" : "-")}";
    }

    /// <summary>
    /// Starts listening before the caller loads its snapshots (a commit in between is then not missed); notices are
    /// handed to <paramref name="changed"/> only after <see cref="Run"/>.
    /// </summary>
    public static PostgresChanges Listen(NpgsqlDataSource source, string origin, Action<StoreChanges> changed)
    {
        var listener = new PostgresChanges(source, origin, changed);
        listener.connection = listener.Connect();
        listener.loop = Task.Run(listener.LoopAsync);
        return listener;
    }

    /// <summary>Lets notices through (call once the snapshots are loaded).</summary>
    public void Run() => ready.TrySetResult();

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            loop?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping: whatever the loop ended with does not matter any more.
        }

        connection?.Dispose();
        stop.Dispose();
    }

    private NpgsqlConnection Connect()
    {
        var opened = source.OpenConnection();
        try
        {
            opened.Notification += (_, notice) => OnNotice(notice.Payload);
            using var command = new NpgsqlCommand($"LISTEN {Channel}", opened);
            command.ExecuteNonQuery();
            return opened;
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    private async Task LoopAsync()
    {
        await ready.Task.WaitAsync(stop.Token).ConfigureAwait(false);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (connection is null)
                {
                    connection = Connect();

                    // Notices sent while no connection listened are lost: reload everything once.
                    Deliver(StoreChanges.Everything);
                }

                if (!failed)
                {
                    await connection.WaitAsync(stop.Token).ConfigureAwait(false);
                }

                if (failed)
                {
                    throw new InvalidOperationException("A reload failed; listening again with a full reload.");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A lost server or connection: listen again after a pause; the reload covers the gap.
            catch (Exception)
#pragma warning restore CA1031
            {
                connection?.Dispose();
                connection = null;
                failed = false;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnNotice(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length != 3)
        {
            return;
        }

        var all = parts[1] == "*";
        if (all && parts[0] == origin && parts[2] == "-")
        {
            return;
        }

        var ids = all || parts[1].Length == 0
            ? []
            : parts[1].Split(',').Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToArray();
        Deliver(new StoreChanges(all && parts[0] != origin, ids, parts[2] == "u"));
    }

    private void Deliver(StoreChanges change)
    {
        try
        {
            changed(change);
        }
#pragma warning disable CA1031 // A reload that failed (the server went away) is retried by the reconnect's full reload.
        catch (Exception)
#pragma warning restore CA1031
        {
            failed = true;
        }
    }
}
