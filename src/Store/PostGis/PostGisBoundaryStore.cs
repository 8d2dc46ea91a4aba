using System.Net.Sockets;
using Npgsql;

namespace Boundaries.Store.PostGis;

/// <summary>
/// The PostGIS store: schema <c>boundaries</c> (created and upgraded by numbered migrations), divisions versioned by
/// validity period with a GiST index and an exclusion constraint (no two versions of a code in force on one day),
/// change sets and an audit log, each write in one transaction, bulk loads by binary COPY, <c>NOTIFY boundaries_changed</c>
/// on every commit, and the SQL function <c>boundaries.locate(lon, lat, at_date)</c>.
/// </summary>
/// <remarks>
/// Connections come from one <see cref="NpgsqlDataSource"/> (a pool). A pooled connection broken by a server restart is
/// found by a ping when it is taken; the pool is then cleared and the connection retried, so the next call after a
/// restart succeeds.
/// </remarks>
public sealed partial class PostGisBoundaryStore : IBoundaryStore
{
    internal const string Channel = "boundaries_changed";

    private readonly NpgsqlDataSource _dataSource;
    private readonly StoreOptions _options;

    /// <summary>Creates the store over <paramref name="connectionString"/>; does not connect.</summary>
    public PostGisBoundaryStore(string connectionString, StoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _options = options ?? StoreOptions.Default;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        _dataSource = builder.Build();
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"postgresql://{cs.Host}:{cs.Port}/{cs.Database}";
        ConnectionString = connectionString;
    }

    /// <inheritdoc />
    public string Location { get; }

    internal string ConnectionString { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            await PostGisMigrator.MigrateAsync(connection, cancellationToken);
            await connection.ReloadTypesAsync(cancellationToken);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw new StoreUnavailableException(Location, e.Message, e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Takes a pooled connection that answers; clears the pool and retries after a broken one.</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                await using (var ping = new NpgsqlCommand("SELECT 1", connection))
                {
                    await ping.ExecuteScalarAsync(cancellationToken);
                }
                return connection;
            }
            catch (Exception e) when (IsConnectionFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
                if (attempt >= _options.ConnectRetries)
                {
                    throw new StoreUnavailableException(Location, e.Message, e);
                }
                _dataSource.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(250 * (attempt + 1)), cancellationToken);
            }
        }
    }

    /// <summary>A failure of the connection itself, not an error the server reported about a statement.</summary>
    internal static bool IsConnectionFailure(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || p.SqlState == "3D000",
        NpgsqlException => true,
        IOException or SocketException or TimeoutException => true,
        _ => false,
    };
}
