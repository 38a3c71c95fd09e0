using Npgsql;

namespace InstructorBot.Store.Postgres;

/// <summary>
/// An advisory lock held by a transaction of its own, on a connection of its own, until disposed:
/// <c>pg_advisory_xact_lock(space, hashtext(key))</c>. A transaction-scoped lock ends with its transaction whatever
/// happens to the connection — rolled back on dispose, rolled back by Npgsql when a connection goes back to the pool with
/// a transaction open, ended by the server when the session dies — so a failed release can never leave a sender's key
/// held by an idle pooled connection, and letting go never throws into the turn that held it (whose records may already
/// be committed: a release error must not turn its answer into a failure). The two-number form keeps these keys apart
/// from the single-number lock of the schema migrations. A hash collision only makes two keys wait for each other, never
/// lets two holders of one key through.
/// </summary>
internal sealed class PostgresHold : IAsyncDisposable
{
    /// <summary>"IBOS" (InstructorBot sender) as an integer.</summary>
    private const int Space = 0x49424F53;

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private PostgresHold(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<IAsyncDisposable?> TakeAsync(NpgsqlDataSource source, string key, CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, hashtext(@key))", connection, transaction);
            command.Parameters.AddWithValue("space", Space);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresHold(connection, transaction);
        }
        catch
        {
            // A cancelled wait: closing the connection ends its transaction and anything it held.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.RollbackAsync().ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or IOException or ObjectDisposedException)
        {
            // The connection broke (a killed backend, a network fault): the server ended the session and its lock with it.
        }
        finally
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
