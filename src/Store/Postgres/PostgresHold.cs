using Npgsql;

namespace InstructorBot.Store.Postgres;

/// <summary>
/// A session advisory lock on a connection of its own, held until disposed: <c>pg_advisory_lock(space, hashtext(key))</c>.
/// The two-number form keeps these keys apart from the single-number lock of the schema migrations. A hash collision
/// only makes two keys wait for each other, never lets two holders of one key through.
/// </summary>
internal sealed class PostgresHold : IAsyncDisposable
{
    /// <summary>"IBOS" (InstructorBot sender) as an integer.</summary>
    private const int Space = 0x49424F53;

    private readonly NpgsqlConnection connection;
    private readonly string key;

    private PostgresHold(NpgsqlConnection connection, string key)
    {
        this.connection = connection;
        this.key = key;
    }

    public static async Task<IAsyncDisposable?> TakeAsync(NpgsqlDataSource source, string key, CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@space, hashtext(@key))", connection);
            command.Parameters.AddWithValue("space", Space);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresHold(connection, key);
        }
        catch
        {
            // A cancelled wait: closing the connection ends its session and anything it held.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@space, hashtext(@key))", connection);
            command.Parameters.AddWithValue("space", Space);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
