using System.Collections.Immutable;
using Npgsql;

namespace Boundaries.Store.PostGis;

public sealed partial class PostGisBoundaryStore
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction after writing its change set, queues the notification and commits;
    /// a unique or exclusion violation (another writer got there first) becomes a conflict, a broken connection an unavailable store.
    /// </summary>
    private async Task<ChangeSetReceipt> WriteAsync(string kind, string author, string reason, DateOnly? effective,
        Func<NpgsqlConnection, long, Task<ChangeSetReceipt>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var id = await InsertChangeSetAsync(connection, kind, author, reason, effective, cancellationToken);
            var receipt = await work(connection, id);
            await NotifyAsync(connection, id, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return receipt;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation)
        {
            throw new ConcurrencyConflictException(CodeIn(e), null, $"another writer changed the same records meanwhile ({e.MessageText}); nothing was written", e);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw new StoreUnavailableException(Location, $"the write failed and was rolled back: {e.Message}", e);
        }
    }

    private async Task<ImmutableArray<T>> ReadAsync<T>(string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            return await ReadAsync(connection, sql, parameters, map, cancellationToken);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw new StoreUnavailableException(Location, e.Message, e);
        }
    }

    private static async Task<ImmutableArray<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = ImmutableArray.CreateBuilder<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows.ToImmutable();
    }
}
